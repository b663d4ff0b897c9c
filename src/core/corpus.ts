/**
 * Parsing a whole corpus: articles are parsed once each; a second look re-dates only the articles
 * whose dateline year was chosen among weekday candidates without context of their own, using the
 * corpus's central year (the median of the years all articles mention).
 */
import { Article, corpusContextYear, parseArticle, ParseOptions } from './article';
import { decodeArticleBytes } from './decode';
import { Entity, findStatements, Mention, recognizeArticle, Recognizer, Statement } from './entities';
import { foldWithMap } from './arabic';
import { EntityIndex } from './entityIndex';

export interface ArticleInput {
  name: string;
  text: string;
}

/** True when the article's date would change with a corpus context year. */
export function needsCorpusContext(a: Article): boolean {
  return a.yearsMentioned.length === 0 && a.dates.some((d) => d.yearSource === 'weekday' && (d.candidates?.length ?? 0) > 1);
}

export function parseCorpus(inputs: readonly ArticleInput[], options: Omit<ParseOptions, 'contextYear'> = {}): Article[] {
  const articles = inputs.map((f) => parseArticle(f.name, f.text, options));
  const contextYear = corpusContextYear(articles);
  if (contextYear === undefined) return articles;
  return articles.map((a, i) => (needsCorpusContext(a) ? parseArticle(a.name, inputs[i]!.text, { ...options, contextYear }) : a));
}

// ---------------------------------------------------------------------------------------------
// A live corpus over a host (VS Code's workspace, or an in-memory one in tests).

/** A corpus file as the host names it. */
export interface CorpusFile {
  /** A stable id (a URI string in VS Code, a path in Node). */
  id: string;
  /** The path relative to its corpus folder, shown to the user and used for file-name dates. */
  name: string;
}

/** What the corpus needs from its environment: a small workspace interface. */
export interface CorpusHost {
  listFiles(): Promise<CorpusFile[]>;
  readFile(file: CorpusFile): Promise<Uint8Array>;
}

export interface CorpusEntry {
  file: CorpusFile;
  article: Article;
  /** Known entities named in the text, in order (empty until a recognizer is set). */
  mentions: Mention[];
  /** Sentences in which a mentioned person speaks. */
  statements: Statement[];
  /** People the knowledge base does not know, found after title cues (their mentions are in `mentions`). */
  discovered: Entity[];
  /** What was done to read the file, when it was not plain UTF-8 (e.g. "decoded as UTF-16 LE …"). */
  notice?: string;
}

/** A file that could not be read as an article, and why, in words for the user. */
export interface CorpusProblem {
  file: CorpusFile;
  message: string;
}

export interface Disposable {
  dispose(): void;
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

/** How many files are read at once while loading. */
const READ_CONCURRENCY = 16;

/**
 * The parsed corpus, kept current as files come, change and go. Each file is parsed once per
 * change; every feature reads the same parsed articles. Changes are applied one at a time, in order.
 */
export class Corpus {
  private readonly entries = new Map<string, CorpusEntry>();
  private readonly problemsById = new Map<string, CorpusProblem>();
  private readonly listeners = new Set<() => void>();
  private queue: Promise<void> = Promise.resolve();
  private loaded: Promise<void> | undefined;
  private contextYear: number | undefined;
  private recognizer: Recognizer | undefined;
  private entityIndex: EntityIndex | undefined;

  private readonly options: Omit<ParseOptions, 'contextYear'>;

  constructor(
    private readonly host: CorpusHost,
    { recognizer, ...options }: Omit<ParseOptions, 'contextYear'> & { recognizer?: Recognizer } = {},
  ) {
    this.options = options;
    this.recognizer = recognizer;
  }

  /** Resolves once the first full load is done (starting it if needed). */
  ready(): Promise<void> {
    return this.loaded ?? this.reload();
  }

