/**
 * Corpus search: an inverted index of folded words (clitic-stripped forms resolved through the
 * vocabulary, so postings hold each written word once), expanded by prefix and edit distance;
 * English names of known entities map to their mentions; results are entities, articles (titles and
 * outlets, ranked with fuse.js) and passages (every word, ranked by proximity). Offsets are UTF-16
 * offsets into each document's original text. Documents can be added and removed one at a time.
 *
 * `SearchIndex` is a facade over components that each own their state: the documents (`documents.ts`), the
 * vocabulary and query-word expansion (`vocabulary.ts`), the postings (`postings.ts`), the entities
 * (`entityMatch.ts`); queries (`rank.ts`), the concordance's occurrences (`occurrences.ts`) and snapshots
 * (`snapshot.ts`) read across them.
 */
import { fold } from '../text/arabic';
import type { Entity, EntityType } from '../entities/recognizer';
import { concatBytes, type ByteParts } from '../persist/binary';
import { TermMask } from './clauses';
import { type Doc, DocumentStore, MENTION_FIELDS } from './documents';
import { EntityMatcher } from './entityMatch';
import { occurrenceSteps } from './occurrences';
import type { IndexParts } from './parts';
import { Postings } from './postings';
import type { ParsedQuery } from './query';
import { Searcher } from './rank';
import { scanWords } from '../text/scanner';
import { readSnapshot, snapshotSteps } from './snapshot';
import { doubled, lowerBound } from './structures';
import type { LineSource, Occurrence, SearchDocument, SearchDocumentView, SearchEngine, SearchOptions, SearchResult, SearchResults } from './types';
import { Vocabulary } from './vocabulary';
import { runAll } from '../persist/steps';
import { type CancelSignal, CancelledError, runSteps } from './cancel';

export { parseQuery, QUERY_SYNTAX_HINT } from './query';
export type { ParsedQuery } from './query';
export type { LineSource, Occurrence, ResultKind, SearchDocument, SearchDocumentView, SearchEngine, SearchMention, SearchOptions, SearchResult, SearchResults } from './types';
export { highlightWords, snippetAround } from './snippets';
export { type CancelSignal, CancelledError, isCancelled, searchInSlices } from './cancel';

export class SearchIndex implements SearchEngine {
  private readonly store = new DocumentStore();
  private readonly vocabulary = new Vocabulary();
  private readonly postings = new Postings();
  private readonly entityMatcher = new EntityMatcher(this.store.docs);
  private readonly parts: IndexParts = { documents: this.store, vocabulary: this.vocabulary, postings: this.postings, entities: this.entityMatcher };
  /** Per query (or concordance), the clauses each term belongs to. */
  private readonly mask = new TermMask();
  private readonly searcher = new Searcher(this.parts, this.mask);
  /** The query run a slice at a time that is between two slices, if any (see `searchSteps`). */
  private suspended: { steps: Generator<void, unknown>; ended: boolean } | undefined;
  // Indexing scratch (one document's words).
  private scratchStarts = new Uint32Array(1024);
  private scratchEnds = new Uint32Array(1024);
  private scratchTerms = new Uint32Array(1024);

  constructor(entities: readonly Entity[] = []) {
    this.setEntities(entities);
  }

  setEntities(entities: readonly Entity[]): void {
    this.endSuspended();
    this.entityMatcher.setEntities(entities);
  }

  /** The entities the index resolves mentions with (known, and any discovered it was given). */
  entities(): Entity[] {
    return this.entityMatcher.entities();
  }

  get size(): number {
    return this.store.size;
  }

  /** How many distinct words (folded) the index has seen. */
  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  has(id: string): boolean {
    return this.store.byId.has(id);
  }

  documents(): { id: string; name: string; text: string; title: string }[] {
    return this.store.documents();
  }

  /**
   * Keeps no document's text from now on: each is read through `reader` when a result shows it (the last few
   * kept). What a corpus on disk saves: its whole text, held once more.
   */
  readTextsWith(reader: (id: string) => string | undefined): void {
    this.store.readTextsWith(reader);
  }

  /**
   * Reads the lines passages are shown from through `lines` (the article's parts, already in memory) rather than
   * the whole text, where it knows them.
   */
  readLinesWith(lines: LineSource): void {
    this.store.readLinesWith(lines);
  }

