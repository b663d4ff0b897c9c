/** VS Code for the Web reads files only through `vscode.workspace.fs` (asynchronously): no synchronous reader. */
import type { CorpusFile } from '../core/corpus';

export function syncTextReader(): ((file: CorpusFile) => string | undefined) | undefined {
  return undefined;
}
