/**
 * The entry cache on disk (src/core/persist/cache.ts) in the extension's storage for this workspace: read when the
 * corpus loads, so unchanged files are not parsed again; written a few seconds after the corpus last changed
 * (never while it is indexing, at most once a minute, and not after a reopening that changed nothing), a slice at
 * a time so the window does not wait; the search index's snapshot beside it. A missing, corrupt or outdated
 * cache reads as empty and the corpus is parsed as if there were none; the next write replaces it.
 */
import * as vscode from 'vscode';
import type { CacheFile } from '../../node/cacheFile';
import { type ByteParts, concatBytes } from '../../core/persist/binary';
import { EntryCache, splitCache, writeCacheInSlices } from '../../core/persist/cache';
import type { Corpus } from '../../core/corpus/corpus';
import type { CacheFiles } from '../platform';

const FILE = 'entry-cache.bin';
/** The search index's snapshot, beside the entry cache (written with it, valid for the same corpus state). */
const SEARCH_FILE = 'search-index.bin';
/** Wait this long (ms) after the last change before writing. */
const WRITE_DELAY_MS = 3000;
/** At most one write a minute: at 20k articles the cache and the snapshot are hundreds of MB. */
const MIN_WRITE_INTERVAL_MS = 60_000;

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class EntryCacheStore implements vscode.Disposable {
  /** Where the entry cache is written (the search snapshot beside it). */
  readonly uri: vscode.Uri;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> | undefined;
  private dirty = false;
  private subscription: { dispose(): void } | undefined;
  /** When the last write started (ms since the epoch; 0: none yet). */
  private lastWrite = 0;
  /**
   * The corpus's `revision` the cache on disk holds: 0 at first (a corpus all read from the cache has changed
   * nothing since; one parsed has), then the one last written.
   */
  private writtenRevision = 0;
  /** The search index's snapshot, when the corpus's entries and the index agree (set once search is registered). */
  private searchSnapshot: ((pause: () => Promise<void>) => Promise<ByteParts | undefined>) | undefined;
  /**
   * The cache files the entries read from them take their bodies from, open (where the host reads the cache in
   * place: a `file:` storage in the Node extension host): the one last read or written, and any read before it
   * (a reload's entries may still be shown); closed when a file written replaces them, and with the store.
   */
  private files: CacheFile[] = [];
  private followed: Corpus | undefined;

  /** `cacheFiles`: the cache read in place and written in parts, where the host has Node's file system. */
  constructor(
    context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    private readonly cacheFiles: CacheFiles | undefined,
  ) {
    this.uri = vscode.Uri.joinPath(context.storageUri ?? context.globalStorageUri, FILE);
  }

  /** The cache for entries recognized with the knowledge base `knowledge` (empty when missing, corrupt or outdated). */
  async load(knowledge: string): Promise<EntryCache> {
    const t0 = Date.now();
    if (this.cacheFiles && this.uri.scheme === 'file') {
      // The front read; the articles' bodies left in the file until read.
      const opened = await this.cacheFiles.open(this.uri.fsPath);
      if (!opened) return EntryCache.empty(); // no cache yet
      this.files.push(opened.file);
      const cache = await EntryCache.readInSlices(opened.split, knowledge, pause);
      this.log.info(`entry cache: ${cache.size} entries read (${(opened.split.front.length / 1048576).toFixed(1)} MB; bodies left on disk) in ${Date.now() - t0} ms`);
      this.warnUnused(cache);
      return cache;
    }
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.uri);
    } catch {
      return EntryCache.empty(); // no cache yet
    }
    const cache = await EntryCache.readInSlices(bytes, knowledge, pause);
    this.log.info(`entry cache: ${cache.size} entries read (${(bytes.length / 1048576).toFixed(1)} MB) in ${Date.now() - t0} ms`);
    this.warnUnused(cache);
    return cache;
  }

  /** Says why a cache on disk was not used (it is rebuilt: the corpus parsed again, the cache written anew). */
  private warnUnused(cache: EntryCache): void {
    if (cache.problem) this.log.warn(`entry cache not used (${cache.problem}): the corpus is parsed again and the cache rebuilt`);
  }

  /** The last search snapshot written, if any (the search checks that it fits the corpus as it is). */
  async loadSearchSnapshot(): Promise<Uint8Array | undefined> {
    try {
      return await vscode.workspace.fs.readFile(this.searchUri);
    } catch {
      return undefined;
    }
  }

  /** Also writes the search index's snapshot with the entries (`snapshot` gives none when it has not changed). */
  writeSearchSnapshot(snapshot: (pause: () => Promise<void>) => Promise<ByteParts | undefined>): void {
    this.searchSnapshot = snapshot;
  }

  private get searchUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.uri, '..', SEARCH_FILE);
  }

  /** Writes the corpus's entries a while after it changes; the returned disposable stops following it. */
  follow(corpus: Corpus): vscode.Disposable {
    this.followed = corpus;
    this.subscription = corpus.onDidChange(() => {
      this.dirty = true;
      this.schedule(corpus);
    });
    return this;
  }

  /** Writes now what would be written a while after the last change (the tests' way to a warm start). */
  async writeNow(): Promise<void> {
    if (!this.followed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.writing;
    this.dirty = true;
    await this.write(this.followed);
  }

  private schedule(corpus: Corpus): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.write(corpus);
    }, Math.max(WRITE_DELAY_MS, this.lastWrite + MIN_WRITE_INTERVAL_MS - Date.now()));
  }

  private async write(corpus: Corpus): Promise<void> {
    // Still indexing, or a write under way: the change after it schedules the next.
    if (corpus.indexing || this.writing || !this.dirty) return;
    this.dirty = false;
    this.lastWrite = Date.now();
    this.writing = (async () => {
      const t0 = Date.now();
      try {
        // Reopened and unchanged (every entry from the cache): nothing to write (hundreds of MB at 20k articles).
        const revision = corpus.revision;
        if (revision !== this.writtenRevision) {
          const entries = corpus.cacheable();
          const written = await writeCacheInSlices(corpus.knowledge(), entries, pause);
          await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.uri, '..'));
          if (this.cacheFiles && this.uri.scheme === 'file') {
            // The entries whose bodies were never read now read them from the new file; the old ones are closed.
            const previous = this.files;
            this.files = [await this.cacheFiles.write(this.uri.fsPath, written, previous)];
            previous.forEach((f) => void f.close());
          } else {
            const bytes = written.bytes();
            await vscode.workspace.fs.writeFile(this.uri, bytes);
            written.rebase(splitCache(bytes)!.bodies);
          }
          this.writtenRevision = revision;
          this.log.info(`entry cache: ${entries.length} entries written (${(written.parts.length / 1048576).toFixed(1)} MB) in ${Date.now() - t0} ms`);
        }
        // The snapshot, when the index changed since it was restored or last written.
        const snapshot = await this.searchSnapshot?.(pause);
        if (snapshot) {
          await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.uri, '..'));
          if (this.cacheFiles && this.searchUri.scheme === 'file') await this.cacheFiles.writeFile(this.searchUri.fsPath, snapshot);
          else await vscode.workspace.fs.writeFile(this.searchUri, concatBytes(snapshot.parts));
          this.log.info(`search index snapshot written (${(snapshot.length / 1048576).toFixed(1)} MB)`);
        }
      } catch (e) {
        this.log.warn(`entry cache not written: ${e instanceof Error ? e.message : String(e)}`);
      }
    })();
    await this.writing;
    this.writing = undefined;
    if (this.dirty && !this.timer) this.schedule(corpus); // changed while writing
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscription?.dispose();
    this.files.forEach((f) => void f.close());
    this.files = [];
  }
}
