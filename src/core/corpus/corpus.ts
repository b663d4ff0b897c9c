/**
 * Parsing a whole corpus: articles are parsed once each; a second look re-dates only the articles
 * whose dateline year was chosen among weekday candidates without context of their own, using the
 * corpus's central year (the median of the years all articles mention).
 */
import { Article, corpusContextYear, datedYear, needsCorpusContext, parseArticle, ParseOptions } from '../article/article';

export { needsCorpusContext } from '../article/article';
import { EntryCache, FileStamp, knowledgeDigest } from '../persist/cache';
import type { Entity, Recognizer } from '../entities/recognizer';
import { EntityIndex } from './entityIndex';
import { compactMentions } from '../persist/mentionText';
import { EntryParser, inThreadParser, ParsedFile } from './entryParser';
import type { CorpusEntry, CorpusFile, Disposable } from './types';

export type { CorpusEntry, CorpusFile, Disposable } from './types';

export interface ArticleInput {
  name: string;
  text: string;
}


export function parseCorpus(inputs: readonly ArticleInput[], options: Omit<ParseOptions, 'contextYear'> = {}): Article[] {
  const articles = inputs.map((f) => parseArticle(f.name, f.text, options));
  const contextYear = corpusContextYear(articles);
  if (contextYear === undefined) return articles;
  return articles.map((a, i) => (needsCorpusContext(a) ? parseArticle(a.name, inputs[i]!.text, { ...options, contextYear }) : a));
}

// ---------------------------------------------------------------------------------------------
// A live corpus over a host (VS Code's workspace, or an in-memory one in tests).


/** A file's size and modification time (ms): what tells the entry cache the file did not change. */
export interface FileStat {
  size: number;
  mtime: number;
}

/** What the corpus needs from its environment: a small workspace interface. */
export interface CorpusHost {
  listFiles(): Promise<CorpusFile[]>;
  readFile(file: CorpusFile): Promise<Uint8Array>;
  /** Size and modification time without reading the file, where the host can tell (keys the entry cache). */
  stat?(file: CorpusFile): Promise<FileStat>;
}

/** How far the running load (or batch of changes) is. */
export interface IndexingProgress {
  done: number;
  total: number;
}

export interface CorpusOptions extends Omit<ParseOptions, 'contextYear'> {
  recognizer?: Recognizer;
  /** Where files are decoded, parsed and recognized (default: in this thread). */
  parser?: EntryParser;
  /** The entry cache to take unchanged files from when (re)loading, for the knowledge base with this digest. */
  loadCache?: (knowledge: string) => Promise<EntryCache | undefined>;
  /**
   * While a load or a batch of changes runs, listeners are told of the articles read so far at most this often
   * (ms), so views fill in as results arrive. Unset: told once, at the end.
   */
  progressIntervalMs?: number;
}


/** A file that could not be read as an article, and why, in words for the user. */
export interface CorpusProblem {
  file: CorpusFile;
  message: string;
}


/** The id of the problem reported when the host cannot list the corpus at all. */
export const LISTING_PROBLEM_ID = 'corpus-navigator:listing';

/** Error codes meaning "no such file": Node's, and VS Code's FileSystemError's. */
const NOT_FOUND = new Set(['ENOENT', 'FileNotFound', 'EntryNotFound']);
const isNotFound = (e: unknown): boolean => NOT_FOUND.has(String((e as { code?: unknown } | undefined)?.code));

/** Why a file could not be read, in words for the user (from Node's or VS Code's file system errors). */
export function readErrorMessage(e: unknown): string {
  const code = String((e as { code?: unknown } | undefined)?.code ?? '');
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    NoPermissions: 'permission denied',
    ELOOP: 'symbolic link loop',
    EISDIR: 'it is a folder',
    FileIsADirectory: 'it is a folder',
    ENOENT: 'no such file',
    FileNotFound: 'no such file',
  };
  return known[code] ?? (e instanceof Error ? e.message : String(e));
}


/**
 * The entries by file id, counting as they change the years the articles speak of (what `corpusContextYear`
 * takes the median of), so that the corpus's central year costs a few dozen steps per change, not a pass
 * over every article.
 */
class EntryMap extends Map<string, CorpusEntry> {
  private readonly years = new Map<number, number>();
  private total = 0;
  /** Ids of the entries with a notice (how a file not in UTF-8 was read): few, so listing them is cheap. */
  readonly noticeIds = new Set<string>();
  /** Told of every id set or deleted (what keeps derived indexes current without a pass over the corpus). */
  readonly trackers = new Set<ChangeTracker>();
  /** Entries deleted so far. */
  removals = 0;