  /** Adds a document, or replaces the one with the same id. */
  add(input: SearchDocument): void {
    this.endSuspended();
    if (this.store.byId.has(input.id)) this.remove(input.id);
    const index = this.store.docs.length;
    const { vocabulary, postings, entityMatcher } = this;
    let n = 0;
    scanWords(input.text, (w, s, e) => {
      const t = vocabulary.term(w);
      if (t === postings.size) postings.addTerm();
      if (n === this.scratchTerms.length) this.growScratch();
      this.scratchStarts[n] = s;
      this.scratchEnds[n] = e;
      this.scratchTerms[n++] = t;
      postings.record(t, index, n - 1);
    });
    const startArr = this.scratchStarts.slice(0, n);
    const endArr = this.scratchEnds.subarray(0, n);
    const lastBefore = (offset: number): number => Math.max(0, lowerBound(startArr, offset) - 1);
    const sorted = [...(input.mentions ?? [])].sort((a, b) => a.start - b.start);
    const mentions = new Uint32Array(sorted.length * MENTION_FIELDS);
    sorted.forEach((m, j) => {
      const at = j * MENTION_FIELDS;
      mentions[at] = entityMatcher.entityNumber(m.entity, m.type);
      mentions[at + 1] = m.start;
      mentions[at + 2] = m.end;
      mentions[at + 3] = lastBefore(m.start + 1);
      mentions[at + 4] = lastBefore(m.end);
    });
    const named = new Set(sorted.map((m) => m.entity));
    const titleStart = input.title?.start ?? 0;
    const titleEnd = input.title?.end ?? 0;
    const titleFirst = lowerBound(startArr, titleStart);
    let titleLast = titleFirst - 1;
    while (titleLast + 1 < n && endArr[titleLast + 1]! <= titleEnd) titleLast++;
    const lengths = new Uint8Array(n);
    let longEnds: Map<number, number> | undefined;
    for (let i = 0; i < n; i++) {
      const l = endArr[i]! - startArr[i]!;
      if (l < 255) lengths[i] = l;
      else {
        lengths[i] = 255;
        (longEnds ??= new Map()).set(i, endArr[i]!);
      }
    }
    const { types, titleEntities } = entityMatcher.mentionSummary(mentions, titleFirst, titleLast);
    const doc: Doc = {
      index,
      id: input.id,
      name: input.name,
      text: this.store.keepsTexts ? input.text : undefined,
      title: input.title?.text ?? input.name,
      titleStart,
      titleEnd,
      outlet: input.outlet,
      outletFolded: input.outlet ? fold(input.outlet) : '',
      date: input.date,
      starts: startArr,
      lengths,
      longEnds,
      terms: this.scratchTerms.slice(0, n),
      titleFirst,
      titleLast,
      mentions,
      types,
      titleEntities,
      alive: true,
    };
    entityMatcher.addDocument(doc, named);
    this.store.push(doc);
  }

  private growScratch(): void {
    this.scratchStarts = doubled(this.scratchStarts);
    this.scratchEnds = doubled(this.scratchEnds);
    this.scratchTerms = doubled(this.scratchTerms);
  }

  /** Removes a document (its postings are dropped lazily, all at once when many are dead). */
  remove(id: string): void {
    const doc = this.store.byId.get(id);
    if (!doc) return;
    this.endSuspended();
    this.store.markRemoved(doc);
    this.entityMatcher.removeDocument(doc);
    this.store.forget(doc);
    if (this.store.wantsCompaction) this.compact();
  }

  clear(): void {
    for (const id of [...this.store.byId.keys()]) this.remove(id);
    this.compact();
  }

  /** Drops the postings of removed documents. */
  private compact(): void {
    this.postings.compact(this.store.aliveBits);
    this.store.compacted();
  }

  /** Terms a query word stands for, with weights: clitic forms, then prefixes and spelling variants. */
  expand(word: string, fuzzy = true): Map<number, number> {
    return this.vocabulary.expand(word, fuzzy);
  }

  /** Words of the vocabulary a query word stands for (for tests and the concordance). */
  expansions(word: string, fuzzy = true): { term: string; weight: number }[] {
    return this.vocabulary.expansions(word, fuzzy);
  }

  /**
   * Entities named in the corpus whose names (Arabic, aliases, English) match `text`, best first:
   * fuse.js ranks them, and every query word must be one of the name's words in some spelling
   * (clitics, a prefix, or a few edits away), which keeps fuzzy near-misses like الاسد → الإسلامية out.
   */
  matchEntities(text: string, type?: EntityType): { entity: Entity; score: number }[] {
    return this.entityMatcher.matchEntities(text, type);
  }

  /** An entity's Arabic name, if known. */
  entityName(id: string): string | undefined {
    return this.entityMatcher.entityName(id);
  }

  search(query: string | ParsedQuery, options: SearchOptions = {}): SearchResults {
    return runSteps(this.searchSteps(query, options), options.signal);
  }

