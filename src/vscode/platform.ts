/**
 * What differs between the two hosts the extension runs in, given to `activateCorpusNavigator` by its composition
 * root: the Node extension host (`extension.node.ts`: worker threads, Node's file system) and VS Code for the Web
 * (`extension.web.ts`: a web worker that reads files only through `vscode.workspace.fs`).
 */
import type * as vscode from 'vscode';
import type { CacheFile, writeCacheFile, writeFileAtomically } from '../node/cacheFile';
import type { CorpusFile } from '../core/corpus/types';
import type { EntryParser } from '../core/corpus/entryParser';
import type { AsyncSearchEngine } from '../core/search/types';
import type { Recognizer } from '../core/entities/recognizer';

/** A search server's engine (src/node/archive/), closed when the setting changes. */
export interface ArchiveEngine extends AsyncSearchEngine {
  /** How many articles and lines (paragraphs) of the archive name each entity (GROUP BY on the server). */
  entityCounts(ids: readonly string[]): Promise<Map<string, { articles: number; lines: number }>>;
  close(): Promise<void>;
}

/** The live updates of an archive's agents (src/node/archive/updates.ts), closed when the settings change. */
export interface ArchiveWriter {
  /** The agents written, as `host:port/index[,…]`. */
  readonly source: string;
  changed(files: readonly { name: string; read(): Promise<string | undefined> }[]): void;
  removed(names: readonly string[]): void;
  /** Files waiting to be sent. */
  readonly waiting: number;
  /** Stops; with `flushMs`, sends what waits first, for at most that long. */
  close(flushMs?: number): Promise<void>;
}

export interface ArchiveWriterOptions {
  recognizer: () => Recognizer | undefined;
  /** Each failed try: the error names the server. */
  onFailure: (error: Error, pending: number, first: boolean) => void;
  onRecovery: () => void;
  onBatch: (report: { written: number; replaced: number; unchanged: number; deleted: number }) => void;
}

/** The entry cache read in place on disk, and the extension's storage files written in parts (src/node/cacheFile.ts). */
export interface CacheFiles {
  open: typeof CacheFile.open;
  write: typeof writeCacheFile;
  /** Any file of the extension's storage (the search snapshot), written without joining its parts. */
  writeFile: typeof writeFileAtomically;
}

export interface Platform {
  /** Where the corpus parses files: worker threads, or the extension host's own thread between which it yields. */
  createEntryParser(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): EntryParser;
  /**
   * A corpus file's text read at once (synchronously), where the host can: what lets the search index keep no copy
   * of every text (a result's text is read when it is shown). Undefined where it cannot: the index keeps the texts.
   */
  syncTextReader(): ((file: CorpusFile) => string | undefined) | undefined;
  /** The cache files on a `file:` storage, where the host has Node's file system; else the cache is read whole. */
  cacheFiles: CacheFiles | undefined;
  /**
   * The engine of a search server (`host:port/index`, the `searchServer` setting) or why the address is wrong;
   * undefined where the host cannot reach one (the web: no TCP sockets).
   */
  openArchive?: (server: string, timeoutMs: number) => ArchiveEngine | { error: string };
  /** The live updates of the agents `host:port/index[,…]` (the `searchServerUpdates` setting); undefined on the web. */
  openArchiveWriter?: (agents: string, options: ArchiveWriterOptions) => ArchiveWriter | { error: string };
}