  override set(id: string, entry: CorpusEntry): this {
    const old = super.get(id);
    if (old) this.count(old.article, -1);
    super.set(id, entry);
    this.count(entry.article, 1);
    if (entry.notice) this.noticeIds.add(id);
    else this.noticeIds.delete(id);
    for (const t of this.trackers) t.note(id);
    return this;
  }

  override delete(id: string): boolean {
    const old = super.get(id);
    if (old) this.count(old.article, -1);
    this.noticeIds.delete(id);
    if (old) {
      this.removals++;
      for (const t of this.trackers) t.note(id);
    }
    return super.delete(id);
  }

  override clear(): void {
    this.years.clear();
    this.total = 0;
    this.noticeIds.clear();
    for (const t of this.trackers) t.noteAll();
    super.clear();
  }

  /** The same year as `corpusContextYear(all articles)`. */
  medianYear(): number | undefined {
    if (this.total === 0) return undefined;
    const target = (this.total - 1) >> 1;
    let seen = 0;
    for (const year of [...this.years.keys()].sort((a, b) => a - b)) {
      seen += this.years.get(year)!;
      if (seen > target) return year;
    }
    return undefined;
  }

  private count(a: Article, sign: 1 | -1): void {
    const add = (y: number): void => {
      const n = (this.years.get(y) ?? 0) + sign;
      if (n === 0) this.years.delete(y);
      else this.years.set(y, n);
      this.total += sign;
    };
    for (const y of a.yearsMentioned) add(y);
    const year = datedYear(a);
    if (year >= 0) add(year);
  }
}

/**
 * The ids of the entries set or deleted since the last `take()` (see `Corpus.trackChanges`), so that an
 * index derived from the corpus is brought up to date in the time of the change, not of the corpus. Past
 * `limit` ids it stops counting and says `all`: the consumer then compares everything (or rebuilds).
 */
export class ChangeTracker implements Disposable {
  private ids = new Set<string>();
  private overflow = false;

  constructor(
    private readonly limit: number,
    private readonly onDispose: (t: ChangeTracker) => void,
  ) {}

  note(id: string): void {
    if (this.overflow) return;
    this.ids.add(id);
    if (this.ids.size > this.limit) this.noteAll();
  }

  noteAll(): void {
    this.overflow = true;
    this.ids.clear();
  }

  /** How many changes are waiting (Infinity past the limit). */
  get pending(): number {
    return this.overflow ? Infinity : this.ids.size;
  }

  /** What changed since the last call (or since the tracker was made), and starts counting afresh. */
  take(): { all: boolean; ids: ReadonlySet<string> } {
    const out = { all: this.overflow, ids: this.ids };
    this.ids = new Set();
    this.overflow = false;
    return out;
  }

  dispose(): void {
    this.onDispose(this);
  }
}

/** How many files are read at once while loading, per lane (two lanes: one reads while the other's batch is parsed). */
const PARSE_BATCH = 32;
/** How many files are stat'ed at once when looking them up in the entry cache. */
const STAT_BATCH = 128;
/** In-thread work runs at most this long (ms) before the event loop gets a turn. */
const YIELD_EVERY_MS = 30;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The parsed corpus, kept current as files come, change and go. Each file is parsed once per
 * change (by the `EntryParser`: in this thread or a worker); unchanged files come from the entry
 * cache when there is one; every feature reads the same parsed articles. Changes are applied one
 * at a time, in order; a load can be cancelled (what was read so far stays).
 */
export class Corpus {
  private readonly entries = new EntryMap();
  private readonly stamps = new Map<string, FileStat>();
  private readonly problemsById = new Map<string, CorpusProblem>();
  private readonly listeners = new Set<() => void>();
  private queue: Promise<void> = Promise.resolve();
  private loaded: Promise<void> | undefined;
  private contextYear: number | undefined;
  private recognizer: Recognizer | undefined;
  private knowledgeOf: { recognizer: Recognizer | undefined; digest: string } | undefined;
  private entityIndex: EntityIndex | undefined;
  /** Entries changed since `entityIndex` was last brought up to date. */
  private readonly entityChanges = this.trackChanges();
  private readonly parser: EntryParser;
  private readonly loadCache: CorpusOptions['loadCache'];
  private readonly progressInterval: number | undefined;
  private readonly options: Omit<ParseOptions, 'contextYear'>;
  /** The load or batch of changes running now. */
  private work: IndexingProgress | undefined;
  /** Bumped by each reload: a load that is no longer the latest stops. */
  private generation = 0;
  private cancelRequested = false;
  private cancelledLast = false;
  private lastEmit = 0;
  /** Files parsed (not taken from the cache) so far: see `revision`. */
  private parsed = 0;
  private lastYield = 0;

