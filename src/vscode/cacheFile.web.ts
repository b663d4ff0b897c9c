/** VS Code for the Web has no Node file system: the entry cache is read whole through `vscode.workspace.fs`. */
import type { CacheFiles } from './cacheFile';

export const cacheFiles: CacheFiles | undefined = undefined;