  /**
   * `search` a step at a time. The searcher's per-query arrays (the term mask, the candidates' arrays) are one
   * query's at a time, and the index must not change under a query: a query suspended between two steps is ended
   * (its `finally` clears the mask) when another query or the concordance starts, or a document or the entities
   * change, and its next step throws `CancelledError`.
   */
  searchSteps(query: string | ParsedQuery, options: SearchOptions = {}): Generator<void, SearchResults> {
    return this.oneAtATime(() => this.searcher.searchSteps(query, options));
  }

  /**
   * Steps of work over the per-query arrays (a query's, the concordance's), one run at a time: the run before is
   * ended as this one starts, and this one's next step throws `CancelledError` if another starts or the index changes
   * while it is suspended between two steps.
   */
  private *oneAtATime<R>(make: () => Generator<void, R>): Generator<void, R> {
    this.endSuspended();
    const run = { steps: make() as Generator<void, unknown>, ended: false };
    this.suspended = run;
    try {
      for (;;) {
        const step = run.steps.next();
        if (step.done) return step.value as R;
        yield;
        if (run.ended) throw new CancelledError('superseded');
      }
    } finally {
      if (this.suspended === run) this.suspended = undefined;
      run.steps.return(undefined as never);
    }
  }

  /** Ends the query suspended between two steps, if any (see `searchSteps`). */
  private endSuspended(): void {
    const run = this.suspended;
    if (!run) return;
    this.suspended = undefined;
    run.ended = true;
    run.steps.return(undefined as never);
  }

  /** Results of every kind in one ranked list: entities, then articles, then passages. */
  searchAll(query: string, limit = 50): SearchResult[] {
    const r = this.search(query, { limit: { entity: limit, article: limit, passage: limit } });
    return [...r.entities, ...r.articles, ...r.passages].slice(0, limit);
  }

  /**
   * Every occurrence of a word (its clitic forms, and its spelling variants when `variants`) or of an
   * entity's mentions, with context; sorted by document name, then offset.
   */
  occurrences(target: { word: string; variants?: boolean } | { entity: string }, options: { signal?: CancelSignal } = {}): Occurrence[] {
    return runSteps(this.occurrenceSteps(target), options.signal);
  }

  /** `occurrences` a step at a time (every hundred documents read), one run at a time with queries (`searchSteps`). */
  occurrenceSteps(target: { word: string; variants?: boolean } | { entity: string }): Generator<void, Occurrence[]> {
    return this.oneAtATime(() => occurrenceSteps(this.parts, this.mask, target));
  }

  /** The folded word at an index of a document (for sorting a concordance). */
  wordAt(doc: SearchDocumentView, index: number): string | undefined {
    const d = this.store.byId.get(doc.id);
    if (!d || index < 0 || index >= d.terms.length) return undefined;
    return this.vocabulary.text(d.terms[index]!);
  }

  /**
   * The index as one buffer (see `SNAPSHOT_VERSION`): documents' words, titles and mentions, the vocabulary,
   * postings and positions. Texts are not stored; `fromSnapshot` reads them through a reader when shown.
   * `key` is checked on load (e.g. the engine version and knowledge base the mentions came from).
   */
  toSnapshot(key: string): Uint8Array {
    return concatBytes(this.toSnapshotParts(key).parts);
  }

  /** `toSnapshot` as the parts it is made of (to write to a file without joining them). */
  toSnapshotParts(key: string): ByteParts {
    return runAll(this.snapshotSteps(key));
  }

  /**
   * `toSnapshotParts` a step at a time (it yields every few thousand documents or terms), so that a host can let its
   * thread do other work between steps. The index must not change meanwhile (`CorpusSearch.snapshotInSlices` checks).
   */
  snapshotSteps(key: string): Generator<undefined, ByteParts> {
    return snapshotSteps(this.parts, key);
  }

  /**
   * Makes, a step at a time, what the first queries would otherwise make (the typo index of the vocabulary, the named
   * entities' names and their index): for idle time after the index is loaded. The index must not change meanwhile
   * (`CorpusSearch.prepareInSlices` checks).
   */
  *prepareSteps(): Generator<void> {
    this.vocabulary.prepare();
    yield;
    yield* this.entityMatcher.prepareSteps();
  }

  /**
   * An index from `toSnapshot`'s buffer, or undefined when it is missing, of another version or key, truncated or
   * corrupt (the caller rebuilds). Texts are read through `readText` (by document id) when a result needs them.
   */
  static fromSnapshot(
    bytes: Uint8Array | undefined,
    key: string,
    readText: (id: string) => string | undefined,
    entities: readonly Entity[] = [],
  ): SearchIndex | undefined {
    if (!bytes || bytes.length === 0) return undefined;
    try {
      const index = new SearchIndex(entities);
      return readSnapshot(bytes, key, readText, index.parts) ? index : undefined;
    } catch {
      return undefined;
    }
  }
}
