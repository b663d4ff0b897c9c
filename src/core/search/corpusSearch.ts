/**
 * Keeps a search index in step with a live corpus: after each corpus change, documents whose parsed
 * entry changed are indexed again (their text read through `readText`), removed ones are dropped.
 * Pure TypeScript; VS Code passes a reader over `workspace.fs`.
 */
import type { ParseOptions, Part } from '../article/article';
import { parseCorpus } from '../corpus/corpus';
import type { ChangeTracker, Corpus, CorpusEntry, CorpusFile, Disposable } from '../corpus/corpus';
import { ENGINE_VERSION, knowledgeDigest } from '../persist/cache';
import { type ByteParts, concatBytes } from '../persist/binary';
import { recognitionContext, recognizeArticle, type Recognizer } from '../entities/recognizer';
import { SearchDocument, SearchIndex, type SearchEngine } from './index';
import { partAt, partsOf } from '../persist/mentionText';
import { runInSlices } from '../persist/steps';

/** The search document of a corpus entry. */
export function searchDocument(entry: Pick<CorpusEntry, 'file' | 'article' | 'mentions'>, text: string): SearchDocument {
  const { article } = entry;
  return {
    id: entry.file.id,
    name: entry.file.name,
    text,
    title: { text: article.title.text, start: article.title.range.start, end: article.title.range.end },
    outlet: article.outlet?.text,
    date: article.date?.iso,
    mentions: entry.mentions.map(({ entity, type, start, end }) => ({ entity, type, start, end })),
  };
}

const READ_CONCURRENCY = 16;

export interface CorpusSearchOptions {
  /** A text read at once (for a restored index's results); without it, texts are read in the background after a restore. */
  readTextSync?: (file: CorpusFile) => string | undefined;
  /** The last `snapshot()`, to start from instead of reading and indexing every file. */
  loadSnapshot?: () => Promise<Uint8Array | undefined>;
}

/** What a snapshot is valid for: the engine, the knowledge base and every file's stamp. */
export function snapshotKey(corpus: Corpus): string {
  const stamps = corpus.cacheable().map(({ stamp }) => [stamp.id, stamp.size, stamp.mtime] as const);
  stamps.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return `${ENGINE_VERSION}:${corpus.knowledge()}:${stamps.length}:${knowledgeDigest(stamps)}`;
}

export class CorpusSearch implements Disposable {
  private searchIndex = new SearchIndex();
  private restoring: Promise<void> | undefined;
  private readonly texts = new Map<string, string>();
  /** The parts of the entries whose lines were read last (see `lineOf`). */
  private readonly parts = new Map<CorpusEntry, Part[]>();
  private readonly indexed = new Map<string, CorpusEntry>();
  private syncing: Promise<void> = Promise.resolve();
  private stale = true;
  private readonly subscription: Disposable;
  /** The corpus's changes since the last sync: everything the first time. */
  private readonly changes: ChangeTracker;
  /** Documents added or removed so far, and that count when the index was restored or last snapshotted. */
  private revision = 0;
  private snapshotRevision = -1;
  /** What the index's entities were last gathered from (see `sync`). */
  private entitiesSeen: { recognizer: unknown; index: unknown; version: number; searchIndex: SearchIndex } | undefined;
  /** Syncs started (a snapshot made in slices is dropped if one ran meanwhile). */
  private syncs = 0;

  constructor(
    private readonly corpus: Corpus,
    private readonly readText: (file: CorpusFile) => Promise<string | undefined>,
    private readonly options: CorpusSearchOptions = {},
  ) {
    this.subscription = corpus.onDidChange(() => {
      this.stale = true;
    });
    this.changes = corpus.trackChanges();
    this.changes.noteAll();
    this.adopt(this.searchIndex);
  }

  /**
   * The index as soon as it can answer: while the corpus is still being read, the articles read so far
   * (`partial`); otherwise the whole corpus, as `ready()`.
   */
  async current(): Promise<{ engine: SearchEngine; partial: boolean }> {
    if (!this.corpus.indexing) return { engine: await this.ready(), partial: false };
    this.stale = false;
    this.syncing = this.syncing.then(() => this.sync());
    await this.syncing;
    return { engine: this.searchIndex, partial: this.corpus.indexing !== undefined };
  }

  get index(): SearchIndex {
    return this.searchIndex;
  }

  /** The index as it is, asked only as a search engine (what the quick pick and the concordance need). */
  get engine(): SearchEngine {
    return this.searchIndex;
  }