  /** Lists and parses every file again. */
  reload(): Promise<void> {
    this.loaded = this.enqueue(async () => {
      let files: CorpusFile[] = [];
      let listError: unknown;
      try {
        files = await this.host.listFiles();
      } catch (e) {
        listError = e;
      }
      this.entries.clear();
      this.problemsById.clear();
      if (listError !== undefined) {
        const file = { id: LISTING_PROBLEM_ID, name: 'corpus folders' };
        this.problemsById.set(file.id, { file, message: `cannot be listed: ${readErrorMessage(listError)}` });
      }
      for (let i = 0; i < files.length; i += READ_CONCURRENCY) {
        await Promise.all(files.slice(i, i + READ_CONCURRENCY).map((f) => this.read(f)));
      }
      await this.redateForContext();
    });
    return this.loaded;
  }

  /** Recognizes entities with `recognizer` from now on: every file is read again. */
  setRecognizer(recognizer: Recognizer | undefined): Promise<void> {
    this.recognizer = recognizer;
    return this.reload();
  }

  get entityRecognizer(): Recognizer | undefined {
    return this.recognizer;
  }

  /** The corpus by entity (built on first use after each change). */
  entities(): EntityIndex {
    return (this.entityIndex ??= new EntityIndex(this.all(), this.knownAndDiscovered()));
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
      await this.read(file);
      await this.redateForContext();
    });
  }

  /** Files were deleted: `id` itself, or everything under it when it names a folder. */
  remove(id: string): Promise<void> {
    return this.enqueue(async () => {
      const prefix = id.endsWith('/') ? id : id + '/';
      for (const map of [this.entries, this.problemsById] as Map<string, unknown>[]) {
        for (const key of [...map.keys()]) if (key === id || key.startsWith(prefix)) map.delete(key);
      }
    });
  }

  get size(): number {
    return this.entries.size;
  }

  all(): CorpusEntry[] {
    return [...this.entries.values()];
  }

  get(id: string): CorpusEntry | undefined {
    return this.entries.get(id);
  }

  problems(): CorpusProblem[] {
    return [...this.problemsById.values()];
  }

  /** Called after every change has been applied. */
  onDidChange(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work).finally(() => {
      this.entityIndex = undefined;
      for (const l of [...this.listeners]) l();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async read(file: CorpusFile, contextYear = this.contextYear): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = await this.host.readFile(file);
    } catch (e) {
      this.entries.delete(file.id);
      // Deleted or renamed between listing and reading: it is simply gone (a renamed file comes back under its new name).
      if (isNotFound(e)) this.problemsById.delete(file.id);
      // Unreadable: say why.
      else this.problemsById.set(file.id, { file, message: `cannot be read: ${readErrorMessage(e)}` });
      return;
    }
    const decoded = decodeArticleBytes(bytes);
    if (decoded.error !== undefined) {
      this.entries.delete(file.id);
      this.problemsById.set(file.id, { file, message: decoded.error });
      return;
    }
    const opts: ParseOptions = contextYear === undefined ? this.options : { ...this.options, contextYear };
    let entry: CorpusEntry;
    try {
      const folded = foldWithMap(decoded.text);
      const article = parseArticle(file.name, decoded.text, opts, folded);
      const { mentions, discovered } = this.recognizer ? recognizeArticle(this.recognizer, decoded.text, folded) : { mentions: [], discovered: [] };
      entry = { file, article, mentions, discovered, statements: findStatements(decoded.text, mentions, folded) };
    } catch (e) {
      // A bug of ours on strange text must not stop the rest of the corpus.
      this.entries.delete(file.id);
      this.problemsById.set(file.id, { file, message: `could not be parsed: ${readErrorMessage(e)}` });
      return;
    }
    if (decoded.note !== undefined) entry.notice = decoded.note;
    this.problemsById.delete(file.id);
    this.entries.set(file.id, entry);
  }

  /** When the corpus's central year changes, re-dates the few articles that depend on it. */
  private async redateForContext(): Promise<void> {
    const year = corpusContextYear(this.all().map((e) => e.article));
    if (year === this.contextYear) return;
    this.contextYear = year;
    const stale = this.all().filter((e) => needsCorpusContext(e.article));
    await Promise.all(stale.map((e) => this.read(e.file, year)));
  }
}