  constructor(
    private readonly host: CorpusHost,
    { recognizer, parser, loadCache, progressIntervalMs, ...options }: CorpusOptions = {},
  ) {
    this.options = options;
    this.recognizer = recognizer;
    this.parser = parser ?? inThreadParser;
    this.loadCache = loadCache;
    this.progressInterval = progressIntervalMs;
  }

  /** Resolves once the latest full load is done (starting the first if needed). */
  async ready(): Promise<void> {
    let current = this.loaded ?? this.reload();
    for (;;) {
      await current;
      // A reload started meanwhile (a new knowledge base, new folders): wait for that one.
      if (this.loaded === current || this.loaded === undefined) return;
      current = this.loaded;
    }
  }

  /** Lists and reads every file again (unchanged ones from the cache); a load still running stops. */
  reload(): Promise<void> {
    const generation = ++this.generation;
    this.cancelRequested = false;
    this.loaded = this.enqueue(() => this.load(generation));
    return this.loaded;
  }

  /**
   * Counts the changes to the entries that did not come from the entry cache (files parsed, entries removed): the
   * same number after a warm start as before it means the cache on disk still holds the corpus.
   */
  get revision(): number {
    return this.parsed + this.entries.removals;
  }

  /** The load or batch of changes under way, if any. */
  get indexing(): IndexingProgress | undefined {
    return this.work && { ...this.work };
  }

  /** True when the last load was cancelled before every file was read. */
  get cancelled(): boolean {
    return this.cancelledLast;
  }

  /** Stops the running load after the batches in flight; what was read so far stays. */
  cancel(): void {
    if (this.work) this.cancelRequested = true;
  }

  /** Recognizes entities with `recognizer` from now on: every file is read again. */
  setRecognizer(recognizer: Recognizer | undefined): Promise<void> {
    this.recognizer = recognizer;
    this.entityIndex = undefined; // other entities: a new index (not an update of this one)
    return this.reload();
  }

  get entityRecognizer(): Recognizer | undefined {
    return this.recognizer;
  }

  /** The digest of the knowledge base the entries were recognized with (keys the entry cache). */
  knowledge(): string {
    // Kept for the recognizer it was made for (a digest of every entity: tens of ms, asked at each load and snapshot).
    let known = this.knowledgeOf;
    if (!known || known.recognizer !== this.recognizer) {
      known = this.knowledgeOf = { recognizer: this.recognizer, digest: knowledgeDigest([...(this.recognizer?.entities.values() ?? [])]) };
    }
    return known.digest;
  }

  /**
   * The corpus by entity (built on first use, then brought up to date by the files changed since; during a load,
   * possibly behind by the files read since it was made, until the load ends).
   */
  entities(): EntityIndex {
    const many = Math.max(64, this.entries.size / 8);
    // While a load runs, many changes wait for its end: one new index then, not one per progress report (views
    // asking as batches arrive would otherwise rebuild it again and again: 2.5 times the work at 20k articles).
    if (this.entityIndex && this.work && this.entityChanges.pending > many) return this.entityIndex;
    const { all, ids } = this.entityChanges.take();
    // Many changes (a load, a checkout): a new index is cheaper than as many updates.
    if (this.entityIndex && (all || ids.size > many)) this.entityIndex = undefined;
    if (this.entityIndex) for (const id of ids) this.entityIndex.update(id, this.entries.get(id));
    return (this.entityIndex ??= new EntityIndex(this.all(), this.knownAndDiscovered()));
  }

  /**
   * Collects the ids of the files whose entry changes (set, replaced or deleted) from now on, for an index
   * kept in step with the corpus; past `limit` changes between two `take()`s it just says that all may have.
   */
  trackChanges(limit = 4096): ChangeTracker {
    const tracker = new ChangeTracker(limit, (t) => this.entries.trackers.delete(t));
    this.entries.trackers.add(tracker);
    return tracker;
  }

  /** Every entity: the recognizer's, and the people discovered across the corpus (roles merged). */
  private knownAndDiscovered(): Map<string, Entity> {
    const all = new Map(this.recognizer?.entities ?? []);
    for (const entry of this.entries.values()) {
      for (const d of entry.discovered) {
        const seen = all.get(d.id);
        if (!seen) all.set(d.id, { ...d, roles: [...(d.roles ?? [])] });
        else for (const r of d.roles ?? []) if (!seen.roles?.some((x) => x.titleAr === r.titleAr)) seen.roles?.push(r);
      }
    }
    return all;
  }