  /**
   * The index as one buffer, keyed by the corpus's state (undefined while either is changing; with `ifChanged`, also
   * when the index is the one restored or last taken: the snapshot on disk still holds it).
   */
  snapshot(ifChanged = false): Uint8Array | undefined {
    const parts = this.snapshotParts(ifChanged);
    return parts && concatBytes(parts.parts);
  }

  /** `snapshot` as the parts it is made of (a host writing it to a file need not join hundreds of MB). */
  snapshotParts(ifChanged = false): ByteParts | undefined {
    if (!this.canSnapshot(ifChanged)) return undefined;
    const revision = this.revision;
    const parts = this.searchIndex.toSnapshotParts(snapshotKey(this.corpus));
    this.snapshotRevision = revision;
    return parts;
  }

  /**
   * `snapshotParts` a slice at a time (`runInSlices`): a large corpus's snapshot is too long to make in one step of
   * the extension host. Undefined, as for `snapshotParts`, and also when the index changed meanwhile
   * (the next write takes another).
   */
  async snapshotInSlices(ifChanged: boolean, pause: () => Promise<void>, sliceMs = 20): Promise<ByteParts | undefined> {
    if (!this.canSnapshot(ifChanged)) return undefined;
    const [index, revision, syncs] = [this.searchIndex, this.revision, this.syncs];
    const unchanged = (): boolean => this.searchIndex === index && this.revision === revision && this.syncs === syncs;
    try {
      const parts = await runInSlices(index.snapshotSteps(snapshotKey(this.corpus)), pause, sliceMs, unchanged);
      if (parts === undefined || !unchanged() || this.stale) return undefined;
      this.snapshotRevision = revision;
      return parts;
    } catch {
      return undefined; // the index changed under a step: the next write takes another
    }
  }

  /**
   * Makes, a slice at a time, what the first queries on this index would otherwise make (`SearchIndex.prepareSteps`);
   * false when the index changed meanwhile (the next query makes what is left).
   */
  async prepareInSlices(pause: () => Promise<void>, sliceMs = 20): Promise<boolean> {
    const [index, revision, syncs] = [this.searchIndex, this.revision, this.syncs];
    const unchanged = (): boolean => this.searchIndex === index && this.revision === revision && this.syncs === syncs;
    return (await runInSlices(index.prepareSteps(), pause, sliceMs, unchanged).then(() => unchanged())) === true;
  }

  /** Whether the index holds the corpus as it is (and, with `ifChanged`, differs from the snapshot on disk). */
  private canSnapshot(ifChanged: boolean): boolean {
    if (this.corpus.indexing || this.stale) return false;
    if (ifChanged && this.revision === this.snapshotRevision) return false;
    const all = this.corpus.all();
    return all.length === this.indexed.size && all.every((e) => this.indexed.get(e.file.id) === e);
  }

  /** Once, before the first sync: the index from the last snapshot, when it was taken of the corpus as it is now. */
  private async restore(): Promise<void> {
    const bytes = await this.options.loadSnapshot?.().catch(() => undefined);
    if (!bytes || this.indexed.size > 0) return;
    const files = new Map(this.corpus.all().map((e) => [e.file.id, e]));
    const sync = this.options.readTextSync;
    const readText = (id: string): string | undefined => {
      const file = files.get(id)?.file;
      return this.texts.get(id) ?? (file && sync ? sync(file) : undefined);
    };
    const index = SearchIndex.fromSnapshot(bytes, snapshotKey(this.corpus), readText);
    if (!index) return; // another state, version or a damaged file: indexed from the texts
    this.searchIndex = index;
    this.adopt(index);
    this.snapshotRevision = this.revision;
    for (const [id, entry] of files) this.indexed.set(id, entry);
    if (!sync) void this.readTexts([...files.values()]);
  }

  /**
   * How the index reads what it shows: passages' lines from the indexed entries' parts (in memory); whole texts,
   * where there is a synchronous reader, from the files when needed rather than kept.
   */
  private adopt(index: SearchIndex): void {
    index.readLinesWith((id, start, end) => this.lineOf(id, start, end));
    const sync = this.options.readTextSync;
    if (sync) index.readTextsWith((id) => this.texts.get(id) ?? (this.indexed.has(id) ? sync(this.indexed.get(id)!.file) : undefined));
  }

