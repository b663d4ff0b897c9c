/**
 * The archive client as the extension loads it: a bundle of its own (dist/archive.js, minified), required only when
 * a search server is set, so that `mysql2` is neither parsed at every activation nor a large part of the .vsix.
 */
import { ArchiveSearch } from './archiveSearch';
import { parseServerAddress } from './sphinxql';
import { ArchiveUpdater, parseTargets, type UpdaterOptions } from './updates';

/** The engine of a search server (`host:port[/index]`), or why the address is wrong. */
export function openArchive(server: string, timeoutMs: number): ArchiveSearch | { error: string } {
  const address = parseServerAddress(server);
  return 'error' in address ? address : new ArchiveSearch(address, { timeoutMs });
}

/** The live updates of the agents `host:port/index[,…]` (the `searchServerUpdates` setting), or why the list is wrong. */
export function openArchiveUpdater(agents: string, options: UpdaterOptions): ArchiveUpdater | { error: string } {
  const targets = parseTargets(agents);
  return 'error' in targets ? targets : new ArchiveUpdater(targets, options);
}
