/** The search index's public types: the documents it takes, the results it gives, what the concordance reads. */
import type { EntityType } from '../entities/recognizer';
import type { CancelSignal } from './cancel';
import type { ParsedQuery } from './query';

export interface SearchMention {
  entity: string;
  type: EntityType;
  start: number;
  end: number;
}

/** One document (a corpus file) as the index sees it. */
export interface SearchDocument {
  /** The file's id (a URI in VS Code, a path in the CLI). */
  id: string;
  /** The name shown to the user (path relative to the corpus folder). */
  name: string;
  text: string;
  title?: { text: string; start: number; end: number };
  outlet?: string;
  /** ISO date (any precision). */
  date?: string;
  /** Known entities named in the text. */
  mentions?: readonly SearchMention[];
}

export type ResultKind = 'entity' | 'article' | 'passage';

export interface SearchResult {
  kind: ResultKind;
  /** The document's id; for an entity, the document that names it most. */
  file: string;
  name: string;
  /** UTF-16 offsets into the document's original text: the passage, the title, or the entity's first mention there. */
  start: number;
  end: number;
  score: number;
  /** What to show: the passage's line (shortened), the title, or the entity's name. */
  snippet: string;
  /** Ranges [from, to) of matched words in `snippet`. */
  highlights: [number, number][];
  /** Ranges [from, to) of the matched words in the original text (a passage's words). */
  matches: [number, number][];
  title: string;
  outlet?: string;
  date?: string;
  entity?: { id: string; type: EntityType; nameAr: string; nameEn: string; mentions: number; articles: number };
}

export interface SearchOptions {
  /** Most results of each kind (default 20 entities, 20 articles, 50 passages). */
  limit?: Partial<Record<ResultKind, number>>;
  /**
   * False: each word matches only its clitic forms (no prefixes, spelling variants or entity names standing for it),
   * as a search server holding our forms matches them. Default true.
   */
  fuzzy?: boolean;
  /** Read at each step of the query: once set, the query stops and throws `CancelledError` (cancel.ts). */
  signal?: CancelSignal;
}

export interface SearchResults {
  query: ParsedQuery;
  entities: SearchResult[];
  articles: SearchResult[];
  passages: SearchResult[];
}

/**
 * The line of a document's text holding [start, end) (UTF-16 offsets), as written without its line break, and the
 * offset it starts at; undefined when the source does not know it.
 */
export type LineSource = (id: string, start: number, end: number) => { text: string; start: number } | undefined;

/** What the concordance reads of a document. */
export interface SearchDocumentView {
  id: string;
  name: string;
  text: string;
  title: string;
  outlet?: string;
  date?: string;
}

/** An occurrence of a word or an entity: its document, its exact original range, and its first and last word. */
export interface Occurrence {
  doc: SearchDocumentView;
  start: number;
  end: number;
  /** Word indexes of the occurrence's first and last word in its document. */
  first: number;
  last: number;
}

/**
 * What a search engine answers. The quick pick, the command line, the concordance and the bench ask only this, so
 * another engine (a search server holding the same corpus) can answer the same queries. `SearchIndex` is ours.
 */
export interface SearchEngine {
  /** How many documents it holds. */
  readonly size: number;
  /**
   * Ranked entities, articles and passages for a query (the syntax of `parseQuery`); throws `CancelledError` when
   * `options.signal` is set before it ends.
   */
  search(query: string | ParsedQuery, options?: SearchOptions): SearchResults;
  /**
   * `search` as a generator of short steps (a pause in every long loop), to run a slice at a time (`searchInSlices`,
   * cancel.ts). Another query or a change of the engine before the last step ends it: its next step throws
   * `CancelledError`.
   */
  searchSteps(query: string | ParsedQuery, options?: SearchOptions): Generator<void, SearchResults>;
  /** The results of all kinds in one list, best first: entities, then articles, then passages, at most `limit`. */
  searchAll(query: string, limit?: number): SearchResult[];
  /**
   * Every occurrence of a word (with its clitic forms, and spelling variants when `variants`) or an entity's mentions,
   * sorted by document name then offset; throws `CancelledError` when `options.signal` is set before it ends.
   */
  occurrences(target: { word: string; variants?: boolean } | { entity: string }, options?: { signal?: CancelSignal }): Occurrence[];
  /**
   * `occurrences` as a generator of short steps, to run a slice at a time (the concordance's `concordanceInSlices`);
   * another query or occurrences, or a change of the engine, before the last step ends it as `searchSteps` is ended.
   */
  occurrenceSteps(target: { word: string; variants?: boolean } | { entity: string }): Generator<void, Occurrence[]>;
  /** The folded word at a word index of a document (to sort a concordance by its neighbours). */
  wordAt(doc: SearchDocumentView, index: number): string | undefined;
}

/**
 * A search engine that answers asynchronously: a search server (`src/node/archive/`), or the in-process engine
 * through `asyncEngine` (which answers at once, with the same results).
 */
export interface AsyncSearchEngine {
  /** Where the answers come from, for messages: "in-process", or a server's "host:port/index". */
  readonly source: string;
  /** How many articles it holds. */
  size(): Promise<number>;
  search(query: string | ParsedQuery, options?: SearchOptions): Promise<SearchResults>;
  /** The results of all kinds in one list, best first: entities, then articles, then passages, at most `limit`. */
  searchAll(query: string, limit?: number): Promise<SearchResult[]>;
}
