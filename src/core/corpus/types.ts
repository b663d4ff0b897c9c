/**
 * The shapes the corpus and its parts share: a file as the host names it, a parsed entry, a disposable. Types only,
 * so that the cache, the entity index and the entry parser need not import the corpus (nor the corpus them back).
 */
import type { Article } from '../article/article';
import type { Entity, Mention, Statement } from '../entities/recognizer';

/** A corpus file as the host names it. */
export interface CorpusFile {
  /** A stable id (a URI string in VS Code, a path in Node). */
  id: string;
  /** The path relative to its corpus folder, shown to the user and used for file-name dates. */
  name: string;
}

/** A parsed corpus file: its article, the entities it names, who speaks in it. */
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
  /** The corpus's central year the article was dated with (see `needsCorpusContext`), if there was one. */
  contextYear?: number;
  /**
   * What the Summary panel counts of the article, found when it was parsed (summary/entryFacts.ts `parsedFacts`), so
   * that the panel reads no text, and none of a reopened corpus's bodies; absent on an entry made otherwise.
   */
  facts?: ParsedFacts;
  /** Tells each entity named, with its mentions' count, where the entry can without making its mentions (the cache's). */
  countMentions?(visit: (entity: string, count: number) => void): void;
}

/** See `CorpusEntry.facts`. */
export interface ParsedFacts {
  /** Words of the article's body (`bodyWords`). */
  words: number;
  /** The entities named in each sentence unit that names two or more. */
  namedTogether: readonly (readonly string[])[];
}

export interface Disposable {
  dispose(): void;
}