  /** A file was created or changed. */
  update(file: CorpusFile): Promise<void> {
    return this.enqueue(async () => {
      await this.parseFiles([file], () => false);
      await this.redateForContext();
    });
  }

  /** Files were deleted: `id` itself, or everything under it when it names a folder. */
  remove(id: string): Promise<void> {
    return this.enqueue(async () => {
      this.removeNow(id);
      await this.redateForContext();
    });
  }

  /**
   * A burst of changes as one step (a checkout, a rename: deleted then created): the removed ids (files or
   * folders) go, the changed files are read again in batches, and listeners are told as for a load.
   */
  applyChanges(changes: { changed: readonly CorpusFile[]; removed: readonly string[] }): Promise<void> {
    return this.enqueue(async () => {
      for (const id of changes.removed) this.removeNow(id);
      if (changes.changed.length > 0) await this.track(changes.changed.length, (stopped) => this.parseFiles(changes.changed, stopped));
      await this.redateForContext();
    });
  }

  get size(): number {
    return this.entries.size;
  }

  all(): CorpusEntry[] {
    return [...this.entries.values()];
  }

  /** The entries read with a notice (e.g. decoded as UTF-16): a handful, without a pass over the corpus. */
  noticed(): CorpusEntry[] {
    return [...this.entries.noticeIds].map((id) => this.entries.get(id)!);
  }

  get(id: string): CorpusEntry | undefined {
    return this.entries.get(id);
  }

  problems(): CorpusProblem[] {
    return [...this.problemsById.values()];
  }

  /** The entries with their files' size and mtime, for the entry cache (entries whose stamp is unknown are left out). */
  cacheable(): { stamp: FileStamp; entry: CorpusEntry }[] {
    const out: { stamp: FileStamp; entry: CorpusEntry }[] = [];
    for (const [id, entry] of this.entries) {
      const s = this.stamps.get(id);
      if (s) out.push({ stamp: { id, size: s.size, mtime: s.mtime }, entry });
    }
    return out;
  }

