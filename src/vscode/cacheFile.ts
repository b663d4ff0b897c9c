/**
 * The entry cache read in place on disk (src/cacheFile.ts), where the extension host has Node's file system.
 * The web bundle has none (cacheFile.web.ts: scripts/build.mjs swaps the module) and holds the cache's bytes.
 */
import { CacheFile, writeCacheFile, writeFileAtomically } from '../cacheFile';

export interface CacheFiles {
  open: typeof CacheFile.open;
  write: typeof writeCacheFile;
  /** Any file of the extension's storage (the search snapshot), written without joining its parts. */
  writeFile: typeof writeFileAtomically;
}

export const cacheFiles: CacheFiles | undefined = { open: (path) => CacheFile.open(path), write: writeCacheFile, writeFile: writeFileAtomically };