  /** The one-line part of an indexed entry (title, paragraph…) holding [start, end), as the index saw it. */
  private lineOf(id: string, start: number, end: number): { text: string; start: number } | undefined {
    const entry = this.indexed.get(id);
    if (!entry) return undefined;
    let parts = this.parts.get(entry);
    if (parts) this.parts.delete(entry);
    else if (this.parts.size >= 256) this.parts.delete(this.parts.keys().next().value!);
    this.parts.set(entry, (parts ??= partsOf(entry.article)));
    const part = partAt(parts, start, end);
    return part && { text: part.text, start: part.range.start };
  }

  /** Without a synchronous reader: a restored index's texts, read in the background. */
  private async readTexts(entries: readonly CorpusEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += READ_CONCURRENCY) {
      const batch = entries.slice(i, i + READ_CONCURRENCY);
      const texts = await Promise.all(batch.map((e) => this.readText(e.file).catch(() => undefined)));
      batch.forEach((e, k) => texts[k] !== undefined && this.indexed.get(e.file.id) === e && this.texts.set(e.file.id, texts[k]!));
    }
  }

  /** Resolves when the index holds the corpus as it is now. */
  async ready(): Promise<SearchIndex> {
    await this.corpus.ready();
    if (this.options.loadSnapshot) await (this.restoring ??= this.restore());
    while (this.stale) {
      this.stale = false;
      this.syncing = this.syncing.then(() => this.sync());
      await this.syncing;
    }
    await this.syncing;
    return this.index;
  }

  private async sync(): Promise<void> {
    this.syncs++;
    // The recognizer's entities and those discovered in the corpus (people named with a role): gathered again only
    // when an entity came or went (most changed files name no new one).
    const recognizer = this.corpus.entityRecognizer;
    const named = this.corpus.entities();
    const seen = this.entitiesSeen;
    if (!seen || seen.recognizer !== recognizer || seen.index !== named || seen.version !== named.namedVersion || seen.searchIndex !== this.searchIndex) {
      const entities = new Map(recognizer?.entities ?? []);
      for (const stats of named.byId.values()) if (!entities.has(stats.entity.id)) entities.set(stats.entity.id, stats.entity);
      this.searchIndex.setEntities([...entities.values()]);
      this.entitiesSeen = { recognizer, index: named, version: named.namedVersion, searchIndex: this.searchIndex };
    }
    // The files changed since the last sync (all of them compared after many changes, or the first time).
    const { all, ids } = this.changes.take();
    const gone = all ? [...this.indexed.keys()].filter((id) => !this.corpus.get(id)) : [...ids].filter((id) => !this.corpus.get(id));
    for (const id of gone) {
      this.revision++;
      this.searchIndex.remove(id);
      this.texts.delete(id);
      this.indexed.delete(id);
    }
    const candidates = all ? this.corpus.all() : [...ids].map((id) => this.corpus.get(id)).filter((e): e is CorpusEntry => e !== undefined);
    const changed = candidates.filter((e) => this.indexed.get(e.file.id) !== e);
    for (let i = 0; i < changed.length; i += READ_CONCURRENCY) {
      const batch = changed.slice(i, i + READ_CONCURRENCY);
      const texts = await Promise.all(batch.map((e) => this.readText(e.file).catch(() => undefined)));
      batch.forEach((entry, k) => {
        const text = texts[k];
        if (text === undefined) return;
        this.revision++;
        this.searchIndex.add(searchDocument(entry, text));
        this.texts.delete(entry.file.id);
        this.indexed.set(entry.file.id, entry);
      });
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changes.dispose();
  }
}

/** An index over plain texts (the CLI, tests, the benchmark): each parsed and recognized once. */
export function buildSearchIndex(inputs: readonly { name: string; text: string; id?: string }[], recognizer?: Recognizer, options: ParseOptions = {}): SearchIndex {
  const entities = new Map(recognizer?.entities ?? []);
  const index = new SearchIndex([...entities.values()]);
  const articles = parseCorpus(inputs, options);
  const documents = inputs.map(({ name, text, id }, i) => {
    const article = articles[i]!;
    // As the corpus recognizes: known entities, and those discovered (people after a title, bodies and laws by pattern).
    const { mentions, discovered } = recognizer ? recognizeArticle(recognizer, text, undefined, recognitionContext(article)) : { mentions: [], discovered: [] };
    for (const d of discovered) if (!entities.has(d.id)) entities.set(d.id, d);
    return searchDocument({ file: { id: id ?? name, name }, article, mentions }, text);
  });
  if (entities.size > (recognizer?.entities.size ?? 0)) index.setEntities([...entities.values()]);
  for (const d of documents) index.add(d);
  return index;
}