  /** Called after every change has been applied (and, with `progressIntervalMs`, as a load goes). */
  onDidChange(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private emit(): void {
    this.lastEmit = Date.now();
    for (const l of [...this.listeners]) l();
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work).finally(() => this.emit());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private removeNow(id: string): void {
    const prefix = id.endsWith('/') ? id : id + '/';
    for (const map of [this.entries, this.problemsById, this.stamps] as Map<string, unknown>[]) {
      for (const key of [...map.keys()]) if (key === id || key.startsWith(prefix)) map.delete(key);
    }
  }

  private async load(generation: number): Promise<void> {
    let files: CorpusFile[] = [];
    let listError: unknown;
    try {
      files = await this.host.listFiles();
    } catch (e) {
      listError = e;
    }
    // Files no longer listed go now; the others stay until their new entry replaces them, so views never empty.
    const listed = new Set(files.map((f) => f.id));
    for (const map of [this.entries, this.problemsById, this.stamps] as Map<string, unknown>[]) {
      for (const key of [...map.keys()]) if (!listed.has(key)) map.delete(key);
    }
    if (listError !== undefined) {
      const file = { id: LISTING_PROBLEM_ID, name: 'corpus folders' };
      this.problemsById.set(file.id, { file, message: `cannot be listed: ${readErrorMessage(listError)}` });
    }
    await this.track(files.length, async (stopped) => {
      const toParse = await this.fromCache(files, stopped);
      await this.parseFiles(toParse, () => stopped() || generation !== this.generation);
    });
    await this.redateForContext(true);
  }

  /** Runs a load or batch of changes over `total` files, with progress, cancellation and a first change event. */
  private async track(total: number, run: (stopped: () => boolean) => Promise<void>): Promise<void> {
    this.work = { done: 0, total };
    this.cancelledLast = false;
    if (this.progressInterval !== undefined) this.emit();
    try {
      await run(() => this.cancelRequested);
    } finally {
      this.cancelledLast = this.cancelRequested;
      this.cancelRequested = false;
      this.work = undefined;
    }
  }

  /** Takes the entries of unchanged files from the cache; returns the files left to parse. */
  private async fromCache(files: CorpusFile[], stopped: () => boolean): Promise<CorpusFile[]> {
    const stat = this.host.stat?.bind(this.host);
    if (!stat || !this.loadCache || files.length === 0) return files;
    let cache: EntryCache | undefined;
    try {
      cache = await this.loadCache(this.knowledge());
    } catch {
      cache = undefined; // an unreadable cache is no cache
    }
    if (!cache || cache.size === 0) return files;
    const rest: CorpusFile[] = [];
    for (let i = 0; i < files.length; i += STAT_BATCH) {
      const slice = files.slice(i, i + STAT_BATCH);
      if (stopped()) {
        rest.push(...slice);
        continue;
      }
      const stats = await Promise.all(slice.map((f) => stat(f).catch(() => undefined)));
      slice.forEach((file, k) => {
        const s = stats[k];
        const hit = s && cache.get({ id: file.id, size: s.size, mtime: s.mtime }, file);
        if (!s || !hit) return void rest.push(file);
        this.problemsById.delete(file.id);
        this.entries.set(file.id, hit);
        this.stamps.set(file.id, { size: s.size, mtime: s.mtime });
        if (this.work) this.work.done++;
      });
      await this.progressed();
    }
    return rest;
  }

  /** Reads and parses files in batches, two lanes at once (one reads while the other's batch is parsed). */
  private async parseFiles(files: readonly CorpusFile[], stopped: () => boolean, contextYear = this.contextYear): Promise<void> {
    const options: ParseOptions = contextYear === undefined ? this.options : { ...this.options, contextYear };
    const recognizer = this.recognizer;
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < files.length && !stopped()) {
        const batch = files.slice(next, (next += PARSE_BATCH));
        const read = await Promise.all(batch.map((f) => this.readBytes(f)));
        const jobs = read.filter((r): r is NonNullable<typeof r> => r !== undefined);
        const results = jobs.length > 0 ? await this.parser.parse(jobs, recognizer, options) : [];
        results.forEach((r, k) => this.apply(jobs[k]!.file, r, jobs[k]!.stamp, contextYear));
        if (this.work) this.work.done += batch.length;
        await this.progressed();
      }
    };
    await Promise.all([lane(), lane()]);
  }

  /** A file's bytes (and stamp), or undefined when it cannot be read (recorded as gone, or as a problem). */
  private async readBytes(file: CorpusFile): Promise<{ file: CorpusFile; bytes: Uint8Array; stamp?: FileStat } | undefined> {
    try {
      const s = this.host.stat ? await this.host.stat(file) : undefined;
      const bytes = await this.host.readFile(file);
      return s ? { file, bytes, stamp: { size: s.size, mtime: s.mtime } } : { file, bytes };
    } catch (e) {
      this.entries.delete(file.id);
      this.stamps.delete(file.id);
      // Deleted or renamed between listing and reading: it is simply gone (a renamed file comes back under its new name).
      if (isNotFound(e)) this.problemsById.delete(file.id);
      // Unreadable: say why.
      else this.problemsById.set(file.id, { file, message: `cannot be read: ${readErrorMessage(e)}` });
      return undefined;
    }
  }

  private apply(file: CorpusFile, parsed: ParsedFile, stamp: FileStat | undefined, contextYear: number | undefined): void {
    if (parsed.entry === undefined) {
      this.entries.delete(file.id);
      this.stamps.delete(file.id);
      this.problemsById.set(file.id, { file, message: parsed.problem });
      return;
    }
    this.problemsById.delete(file.id);
    // Mentions kept small: their text, range and snippet read off the article when asked.
    parsed.entry.mentions = compactMentions(parsed.entry.article, parsed.entry.mentions);
    if (contextYear !== undefined) parsed.entry.contextYear = contextYear;
    this.entries.set(file.id, parsed.entry);
    this.parsed++;
    if (stamp) this.stamps.set(file.id, stamp);
    else this.stamps.delete(file.id);
  }

  /** After each batch: tells listeners (at most every `progressIntervalMs`) and lets the event loop run. */
  private async progressed(): Promise<void> {
    const now = Date.now();
    if (this.progressInterval !== undefined && now - this.lastEmit >= this.progressInterval) this.emit();
    if (now - this.lastYield >= YIELD_EVERY_MS) {
      await yieldToEventLoop();
      this.lastYield = Date.now();
    }
  }

  /**
   * When the corpus's central year changes, re-dates the few articles that depend on it; after a load, also
   * those dated with another year (entries from the cache are dated with the year of their day).
   */
  private async redateForContext(afterLoad = false): Promise<void> {
    const year = this.entries.medianYear();
    if (year === this.contextYear && !afterLoad) return;
    this.contextYear = year;
    const stale = this.all().filter((e) => needsCorpusContext(e.article) && e.contextYear !== year);
    await this.parseFiles(
      stale.map((e) => e.file),
      () => false,
      year,
    );
  }
}
