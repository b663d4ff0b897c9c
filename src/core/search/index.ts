/**
 * Corpus search: an inverted index of folded words (clitic-stripped forms resolved through the
 * vocabulary, so postings hold each written word once), expanded by prefix and edit distance;
 * English names of known entities map to their mentions; results are entities, articles (titles and
 * outlets, ranked with fuse.js) and passages (every word, ranked by proximity). Offsets are UTF-16
 * offsets into each document's original text. Documents can be added and removed one at a time.
 */
import Fuse from 'fuse.js';
import { fold, foldWithMap } from '../arabic';
import type { Entity, EntityType } from '../entities';
import { proclitic } from '../tokenize';
import { allowedEdits, boundedDistance } from './fuzzy';
import { dateInBounds, ParsedQuery, parseQuery } from './query';
import { scanWords } from './scan';
import { insertSorted, partitionPoint } from '../text';
import { BaseLists, DocCounts, doubled, EMPTY, groupByLength, Heap, lowerBound, Ranking, topK } from './structures';
import { highlightWords, snippetAround } from './snippets';
import type { LineSource, SearchDocument, SearchDocumentView, SearchOptions, SearchResult, SearchResults } from './types';
import { below, BinaryReader, BinaryWriter, type ByteParts, checkOffsets, concatBytes, SnapshotError } from '../binary';

export { parseQuery, QUERY_SYNTAX_HINT } from './query';
export type { ParsedQuery } from './query';
export type { LineSource, ResultKind, SearchDocument, SearchDocumentView, SearchMention, SearchOptions, SearchResult, SearchResults } from './types';
export { highlightWords, snippetAround } from './snippets';

interface Doc {
  index: number;
  id: string;
  name: string;
  /** The text, when kept (see `readTextsWith`; '' once removed). */
  text?: string;
  title: string;
  titleStart: number;
  titleEnd: number;
  outlet?: string;
  outletFolded: string;
  date?: string;
  /** Per word: original start, length (255: look in `longEnds`) and the term id. */
  starts: Uint32Array;
  lengths: Uint8Array;
  longEnds?: Map<number, number>;
  terms: Uint32Array;
  /** Word indexes of the title's words, [titleFirst, titleLast] (empty when titleLast < titleFirst). */
  titleFirst: number;
  titleLast: number;
  /**
   * Mentions sorted by start, five numbers each (`MENTION_FIELDS`): the entity (a number: `mentionIds`,
   * `mentionTypes`), start, end, first and last word. Numbers, not objects: hundreds of thousands of them.
   */
  mentions: Uint32Array;
  /** The entity types the document names (a bit each, `TYPE_BIT`). */
  types: number;
  /** Entities named within the title. */
  titleEntities?: Set<string>;
  /** The title folded, made on first use. */
  titleFolded?: string;
  alive: boolean;
}

const TYPE_BIT: Record<EntityType, number> = { person: 1, organisation: 2, place: 4, law: 8 };
/** Texts kept after being read for a result (a page of results, and the concordance's last few). */
const RECENT_TEXTS = 128;

/** Numbers per mention in `Doc.mentions`: entity number, start, end, first word, last word. */
const MENTION_FIELDS = 5;
/** Entity types by their code in a snapshot. */
const TYPE_CODES: readonly EntityType[] = ['person', 'organisation', 'place', 'law'];
const SNAPSHOT_MAGIC = 'corpus-navigator-search';
/** Bump when the snapshot's layout or what the index derives from a document changes. */
const SNAPSHOT_VERSION = 3;

/** An entity's mentions and articles over the whole corpus, and the article naming it most. */
interface EntityTotals {
  mentions: number;
  articles: number;
  best: Doc | undefined;
  bestCount: number;
}

/** Per-query arrays over the documents, kept between queries (a query allocates nothing the corpus's size). */
interface Scratch {
  size: number;
  best: Float64Array[];
  title: Float64Array[];
  hits: Uint32Array;
  strong: Uint32Array;
  /** Per document index: its slot among the candidates (-1: none); reset after use. */
  slot: Int32Array;
}

interface Hit {
  /** First and last word index. */
  first: number;
  last: number;
  weight: number;
  clause: number;
  /** For an entity's mention: its exact original range. */
  range?: [number, number];
}

interface Clause {
  /** term id → weight */
  terms: Map<number, number>;
  /** Entities whose mentions count as hits (an English name typed for an Arabic text). */
  entities: Map<string, number>;
  /** For a phrase: the exact terms allowed at each following word. */
  phrase?: Set<number>[];
  /** Words this clause spans in a hit (1 for a word). */
  length: number;
  /** term id → folded letters of clitics in front of the matched form (وبايدن: 1). */
  prefix?: Map<number, number>;
}

interface Expansion {
  weights: Map<number, number>;
  prefix: Map<number, number>;
  /** Terms reached only as completions of the word (لافر → لافروف), not as spellings of it. */
  completions: Set<number>;
}


/** A run of a term's postings ((document, occurrences) pairs, `len` numbers) and their positions, in document order. */
interface Segment {
  p: Uint32Array;
  pos: Uint32Array;
  len: number;
}
/** The filter of a query without filters. */
const ALIVE = (d: Doc): boolean => d.alive;
const collator = new Intl.Collator();
const STRIPPED_WEIGHT = 0.85;
const PREFIX_WEIGHT = 0.6;
const EDIT_WEIGHT = [1, 0.7, 0.5];
const MAX_EXPANSIONS = 40;
const PASSAGES_PER_DOC = 3;
const ENGLISH = /^[a-z0-9][a-z0-9 '’.-]*$/;
/** Clauses a query may hold (one bit each in the term mask). */
const MAX_CLAUSES = 32;

/** What ranking knows of the documents holding every clause, before reading their words. */
interface Candidates {
  /** Document indexes. */
  docs: number[];
  /** Per clause, per document index: the best weight of its terms there (0: absent). */
  best: Float64Array[];
  /** Per document index: hits of all clauses, and those weighing at least EDIT_WEIGHT[1]. */
  hits: Uint32Array;
  strong: Uint32Array;
  /** Per clause, per document index: the best weight in the title; per candidate (k, as in `docs`): whether the title holds every clause. */
  titleBest: Float64Array[];
  titleAll: Uint8Array;
}

interface Window {
  doc: Doc;
  first: number;
  last: number;
  score: number;
  hits: Hit[];
}

/** Query-side forms of a word: itself, then forms with its clitics stripped (at least 3 letters). */
function queryForms(word: string): { form: string; weight: number }[] {
  return proclitic(word)
    .filter((s, i) => i === 0 || s.form.length >= 3)
    .map((s, i) => ({ form: s.form, weight: i === 0 ? 1 : STRIPPED_WEIGHT }));
}

export class SearchIndex {
  private readonly docs: Doc[] = [];
  private readonly byId = new Map<string, Doc>();
  private dead = 0;
  // Vocabulary: written words (terms) and the forms they stand for once clitics are stripped. Terms restored from a
  // snapshot are found by a binary search in their text order (`baseOrder`, from the snapshot): a map of 350,000
  // words took a third of a 20k-article warm start. Terms seen since are in `termIds`.
  private readonly termIds = new Map<string, number>();
  private readonly termText: string[] = [];
  private baseOrder: Uint32Array | undefined;
  /**
   * Per term, the postings restored from a snapshot: views into it, never grown (a copy of the largest, on the first
   * change after a warm start, took hundreds of ms at 20k articles), made when the term is read. Documents added
   * since go in `postings` and `positions`, which grow; a term's postings are its base, then those (documents in
   * ascending order either way).
   */
  private basePostings: BaseLists | undefined;
  private basePositions: BaseLists | undefined;
  private readonly postings: Uint32Array[] = [];
  private readonly postingLength: number[] = [];
  /** Per term: the word indexes of its occurrences, grouped as its postings are. */
  private readonly positions: Uint32Array[] = [];
  private readonly positionLength: number[] = [];
  private readonly forms = new FormIndex();
  private readonly expansionCache = new Map<string, Expansion>();
  // Entities: the known ones, their mentions by document, and a fuse.js index over the named ones.
  private entityTable = new Map<string, Entity>();
  private readonly entityDocs = new Map<string, DocCounts>();
  /** Reads a document's text that is not kept (`readTextsWith`); the last few read, by id. */
  private reader: ((id: string) => string | undefined) | undefined;
  private readonly recentTexts = new Map<string, string>();
  /** Whether documents added keep their text (until `readTextsWith`; a restored index reads only its own documents'). */
  private keepTexts = true;
  private lineSource: LineSource | undefined;
  /**
   * The entities of documents' mentions as numbers: each number's id and type; the number of each id (with the first
   * type it came with), and of each other (type, id).
   */
  private readonly mentionIds: string[] = [];
  private readonly mentionTypes: EntityType[] = [];
  private readonly mentionNumber = new Map<string, number>();
  private readonly mentionNumberByType = new Map<string, number>();
  /** Per entity number, a document's mentions while they are counted (zero between documents). */
  private entityCounts = new Int32Array(0);
  private entityFuse: Fuse<{ id: string; names: string[]; words: string[] }> | undefined;
  /** Per entity, over every live document (made on first use, then kept current). */
  private readonly totals = new Map<string, EntityTotals>();
  private scratch: Scratch | undefined;
  /** `matchEntities` results by text and type (until an entity comes or goes). */
  private readonly entityMatches = new Map<string, { entity: Entity; score: number }[]>();
  /** Live documents per folded outlet. */
  private readonly outlets = new Map<string, number>();
  /** Per document index: 1 while live. */
  private aliveBits = new Uint8Array(1024);
  /** Every document's place in the order of names, and of dates (newest first, then by name); built on first use, then kept current. */
  private readonly nameOrder = new Ranking((a, b) => collator.compare(this.docs[a]!.name, this.docs[b]!.name) || a - b);
  private readonly dateOrder = new Ranking((a, b) => {
    const x = this.docs[a]!.date ?? '';
    const y = this.docs[b]!.date ?? '';
    return x === y ? collator.compare(this.docs[a]!.name, this.docs[b]!.name) || a - b : x > y ? -1 : 1;
  });
  private hitScratch = { hp: new Uint32Array(0), hc: new Uint8Array(0), hw: new Float64Array(0) };
  private outletFuse: Fuse<{ outlet: string }> | undefined;
  // Indexing scratch (one document's words), and per query the clauses each term belongs to (a bit each).
  private scratchStarts = new Uint32Array(1024);
  private scratchEnds = new Uint32Array(1024);
  private scratchTerms = new Uint32Array(1024);
  private termMask = new Uint32Array(1024);
  /** Per document index: the word indexes of its title's first and last word. */
  private titleFirsts = new Int32Array(1024);
  private titleLasts = new Int32Array(1024);

  constructor(entities: readonly Entity[] = []) {
    this.setEntities(entities);
  }

  setEntities(entities: readonly Entity[]): void {
    // The same entities again (each sync of a live corpus): the fuse.js index stays.
    if (entities.length === this.entityTable.size && entities.every((e) => this.entityTable.get(e.id) === e)) return;
    this.entityTable = new Map(entities.map((e) => [e.id, e]));
    this.forgetEntityMatches();
  }

  /** The entities the index resolves mentions with (known, and any discovered it was given). */
  entities(): Entity[] {
    return [...this.entityTable.values()];
  }

  private forgetEntityMatches(): void {
    this.entityFuse = undefined;
    this.entityMatches.clear();
  }

  /** Counts an outlet's documents; true when the outlet came or went. */
  private countOutlet(outlet: string, delta: number): boolean {
    const n = (this.outlets.get(outlet) ?? 0) + delta;
    if (n > 0) this.outlets.set(outlet, n);
    else this.outlets.delete(outlet);
    return n === (delta > 0 ? 1 : 0);
  }

  get size(): number {
    return this.byId.size;
  }

  /** How many distinct words (folded) the index has seen. */
  get vocabularySize(): number {
    return this.termText.length;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  documents(): { id: string; name: string; text: string; title: string }[] {
    return [...this.byId.values()].map((d) => ({ id: d.id, name: d.name, text: this.textOf(d), title: d.title }));
  }

  /**
   * Keeps no document's text from now on: each is read through `reader` when a result shows it (the last few
   * kept). What a corpus on disk saves: its whole text, held once more.
   */
  readTextsWith(reader: (id: string) => string | undefined): void {
    this.reader = reader;
    this.keepTexts = false;
    this.recentTexts.clear();
    for (const d of this.docs) if (d.alive) d.text = undefined;
  }

  /**
   * Reads the lines passages are shown from through `lines` (the article's parts, already in memory) rather than
   * the whole text, where it knows them.
   */
  readLinesWith(lines: LineSource): void {
    this.lineSource = lines;
  }

  /** A document's text: kept, or read (and kept among the last few read). */
  private textOf(doc: Doc): string {
    if (doc.text !== undefined) return doc.text;
    if (!doc.alive || !this.reader) return '';
    const recent = this.recentTexts;
    let text = recent.get(doc.id);
    if (text !== undefined) {
      recent.delete(doc.id);
    } else {
      text = this.reader(doc.id) ?? '';
      if (recent.size >= RECENT_TEXTS) recent.delete(recent.keys().next().value!);
    }
    recent.set(doc.id, text);
    return text;
  }

  /** The line of a document holding [start, end) as written, and where it starts (the whole text when unknown). */
  private lineOf(doc: Doc, start: number, end: number): { text: string; start: number } {
    return this.lineSource?.(doc.id, start, end) ?? { text: this.textOf(doc), start: 0 };
  }

  /** Adds a document, or replaces the one with the same id. */
  add(input: SearchDocument): void {
    if (this.byId.has(input.id)) this.remove(input.id);
    const index = this.docs.length;
    let n = 0;
    scanWords(input.text, (w, s, e) => {
      const t = this.term(w);
      if (n === this.scratchTerms.length) this.growScratch();
      this.scratchStarts[n] = s;
      this.scratchEnds[n] = e;
      this.scratchTerms[n++] = t;
      // Postings are per document: (document, occurrences), in document order.
      const p = this.postings[t]!;
      const len = this.postingLength[t]!;
      if (len > 0 && p[len - 2] === index) p[len - 1]!++;
      else this.post(t, index);
      // Positions of the term, document after document (as many as the posting's count).
      let pos = this.positions[t]!;
      const np = this.positionLength[t]!;
      if (np === pos.length) {
        const grown = new Uint32Array(np < 64 ? Math.max(2, np * 2) : np + (np >> 1));
        grown.set(pos);
        this.positions[t] = pos = grown;
      }
      pos[np] = n - 1;
      this.positionLength[t] = np + 1;
    });
    const startArr = this.scratchStarts.slice(0, n);
    const endArr = this.scratchEnds.subarray(0, n);
    const lastBefore = (offset: number): number => Math.max(0, lowerBound(startArr, offset) - 1);
    const sorted = [...(input.mentions ?? [])].sort((a, b) => a.start - b.start);
    const mentions = new Uint32Array(sorted.length * MENTION_FIELDS);
    sorted.forEach((m, j) => {
      const at = j * MENTION_FIELDS;
      mentions[at] = this.entityNumber(m.entity, m.type);
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
    const { types, titleEntities } = this.mentionSummary(mentions, titleFirst, titleLast);
    const doc: Doc = {
      index,
      id: input.id,
      name: input.name,
      text: this.keepTexts ? input.text : undefined,
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
    const newEntity = this.countEntityDocs(mentions, index);
    // Totals kept current: this document's count of each entity it names.
    for (const id of named) {
      const totals = this.totals.get(id);
      if (!totals) continue;
      const n = this.entityDocs.get(id)!.get(index)!;
      totals.mentions += n;
      totals.articles++;
      if (n > totals.bestCount || (n === totals.bestCount && totals.best && doc.name < totals.best.name)) {
        totals.best = doc;
        totals.bestCount = n;
      }
    }
    if (index === this.titleFirsts.length) {
      this.titleFirsts = doubled(this.titleFirsts);
      this.titleLasts = doubled(this.titleLasts);
    }
    this.titleFirsts[index] = titleFirst;
    this.titleLasts[index] = titleLast;
    this.docs.push(doc);
    this.byId.set(doc.id, doc);
    // Orders kept current (not rebuilt: a sort of every name costs tens of ms at 20k articles).
    this.nameOrder.add(index);
    this.dateOrder.add(index);
    if (index === this.aliveBits.length) this.aliveBits = doubled(this.aliveBits);
    this.aliveBits[index] = 1;
    // The fuse.js indexes change only when an entity or an outlet comes or goes.
    if (newEntity) this.forgetEntityMatches();
    if (doc.outletFolded && this.countOutlet(doc.outletFolded, 1)) this.outletFuse = undefined;
  }

  /** The number of an entity (by id and type) in documents' mention data. */
  private entityNumber(id: string, type: EntityType): number {
    const e = this.mentionNumber.get(id);
    if (e !== undefined && this.mentionTypes[e] === type) return e;
    // The same id with another type (a knowledge base that changed its mind): numbered apart.
    const key = `${type}\u0000${id}`;
    const other = this.mentionNumberByType.get(key);
    if (other !== undefined) return other;
    return this.numberEntity(id, type);
  }

  /** Gives (id, type) the next number. */
  private numberEntity(id: string, type: EntityType): number {
    const e = this.mentionIds.length;
    if (!this.mentionNumber.has(id)) this.mentionNumber.set(id, e);
    else this.mentionNumberByType.set(`${type}\u0000${id}`, e);
    this.mentionIds.push(id);
    this.mentionTypes.push(type);
    return e;
  }

  /** The entity types a document's mentions name (a bit each) and the entities named within its title. */
  private mentionSummary(mentions: Uint32Array, titleFirst: number, titleLast: number): { types: number; titleEntities: Set<string> | undefined } {
    let types = 0;
    let titleEntities: Set<string> | undefined;
    for (let j = 0; j < mentions.length; j += MENTION_FIELDS) {
      const e = mentions[j]!;
      types |= TYPE_BIT[this.mentionTypes[e]!] ?? 0;
      if (mentions[j + 3]! >= titleFirst && mentions[j + 4]! <= titleLast) (titleEntities ??= new Set()).add(this.mentionIds[e]!);
    }
    return { types, titleEntities };
  }

  /** Counts a document's mentions per entity in `entityDocs`; true when an entity was named for the first time. */
  private countEntityDocs(mentions: Uint32Array, index: number): boolean {
    // Counted per entity number first (one map update per entity named, not per mention).
    if (this.entityCounts.length < this.mentionIds.length) this.entityCounts = new Int32Array(this.mentionIds.length * 2);
    const counts = this.entityCounts;
    const named: number[] = [];
    for (let j = 0; j < mentions.length; j += MENTION_FIELDS) if (counts[mentions[j]!]!++ === 0) named.push(mentions[j]!);
    let newEntity = false;
    for (const e of named) {
      const entity = this.mentionIds[e]!;
      let perDoc = this.entityDocs.get(entity);
      if (!perDoc) {
        this.entityDocs.set(entity, (perDoc = new DocCounts()));
        newEntity = true;
      }
      perDoc.add(index, counts[e]!);
      counts[e] = 0;
    }
    return newEntity;
  }

  /** A document's first mention of an entity: its original range. */
  private firstMention(doc: Doc, id: string): { start: number; end: number } | undefined {
    const ms = doc.mentions;
    for (let j = 0; j < ms.length; j += MENTION_FIELDS) if (this.mentionIds[ms[j]!] === id) return { start: ms[j + 1]!, end: ms[j + 2]! };
    return undefined;
  }

  private growScratch(): void {
    this.scratchStarts = doubled(this.scratchStarts);
    this.scratchEnds = doubled(this.scratchEnds);
    this.scratchTerms = doubled(this.scratchTerms);
  }

  /** Removes a document (its postings are dropped lazily, all at once when many are dead). */
  remove(id: string): void {
    const doc = this.byId.get(id);
    if (!doc) return;
    doc.alive = false;
    this.aliveBits[doc.index] = 0;
    this.byId.delete(id);
    this.dead++;
    for (let j = 0; j < doc.mentions.length; j += MENTION_FIELDS) {
      const entity = this.mentionIds[doc.mentions[j]!]!;
      const perDoc = this.entityDocs.get(entity);
      const n = perDoc?.get(doc.index);
      const totals = this.totals.get(entity);
      if (totals && n !== undefined) {
        totals.mentions -= n;
        totals.articles--;
        if (totals.best === doc) this.totals.delete(entity);
      }
      perDoc?.delete(doc.index);
      if (perDoc?.size === 0) {
        this.entityDocs.delete(entity);
        this.forgetEntityMatches();
      }
    }
    if (doc.outletFolded && this.countOutlet(doc.outletFolded, -1)) this.outletFuse = undefined;

    doc.text = '';
    this.recentTexts.delete(doc.id);
    if (this.dead > 64 && this.dead > this.docs.length / 4) this.compact();
  }

  clear(): void {
    for (const id of [...this.byId.keys()]) this.remove(id);
    this.compact();
  }

  /** Drops the postings of removed documents. */
  private compact(): void {
    for (let t = 0; t < this.postings.length; t++) {
      const base = this.basePostings?.get(t);
      if (base) {
        const [w, wp] = this.compactSegment(base, this.basePositions!.get(t)!, base.length);
        this.basePostings!.shorten(t, w);
        this.basePositions!.shorten(t, wp);
      }
      [this.postingLength[t], this.positionLength[t]] = this.compactSegment(this.postings[t]!, this.positions[t]!, this.postingLength[t]!);
    }
    this.dead = 0;
  }

  /** Moves the live documents' postings and positions to the front of a segment; returns their new lengths. */
  private compactSegment(p: Uint32Array, pos: Uint32Array, n: number): [number, number] {
    let w = 0;
    let wp = 0;
    let rp = 0;
    for (let r = 0; r < n; r += 2) {
      const tf = p[r + 1]!;
      if (this.docs[p[r]!]!.alive) {
        p[w++] = p[r]!;
        p[w++] = tf;
        if (wp !== rp) pos.copyWithin(wp, rp, rp + tf);
        wp += tf;
      }
      rp += tf;
    }
    return [w, wp];
  }

  /** A term's postings: those restored from a snapshot (if any), then those added since. */
  private segments(t: number): Segment[] {
    const tail = { p: this.postings[t]!, pos: this.positions[t]!, len: this.postingLength[t]! };
    const base = this.basePostings?.get(t);
    return base && base.length > 0 ? [{ p: base, pos: this.basePositions!.get(t)!, len: base.length }, tail] : [tail];
  }

  /** How many times a term occurs (its positions). */
  private occurrenceCount(t: number): number {
    return (this.basePositions?.lengthOf(t) ?? 0) + this.positionLength[t]!;
  }

  /** The number of a term (undefined when the word was never seen). */
  private termId(w: string): number | undefined {
    const t = this.termIds.get(w);
    if (t !== undefined || !this.baseOrder) return t;
    const order = this.baseOrder;
    const text = this.termText;
    const i = partitionPoint(0, order.length, (k) => text[order[k]!]! < w);
    return i < order.length && text[order[i]!] === w ? order[i] : undefined;
  }

  /** The number of a term, numbered now if it is new. */
  private term(w: string): number {
    let t = this.termId(w);
    if (t !== undefined) return t;
    t = this.termText.length;
    if (t === this.termMask.length) this.termMask = doubled(this.termMask);
    this.termIds.set(w, t);
    this.termText.push(w);
    this.postings.push(EMPTY);
    this.postingLength.push(0);
    this.positions.push(EMPTY);
    this.positionLength.push(0);
    for (const { form } of proclitic(w)) {
      if (form !== w && form.length < 3) continue;
      this.forms.add(form, t);
    }
    this.expansionCache.clear();
    return t;
  }

  /** Appends (doc, 1) to a term's postings. */
  private post(t: number, doc: number): void {
    let p = this.postings[t]!;
    const n = this.postingLength[t]!;
    if (n + 2 > p.length) {
      const grown = new Uint32Array(p.length < 64 ? Math.max(2, p.length * 2) : p.length + (p.length >> 1) + 2);
      grown.set(p);
      this.postings[t] = p = grown;
    }
    p[n] = doc;
    p[n + 1] = 1;
    this.postingLength[t] = n + 2;
  }

  // -------------------------------------------------------------------------------------------
  // Vocabulary expansion

  /** Terms a query word stands for, with weights: clitic forms, then prefixes and spelling variants. */
  expand(word: string, fuzzy = true): Map<number, number> {
    return this.expansion(word, fuzzy).weights;
  }

  private expansion(word: string, fuzzy: boolean): Expansion {
    const key = `${fuzzy ? 1 : 0}${word}`;
    const cached = this.expansionCache.get(key);
    if (cached) return cached;
    const out = new Map<number, number>();
    const prefix = new Map<number, number>();
    const completions = new Set<number>();
    const viaForm = (form: string, w: number, completion = false): void => {
      for (const t of this.forms.get(form)) {
        const text = this.termText[t]!;
        const weight = text === form ? w : w * 0.97;
        if ((out.get(t) ?? 0) >= weight) continue;
        out.set(t, weight);
        prefix.set(t, text.endsWith(form) ? text.length - form.length : 0);
        if (completion) completions.add(t);
        else completions.delete(t);
      }
    };
    const qforms = queryForms(word);
    for (const { form, weight } of qforms) viaForm(form, weight);
    if (fuzzy) {
      const extra: { form: string; weight: number; completion?: boolean }[] = [];
      for (const { form, weight } of qforms) {
        if (form.length < 2) continue;
        // Prefix: words being typed (لافر → لافروف).
        const sorted = this.forms.sorted();
        for (let i = lowerBound(sorted, form); i < sorted.length && sorted[i]!.startsWith(form); i++) {
          if (sorted[i] !== form) extra.push({ form: sorted[i]!, weight: weight * PREFIX_WEIGHT * Math.sqrt(form.length / sorted[i]!.length), completion: true });
        }
        // Spelling variants and typos (انطونوف → انتونوف, بيدرسن → بيدرسون).
        const k = allowedEdits(form);
        if (k === 0) continue;
        const byLength = this.forms.byLength();
        for (let len = form.length - k; len <= form.length + k; len++) {
          for (const candidate of byLength.get(len) ?? []) {
            if (candidate === form) continue;
            const d = boundedDistance(form, candidate, k);
            if (d <= k) extra.push({ form: candidate, weight: weight * EDIT_WEIGHT[d]! });
          }
        }
      }
      extra.sort((a, b) => b.weight - a.weight);
      for (const { form, weight, completion } of extra.slice(0, MAX_EXPANSIONS)) viaForm(form, weight, completion);
    }
    if (this.expansionCache.size > 2000) this.expansionCache.clear();
    const e = { weights: out, prefix, completions };
    this.expansionCache.set(key, e);
    return e;
  }

  /** Words of the vocabulary a query word stands for (for tests and the concordance). */
  expansions(word: string, fuzzy = true): { term: string; weight: number }[] {
    return [...this.expand(fold(word), fuzzy)].map(([t, weight]) => ({ term: this.termText[t]!, weight })).sort((a, b) => b.weight - a.weight);
  }

  // -------------------------------------------------------------------------------------------
  // Entities

  private entityMatcher(): Fuse<{ id: string; names: string[]; words: string[] }> {
    if (this.entityFuse) return this.entityFuse;
    const records = [...this.entityDocs.keys()]
      .map((id) => this.entityTable.get(id))
      .filter((e): e is Entity => e !== undefined)
      .map((e) => {
        const names = [...new Set([e.nameAr, ...e.aliases, e.nameEn].map((n) => foldedWordsOf(n).join(' ')))];
        return { id: e.id, names, words: [...new Set(names.flatMap((n) => n.split(' ')))] };
      });
    this.entityFuse = new Fuse(records, { keys: ['names'], includeScore: true, ignoreLocation: true, threshold: 0.3, useExtendedSearch: true });
    return this.entityFuse;
  }

  /**
   * Entities named in the corpus whose names (Arabic, aliases, English) match `text`, best first:
   * fuse.js ranks them, and every query word must be one of the name's words in some spelling
   * (clitics, a prefix, or a few edits away), which keeps fuzzy near-misses like الاسد → الإسلامية out.
   */
  matchEntities(text: string, type?: EntityType): { entity: Entity; score: number }[] {
    const words = text.split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    const pattern = words.join(' ');
    const key = `${type ?? ''}:${pattern}`;
    const cached = this.entityMatches.get(key);
    if (cached) return cached;
    if (this.entityMatches.size > 2000) this.entityMatches.clear();
    const found = this.entityMatcher()
      .search(pattern)
      .map((r) => ({ entity: this.entityTable.get(r.item.id)!, score: 1 - (r.score ?? 1), names: r.item.words }))
      .filter((r) => (type === undefined || r.entity.type === type) && words.every((w) => r.names.some((n) => wordMatches(w, n))))
      .map(({ entity, score }) => ({ entity, score }));
    this.entityMatches.set(key, found);
    return found;
  }

  /** Mentions and articles of an entity in the documents `allowed` keeps, and the one naming it most. */
  /** An entity's Arabic name, if known. */
  entityName(id: string): string | undefined {
    return this.entityTable.get(id)?.nameAr;
  }

  private entityStats(id: string, allowed: (d: Doc) => boolean): { mentions: number; articles: number; best: Doc | undefined } {
    if (allowed === ALIVE) {
      let totals = this.totals.get(id);
      if (!totals) this.totals.set(id, (totals = this.entityTotals(id)));
      return totals;
    }
    const perDoc = this.entityDocs.get(id);
    let mentions = 0;
    let articles = 0;
    let best: Doc | undefined;
    let bestCount = 0;
    perDoc?.forEach((d, n) => {
      const doc = this.docs[d]!;
      if (!allowed(doc)) return;
      mentions += n;
      articles++;
      if (n > bestCount || (n === bestCount && best && doc.name < best.name)) {
        best = doc;
        bestCount = n;
      }
    });
    return { mentions, articles, best };
  }

  private entityTotals(id: string): EntityTotals {
    const { mentions, articles, best } = this.entityStats(id, (d) => d.alive);
    return { mentions, articles, best, bestCount: best ? this.entityDocs.get(id)!.get(best.index)! : 0 };
  }

  // -------------------------------------------------------------------------------------------
  // Search

  search(query: string | ParsedQuery, options: SearchOptions = {}): SearchResults {
    const q = typeof query === 'string' ? parseQuery(query) : query;
    const limit = { entity: 20, article: 20, passage: 50, ...options.limit };
    const clauses = this.clauses(q);
    const allowed = this.allowedDocs(q);
    const matcher = this.wordMatcher(clauses);
    const masked = this.setMask(clauses);
    try {
      const candidates = clauses.length > 0 ? this.candidates(clauses, allowed) : undefined;
      return {
        query: q,
        entities: this.searchEntities(q, allowed, limit.entity, matcher),
        articles: this.searchArticles(q, clauses, candidates, allowed, limit.article, matcher),
        passages: candidates ? this.searchPassages(q, clauses, candidates, limit.passage) : [],
      };
    } finally {
      this.clearMask(masked);
    }
  }

  /** Results of every kind in one ranked list: entities, then articles, then passages. */
  searchAll(query: string, limit = 50): SearchResult[] {
    const r = this.search(query, { limit: { entity: limit, article: limit, passage: limit } });
    return [...r.entities, ...r.articles, ...r.passages].slice(0, limit);
  }

  private clauses(q: ParsedQuery): Clause[] {
    const clauses: Clause[] = [];
    // Runs of Latin words may name a known entity in English ("Caesar Act", "lavrof").
    let i = 0;
    while (i < q.words.length) {
      let j = i;
      while (j < q.words.length && ENGLISH.test(q.words[j]!)) j++;
      if (j > i) {
        const run = q.words.slice(i, j).join(' ');
        const named = this.matchEntities(run).filter((m) => m.score >= 0.6);
        if (named.length > 0) {
          const best = named[0]!.score;
          const entities = new Map(named.filter((m) => m.score >= best - 0.1).map((m) => [m.entity.id, m.score]));
          const e = j - i === 1 ? this.expansion(q.words[i]!, true) : undefined;
          clauses.push({ terms: e?.weights ?? new Map(), prefix: e?.prefix, entities, length: 1 });
          i = j;
          continue;
        }
        for (; i < j; i++) clauses.push(this.wordClause(q.words[i]!, true));
        continue;
      }
      clauses.push(this.wordClause(q.words[i]!, true));
      i++;
    }
    for (const words of q.phrases) clauses.push(this.phraseClause(words));
    return clauses.slice(0, MAX_CLAUSES);
  }

  private wordClause(word: string, fuzzy: boolean): Clause {
    const e = this.expansion(word, fuzzy);
    return { terms: e.weights, prefix: e.prefix, entities: new Map(), length: 1 };
  }

  /** Words side by side: the first in any clitic form, the others as written (folded). */
  private phraseClause(words: string[], first?: Expansion): Clause {
    const head = first ?? this.expansion(words[0]!, false);
    const rest = words.slice(1).map((w) => new Set(this.expand(w, false).keys()));
    return { terms: head.weights, prefix: head.prefix, entities: new Map(), phrase: rest, length: words.length };
  }

  /** Marks, for each term of the clauses, the clauses it belongs to (bit i: clause i); returns the terms marked. */
  private setMask(clauses: readonly Clause[]): number[] {
    const marked: number[] = [];
    clauses.forEach((c, i) => {
      for (const t of c.terms.keys()) {
        if (this.termMask[t] === 0) marked.push(t);
        this.termMask[t]! |= 1 << i;
      }
    });
    return marked;
  }

  private clearMask(marked: readonly number[]): void {
    for (const t of marked) this.termMask[t] = 0;
  }

  /** Documents passing the filters and exclusions (undefined: all). */
  private allowedDocs(q: ParsedQuery): ((d: Doc) => boolean) {
    if (q.exclude.length === 0 && q.outlet === undefined && !q.before && !q.after) return ALIVE;
    const excluded = new Set<number>();
    for (const words of q.exclude) this.phraseHits(this.phraseClause(words), undefined, (d) => excluded.add(d));
    return (d) =>
      d.alive &&
      !excluded.has(d.index) &&
      (q.outlet === undefined || d.outletFolded.includes(q.outlet)) &&
      dateInBounds(d.date, q);
  }

  /** Documents holding one of a clause's terms (or entities), in no particular order. */
  private docsOf(c: Clause): Set<number> {
    const out = new Set<number>();
    for (const t of c.terms.keys()) {
      for (const { p, len } of this.segments(t)) for (let r = 0; r < len; r += 2) out.add(p[r]!);
    }
    for (const id of c.entities.keys()) this.entityDocs.get(id)?.forEach((d) => out.add(d));
    return out;
  }

  /**
   * The hits of the clauses in a document whose first word lies in [from, to], in text order (the
   * terms of the clauses must be marked with `setMask`). `firstOnly`: stop at the first hit.
   */
  private hitsIn(doc: Doc, clauses: readonly Clause[], from: number, to: number, firstOnly = false): Hit[] {
    const out: Hit[] = [];
    const terms = doc.terms;
    const end = Math.min(to + 1, terms.length);
    const mask = this.termMask;
    for (let pos = from; pos < end; pos++) {
      const t = terms[pos]!;
      let bits = mask[t]!;
      if (bits === 0) continue;
      for (let i = 0; bits !== 0; i++, bits >>>= 1) {
        if ((bits & 1) === 0) continue;
        const c = clauses[i]!;
        if (c.phrase) {
          let ok = pos + c.phrase.length < terms.length;
          for (let k = 0; ok && k < c.phrase.length; k++) ok = c.phrase[k]!.has(terms[pos + 1 + k]!);
          if (!ok) continue;
        }
        out.push({ first: pos, last: pos + c.length - 1, weight: c.terms.get(t)!, clause: i });
        if (firstOnly) return out;
      }
    }
    clauses.forEach((c, i) => {
      if (c.entities.size === 0) return;
      const ms = doc.mentions;
      for (let j = 0; j < ms.length; j += MENTION_FIELDS) {
        const weight = c.entities.get(this.mentionIds[ms[j]!]!);
        const first = ms[j + 3]!;
        if (weight !== undefined && first >= from && first <= to) out.push({ first, last: ms[j + 4]!, weight, clause: i, range: [ms[j + 1]!, ms[j + 2]!] });
      }
    });
    if (clauses.some((c) => c.entities.size > 0)) out.sort((a, b) => a.first - b.first || b.weight - a.weight);
    return out;
  }

  /**
   * The documents holding every clause (and allowed), with what ranking needs of each without
   * reading its words: each clause's best weight, its hits and strong hits (from the postings'
   * counts), whether the title holds every clause and the title's best weights.
   */
  /** The per-query arrays, zeroed for `n` clauses over the documents. */
  private scratchFor(n: number): Scratch {
    const size = this.docs.length;
    let s = this.scratch;
    if (!s || s.size < size) {
      const cap = Math.max(1024, size + (size >> 2));
      s = this.scratch = { size: cap, best: [], title: [], hits: new Uint32Array(cap), strong: new Uint32Array(cap), slot: new Int32Array(cap).fill(-1) };
    }
    while (s.best.length < n) {
      s.best.push(new Float64Array(s.size));
      s.title.push(new Float64Array(s.size));
    }
    for (let i = 0; i < n; i++) {
      s.best[i]!.fill(0, 0, size);
      s.title[i]!.fill(0, 0, size);
    }
    s.hits.fill(0, 0, size);
    s.strong.fill(0, 0, size);
    return s;
  }

  /**
   * Every occurrence of a phrase clause (its first word at `start`) in the documents `slot` gives a
   * place (>= 0; all documents without `slot`): found from the positions of its rarest word, each
   * checked against the document's words on either side.
   */
  private phraseHits(c: Clause, slot: Int32Array | undefined, visit: (d: number, k: number, start: number, weight: number) => void): void {
    const rest = c.phrase ?? [];
    const sizeOf = (terms: Iterable<number>): number => {
      let total = 0;
      for (const t of terms) total += this.occurrenceCount(t);
      return total;
    };
    let at = 0;
    let least = sizeOf(c.terms.keys());
    rest.forEach((set, j) => {
      const size = sizeOf(set);
      if (size < least) {
        least = size;
        at = j + 1;
      }
    });
    const words = rest.length + 1;
    for (const t of at === 0 ? c.terms.keys() : rest[at - 1]!) {
      for (const { p, pos, len } of this.segments(t)) {
        let o = 0;
        for (let r = 0; r < len; r += 2) {
          const d = p[r]!;
          const tf = p[r + 1]!;
          const k = slot ? slot[d]! : 0;
          const doc = this.docs[d]!;
          if (k >= 0 && doc.alive) {
            const terms = doc.terms;
            for (let x = o; x < o + tf; x++) {
              const start = pos[x]! - at;
              if (start < 0 || start + words > terms.length) continue;
              const w = c.terms.get(terms[start]!);
              if (w === undefined) continue;
              let ok = true;
              for (let m = 0; ok && m < rest.length; m++) ok = rest[m]!.has(terms[start + 1 + m]!);
              if (ok) visit(d, k, start, w);
            }
          }
          o += tf;
        }
      }
    }
  }

  /**
   * The documents holding every clause (and allowed), with what ranking needs of each without
   * reading its words: each clause's best weight, its hits and strong hits (from the postings'
   * counts), whether the title holds every clause and the title's best weights. Phrases are
   * checked from the positions of their rarest word.
   */
  private candidates(clauses: Clause[], allowed: (d: Doc) => boolean): Candidates {
    const n = clauses.length;
    const s = this.scratchFor(n);
    const best = s.best.slice(0, n);
    const title = s.title.slice(0, n);
    const { hits, strong } = s;
    const { titleFirsts, titleLasts } = this;
    const strongWeight = EDIT_WEIGHT[1]!;
    // Per clause, the documents holding it (each once).
    const holding: number[][] = clauses.map(() => []);
    clauses.forEach((c, i) => {
      const b = best[i]!;
      const tb = title[i]!;
      const docs = holding[i]!;
      // A phrase's hits (and its place in titles) are counted once verified, below.
      const counted = !c.phrase;
      for (const [t, w] of c.terms) {
        for (const { p, pos, len } of this.segments(t)) {
          let at = 0;
          for (let r = 0; r < len; r += 2) {
            const d = p[r]!;
            const tf = p[r + 1]!;
            const was = b[d]!;
            if (w > was) {
              if (was === 0) docs.push(d);
              b[d] = w;
            }
            if (counted) {
              hits[d]! += tf;
              if (w >= strongWeight) strong[d]! += tf;
              // In the title: a position in [titleFirst, titleLast] (positions ascend).
              if (w > tb[d]!) {
                let j = at;
                const end = at + tf;
                while (j < end && pos[j]! < titleFirsts[d]!) j++;
                if (j < end && pos[j]! <= titleLasts[d]!) tb[d] = w;
              }
            }
            at += tf;
          }
        }
      }
      for (const [id, w] of c.entities) {
        this.entityDocs.get(id)?.forEach((d, k) => {
          const was = b[d]!;
          if (w > was) {
            if (was === 0) docs.push(d);
            b[d] = w;
          }
          hits[d]! += k;
          if (w >= strongWeight) strong[d]! += k;
          if (w > tb[d]! && this.docs[d]!.titleEntities?.has(id)) tb[d] = w;
        });
      }
    });
    // Documents with every clause: from those of the rarest.
    let rarest = 0;
    for (let i = 1; i < n; i++) if (holding[i]!.length < holding[rarest]!.length) rarest = i;
    let docs: number[] = [];
    for (const d of holding[rarest]!) {
      let all = true;
      for (let i = 0; all && i < n; i++) all = best[i]![d]! > 0;
      if (all && (allowed === ALIVE ? this.aliveBits[d] === 1 : allowed(this.docs[d]!))) docs.push(d);
    }
    docs.sort((a, b) => a - b);
    // Phrases: keep the documents where the words stand side by side, with their real hits.
    const phrases = clauses.map((c, i) => (c.phrase ? i : -1)).filter((i) => i >= 0);
    if (phrases.length > 0) {
      const slot = s.slot;
      docs.forEach((d, k) => (slot[d] = k));
      const found = new Uint32Array(docs.length);
      phrases.forEach((i, bit) => {
        this.phraseHits(clauses[i]!, slot, (d, k, _start, w) => {
          found[k]! |= 1 << bit;
          hits[d]!++;
          if (w >= strongWeight) strong[d]!++;
        });
      });
      for (const d of docs) slot[d] = -1;
      const every = 2 ** phrases.length - 1;
      docs = docs.filter((_d, k) => found[k] === every);
    }
    const kept = docs;
    // Titles: which clauses they hold, and how well (phrases: read from the title's words).
    const mask = this.termMask;
    const phraseClauses = clauses.some((c) => c.phrase);
    const titleAll = new Uint8Array(kept.length);
    kept.forEach((d, k) => {
      // From the typed arrays: the documents themselves are read only for phrases.
      const titleFirst = titleFirsts[d]!;
      const titleLast = titleLasts[d]!;
      if (titleLast < titleFirst) return;
      if (phraseClauses) {
        const terms = this.docs[d]!.terms;
        for (let pos = titleFirst; pos <= titleLast; pos++) {
          const t = terms[pos]!;
          let bits = mask[t]!;
          for (let i = 0; bits !== 0; i++, bits >>>= 1) {
            const c = clauses[i]!;
            if ((bits & 1) === 0 || !c.phrase) continue;
            let ok = pos + c.phrase.length < terms.length && pos + c.length - 1 <= titleLast;
            for (let j = 0; ok && j < c.phrase.length; j++) ok = c.phrase[j]!.has(terms[pos + 1 + j]!);
            const w = c.terms.get(t)!;
            if (ok && w > title[i]![d]!) title[i]![d] = w;
          }
        }
      }
      let all = 1;
      for (let i = 0; all && i < n; i++) if (title[i]![d] === 0) all = 0;
      titleAll[k] = all;
    });
    return { docs: kept, best, hits, strong, titleBest: title, titleAll };
  }

  private searchPassages(q: ParsedQuery, clauses: Clause[], cand: Candidates, limit: number): SearchResult[] {
    if (clauses.length === 0 || limit <= 0 || cand.docs.length === 0) return [];
    const n = clauses.length;
    const ranks = this.nameRanks();
    // A bound on each document's best passage: every clause at its best weight, side by side.
    // Several plain words: tightened, when the document comes up, from the positions alone (max-score
    // style: most documents never need it).
    const plain = n > 1 && clauses.every((c) => !c.phrase && c.entities.size === 0);
    const windows = plain ? this.windowScorer(clauses, cand) : undefined;
    const tightened = windows ? new Uint8Array(cand.docs.length) : undefined;
    const bound = new Float64Array(cand.docs.length);
    const type = q.type;
    cand.docs.forEach((d, k) => {
      // A passage must name an entity of the type: a document naming none has none (bound -1).
      if (type && (this.docs[d]!.types & TYPE_BIT[type]) === 0) return void (bound[k] = -1);
      let sum = 0;
      for (let i = 0; i < n; i++) sum += cand.best[i]![d]!;
      const docBoost = 1 + 0.05 * Math.log1p(cand.hits[d]!);
      bound[k] = Math.max((sum / n) * docBoost, titleBound(k, sum / n, docBoost));
    });
    // A passage inside the title (every clause there) scores at most the title's best weights,
    // times 1.1; one outside it, at most the document's. (Same operations as the scores themselves.)
    function titleBound(k: number, best: number, docBoost: number): number {
      if (!cand.titleAll[k]) return 0;
      const d = cand.docs[k]!;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += cand.titleBest[i]![d]!;
      return Math.min(best, sum / n) * docBoost * 1.1;
    }
    const byBound = new Heap(cand.docs.length, (a, b) => bound[b]! - bound[a]! || ranks[cand.docs[a]!]! - ranks[cand.docs[b]!]!);
    const cmp = (a: Window, b: Window): number => b.score - a.score || ranks[a.doc.index]! - ranks[b.doc.index]! || a.first - b.first;
    const top: Window[] = [];
    for (let k = byBound.peek(); k >= 0; k = byBound.peek()) {
      const d = cand.docs[k]!;
      if (bound[k]! < 0) break;
      if (top.length >= limit) {
        const kth = top[limit - 1]!;
        // No passage of this document (nor of any after it) can enter the top.
        if (bound[k]! < kth.score || (bound[k] === kth.score && ranks[d]! > ranks[kth.doc.index]!)) break;
      }
      if (windows && tightened![k] < 2) {
        // A loose bound came first: tighten it (first from the blocks the words stand in, then to
        // the best window) and let the heap reorder. Bounds only ever come down.
        if (tightened![k]++ === 0) {
          const f = windows.proximity(k);
          // (A hair above: the bound is multiplied in another order than the scores.)
          if (f < 1) bound[k] = bound[k]! * f * (1 + 1e-9);
        } else {
          const docBoost = 1 + 0.05 * Math.log1p(cand.hits[d]!);
          const best = windows.best(k);
          bound[k] = Math.min(bound[k]!, Math.max(best * docBoost, titleBound(k, best, docBoost)));
        }
        byBound.topChanged();
        continue;
      }
      byBound.pop();
      const doc = this.docs[d]!;
      const list = this.hitsIn(doc, clauses, 0, Infinity);
      list.sort((a, b) => a.first - b.first || b.weight - a.weight);
      const found = bestWindows(list, clauses, PASSAGES_PER_DOC);
      // Many hits in a document make it a little more relevant.
      const docBoost = 1 + 0.05 * Math.log1p(list.length);
      for (const w of found) {
        if (q.type && !this.overlapsMentionOfType(doc, w.first, w.last, q.type)) continue;
        const inTitle = w.first >= doc.titleFirst && w.last <= doc.titleLast ? 1.1 : 1;
        const x: Window = { doc, first: w.first, last: w.last, score: w.score * docBoost * inTitle, hits: w.hits };
        // The top stays sorted and at most `limit` long (`cmp` is a total order).
        insertSorted(top, x, limit, cmp);
      }
    }
    return top.map((w) => this.passageResult(w.doc, w.first, w.last, w.score, w.hits, clauses));
  }

  /**
   * For plain word clauses: a function giving candidate k's best window score as `bestWindows`
   * computes it (the clauses' best weights in the window, averaged, times proximity), from the
   * terms' positions, without reading the documents' words. The hits are gathered at once; each
   * document's are sorted and scanned only when asked for.
   */
  private windowScorer(clauses: Clause[], cand: Candidates): { proximity: (k: number) => number; best: (k: number) => number } {
    const n = clauses.length;
    const K = cand.docs.length;
    const slot = this.scratch!.slot; // made by `candidates`
    const offsets = new Uint32Array(K + 1);
    cand.docs.forEach((d, k) => {
      slot[d] = k;
      offsets[k + 1] = offsets[k]! + cand.hits[d]!;
    });
    const total = offsets[K]!;
    if (this.hitScratch.hp.length < total) {
      const cap = total + (total >> 1);
      this.hitScratch = { hp: new Uint32Array(cap), hc: new Uint8Array(cap), hw: new Float64Array(cap) };
    }
    const { hp, hc, hw } = this.hitScratch;
    const cursor = offsets.slice(0, K);
    clauses.forEach((c, i) => {
      for (const [t, w] of c.terms) {
        for (const { p, pos, len } of this.segments(t)) {
          let at = 0;
          for (let r = 0; r < len; r += 2) {
            const k = slot[p[r]!]!;
            const tf = p[r + 1]!;
            if (k >= 0) {
              let o = cursor[k]!;
              for (let j = 0; j < tf; j++, o++) {
                hp[o] = pos[at + j]!;
                hc[o] = i;
                hw[o] = w;
              }
              cursor[k] = o;
            }
            at += tf;
          }
        }
      }
    });
    for (const d of cand.docs) slot[d] = -1;
    // A cheap bound on the proximity factor, from which blocks of 4 and of 16 words each clause
    // stands in (bit b: block b mod 32). A window of at most 4 (16) words lies in two neighbouring
    // blocks: when no two neighbouring blocks hold every clause, every window is longer.
    const small = new Int32Array(n);
    const large = new Int32Array(n);
    const factor = (span: number): number => 1 / (1 + Math.max(0, span + 1 - n) / 4);
    const proximity = (k: number): number => {
      small.fill(0);
      large.fill(0);
      for (let o = offsets[k]!, to = offsets[k + 1]!; o < to; o++) {
        const p = hp[o]!;
        small[hc[o]!]! |= 1 << ((p >>> 2) & 31);
        large[hc[o]!]! |= 1 << ((p >>> 4) & 31);
      }
      let s = -1;
      let l = -1;
      for (let i = 0; i < n; i++) {
        s &= small[i]! | (small[i]! >>> 1) | (small[i]! << 31);
        l &= large[i]! | (large[i]! >>> 1) | (large[i]! << 31);
      }
      return l === 0 ? factor(16) : s === 0 ? factor(4) : 1;
    };
    const counts = new Int32Array(n);
    const head = new Int32Array(n);
    const tail = new Int32Array(n);
    let dq = new Int32Array(1024);
    const best = (k: number): number => {
      const from = offsets[k]!;
      const to = offsets[k + 1]!;
      sortHits(hp, hc, hw, from, to);
      // The windows `bestWindows` enumerates, each clause's best weight kept in a max-deque.
      const m = to - from;
      if (dq.length < n * m) dq = new Int32Array(n * m * 2);
      counts.fill(0);
      for (let i = 0; i < n; i++) head[i] = tail[i] = i * m;
      let covered = 0;
      let lo = from;
      let max = 0;
      for (let hi = from; hi < to; hi++) {
        const c = hc[hi]!;
        if (counts[c]!++ === 0) covered++;
        while (tail[c]! > head[c]! && hw[dq[tail[c]! - 1]!]! <= hw[hi]!) tail[c]!--;
        dq[tail[c]!++] = hi;
        while (covered === n) {
          let sum = 0;
          for (let i = 0; i < n; i++) sum += hw[dq[head[i]!]!]!;
          const gap = Math.max(0, hp[hi]! - hp[lo]! + 1 - n);
          const score = (sum / n) * (1 / (1 + gap / 4));
          if (score > max) max = score;
          const cl = hc[lo]!;
          if (--counts[cl]! === 0) covered--;
          if (dq[head[cl]!] === lo) head[cl]!++;
          lo++;
        }
      }
      return max;
    };
    return { proximity, best };
  }

  /** Each document's place in the order of dates: newest first, undated last (ties: by name). */
  private dateRanks(): Int32Array {
    return this.dateOrder.ranks(this.docs.length);
  }

  /** Each document's rank in the order of names (as `localeCompare` sorts them). */
  private nameRanks(): Int32Array {
    return this.nameOrder.ranks(this.docs.length);
  }

  private overlapsMentionOfType(doc: Doc, first: number, last: number, type: EntityType): boolean {
    const ms = doc.mentions;
    for (let j = 0; j < ms.length; j += MENTION_FIELDS) if (this.mentionTypes[ms[j]!] === type && ms[j + 3]! <= last && ms[j + 4]! >= first) return true;
    return false;
  }

  private passageResult(doc: Doc, first: number, last: number, score: number, hits: Hit[], clauses: Clause[]): SearchResult {
    const matches = hits.map((h) => this.matchRange(doc, h, clauses[h.clause]!)).sort((a, b) => a[0] - b[0]);
    // The passage is exactly the matched words and what lies between them.
    const start = matches.length > 0 ? Math.min(...matches.map((m) => m[0])) : doc.starts[first]!;
    const end = matches.length > 0 ? Math.max(...matches.map((m) => m[1])) : endOf(doc, last);
    const line = this.lineOf(doc, start, end);
    const around = snippetAround(line.text, start - line.start, end - line.start);
    const snippet = around.snippet;
    const offset = around.offset + line.start;
    const highlights = matches
      .map(([s, e]): [number, number] => [s - offset, e - offset])
      .filter(([s, e]) => s >= 0 && e <= snippet.length);
    return { kind: 'passage', file: doc.id, name: doc.name, start, end, score: round(score), snippet, highlights, matches, title: doc.title, outlet: doc.outlet, date: doc.date };
  }

  /** The original range of a hit, without the clitics in front of the matched form (وبايدن → بايدن). */
  private matchRange(doc: Doc, h: Hit, clause: Clause): [number, number] {
    if (h.range) return h.range;
    const start = doc.starts[h.first]!;
    const end = endOf(doc, h.last);
    const stripped = clause.prefix?.get(doc.terms[h.first]!) ?? 0;
    if (stripped === 0) return [start, end];
    const firstEnd = endOf(doc, h.first);
    const line = this.lineOf(doc, start, firstEnd);
    const folded = foldWithMap(line.text.slice(start - line.start, firstEnd - line.start));
    return [start + (folded.starts[stripped] ?? 0), end];
  }

  private wordMatcher(clauses: Clause[]): (folded: string) => boolean {
    const terms = new Set<number>();
    for (const c of clauses) {
      for (const t of c.terms.keys()) terms.add(t);
      for (const p of c.phrase ?? []) for (const t of p) terms.add(t);
    }
    const english = new Set<string>();
    for (const c of clauses) for (const id of c.entities.keys()) for (const n of this.entityNames(id)) english.add(n);
    return (w) => {
      const t = this.termId(w);
      return (t !== undefined && terms.has(t)) || english.has(w);
    };
  }

  private entityNames(id: string): string[] {
    const e = this.entityTable.get(id);
    if (!e) return [];
    const words: string[] = [];
    for (const name of [e.nameAr, ...e.aliases]) scanWords(name, (w) => words.push(w));
    return words;
  }

  private searchEntities(q: ParsedQuery, allowed: (d: Doc) => boolean, limit: number, matcher: (w: string) => boolean): SearchResult[] {
    if (limit <= 0) return [];
    const text = [...q.words, ...q.phrases.flat()].join(' ');
    let found: { entity: Entity; score: number }[];
    if (text) found = this.matchEntities(text, q.type);
    else if (q.type) {
      found = [...this.entityDocs.keys()]
        .map((id) => this.entityTable.get(id))
        .filter((e): e is Entity => e?.type === q.type)
        .map((entity) => ({ entity, score: 1 }));
    } else return [];
    const out: SearchResult[] = [];
    for (const { entity: e, score } of found) {
      const stats = this.entityStats(e.id, allowed);
      const doc = stats.best;
      if (!doc) continue;
      const first = this.firstMention(doc, e.id)!;
      out.push({
        kind: 'entity',
        file: doc.id,
        name: doc.name,
        start: first.start,
        end: first.end,
        score: round(score * (1 + 0.02 * Math.log1p(stats.mentions))),
        snippet: e.nameAr,
        highlights: highlightWords(e.nameAr, matcher),
        matches: [[first.start, first.end]],
        title: doc.title,
        outlet: doc.outlet,
        date: doc.date,
        entity: { id: e.id, type: e.type, nameAr: e.nameAr, nameEn: e.nameEn, mentions: stats.mentions, articles: stats.articles },
      });
    }
    // A total order (ties by id): the same whatever order the index met the entities in.
    out.sort((a, b) => b.score - a.score || b.entity!.mentions - a.entity!.mentions || (a.entity!.id < b.entity!.id ? -1 : a.entity!.id > b.entity!.id ? 1 : 0));
    return out.slice(0, limit);
  }

  private searchArticles(q: ParsedQuery, clauses: Clause[], cand: Candidates | undefined, allowed: (d: Doc) => boolean, limit: number, matcher: (w: string) => boolean): SearchResult[] {
    if (limit <= 0) return [];
    // Scores as a list (no map over thousands of candidates); outlets and filters merged through `at`.
    const ranked: [Doc, number][] = [];
    let at: Map<Doc, number> | undefined;
    const raise = (doc: Doc, score: number): void => {
      at ??= new Map(ranked.map(([d], i) => [d, i]));
      const i = at.get(doc);
      if (i === undefined) {
        at.set(doc, ranked.length);
        ranked.push([doc, score]);
      } else if (score > ranked[i]![1]) ranked[i]![1] = score;
    };
    // Titles holding every clause first; then articles holding them often in their text (ranked
    // over typed arrays: only the best few become results).
    const n = clauses.length;
    const ranks = this.nameRanks();
    const dates = this.dateRanks();
    if (cand) {
      const { docs } = cand;
      const sc = new Float64Array(docs.length);
      const keep: number[] = [];
      docs.forEach((d, k) => {
        if (cand.titleAll[k]) {
          let sum = 0;
          for (let i = 0; i < n; i++) sum += cand.titleBest[i]![d]!;
          sc[k] = (sum / n) * 0.9;
        } else {
          const strong = cand.strong[d]! / n;
          if (strong >= 1) sc[k] = 0.3 + 0.2 * Math.min(1, Math.log1p(strong) / Math.log(10));
        }
        if (sc[k]! > 0) keep.push(k);
      });
      const byScore = (a: number, b: number): number => sc[b]! - sc[a]! || dates[docs[a]!]! - dates[docs[b]!]! || ranks[docs[a]!]! - ranks[docs[b]!]!;
      for (const k of topK(keep, limit * 5, byScore)) ranked.push([this.docs[docs[k]!]!, sc[k]!]);
    }
    // Outlets whose name is the query ("الحل نت").
    const text = q.words.join(' ');
    if (text) {
      const outlets = (this.outletFuse ??= new Fuse(
        [...this.outlets.keys()].map((outlet) => ({ outlet })),
        { keys: ['outlet'], includeScore: true, threshold: 0.2, ignoreLocation: true },
      ));
      const matched = new Map(outlets.search(text).map((r) => [r.item.outlet, 1 - (r.score ?? 1)]));
      if (matched.size > 0) {
        for (const doc of this.docs) {
          const s = doc.alive && matched.get(doc.outletFolded);
          if (s && allowed(doc)) raise(doc, s * 0.8);
        }
      }
    } else if (clauses.length === 0 && (q.outlet || q.before || q.after)) {
      // Filters alone list the articles they keep, newest first.
      for (const doc of this.docs) if (allowed(doc)) raise(doc, 0.5);
    }
    const order = (a: [Doc, number], b: [Doc, number]): number => b[1] - a[1] || dates[a[0].index]! - dates[b[0].index]! || ranks[a[0].index]! - ranks[b[0].index]!;
    // Rank the best candidates' titles with fuse.js (fuzzy, on folded text) when there are words
    // (only the best: fuse.js costs ~20 µs a title).
    const pattern = [...q.words, ...q.phrases.flat()].join(' ');
    let top = ranked;
    if (pattern && ranked.length > 1) {
      top = topK(ranked, limit * 5, order);
      const fuse = new Fuse(top.map(([doc]) => ({ doc, title: this.foldedTitle(doc) })), { keys: ['title'], includeScore: true, ignoreLocation: true, threshold: 0.6, useExtendedSearch: true });
      const rescored = new Map(top);
      for (const r of fuse.search(pattern)) rescored.set(r.item.doc, (rescored.get(r.item.doc) ?? 0) * 0.7 + (1 - (r.score ?? 1)) * 0.3);
      top = [...rescored.entries()];
    }
    return topK(top, limit, order).map(([doc, score]) => ({
      kind: 'article' as const,
      file: doc.id,
      name: doc.name,
      start: doc.titleStart,
      end: doc.titleEnd,
      score: round(score),
      snippet: doc.title,
      highlights: highlightWords(doc.title, matcher),
      matches: [],
      title: doc.title,
      outlet: doc.outlet,
      date: doc.date,
    }));
  }

  // -------------------------------------------------------------------------------------------
  // Concordance

  /**
   * Every occurrence of a word (its clitic forms, and its spelling variants when `variants`) or of an
   * entity's mentions, with context. Unsorted (in corpus order).
   */
  occurrences(target: { word: string; variants?: boolean } | { entity: string }): { doc: SearchDocumentView; start: number; end: number; first: number; last: number }[] {
    const out: { doc: SearchDocumentView; start: number; end: number; first: number; last: number }[] = [];
    if ('entity' in target) {
      for (const d of this.entityDocs.get(target.entity)?.docList() ?? []) {
        const doc = this.docs[d]!;
        const ms = doc.mentions;
        for (let j = 0; j < ms.length; j += MENTION_FIELDS) {
          if (this.mentionIds[ms[j]!] === target.entity) out.push({ doc: this.view(doc), start: ms[j + 1]!, end: ms[j + 2]!, first: ms[j + 3]!, last: ms[j + 4]! });
        }
      }
    } else {
      const words: string[] = [];
      scanWords(target.word, (w) => words.push(w));
      if (words.length === 0) return out;
      const clause = this.phraseClause(words, target.variants ? this.variants(words[0]!) : undefined);
      const masked = this.setMask([clause]);
      try {
        for (const d of this.docsOf(clause)) {
          const doc = this.docs[d]!;
          if (!doc.alive) continue;
          for (const h of this.hitsIn(doc, [clause], 0, Infinity)) {
            const [start, end] = this.matchRange(doc, h, clause);
            out.push({ doc: this.view(doc), start, end, first: h.first, last: h.last });
          }
        }
      } finally {
        this.clearMask(masked);
      }
    }
    out.sort((a, b) => a.doc.name.localeCompare(b.doc.name) || a.start - b.start);
    return out;
  }

  /** Clitic forms and spelling variants (edit distance), without prefixes. */
  private variants(word: string): Expansion {
    const all = this.expansion(word, true);
    return { ...all, weights: new Map([...all.weights].filter(([t]) => !all.completions.has(t))) };
  }

  /** The folded word at an index of a document (for sorting a concordance). */
  wordAt(doc: SearchDocumentView, index: number): string | undefined {
    const d = this.byId.get(doc.id);
    if (!d || index < 0 || index >= d.terms.length) return undefined;
    return this.termText[d.terms[index]!];
  }

  /** A title folded (for fuse.js), once per document. */
  private foldedTitle(doc: Doc): string {
    return (doc.titleFolded ??= fold(doc.title));
  }

  private view(doc: Doc): SearchDocumentView {
    return { id: doc.id, name: doc.name, text: this.textOf(doc), title: doc.title, outlet: doc.outlet, date: doc.date };
  }

  // -------------------------------------------------------------------------------------------
  // Snapshot (serialisation only: a warm start loads the index without reading the texts again)

  /**
   * The index as one buffer (see `SNAPSHOT_VERSION`): documents' words, titles and mentions, the vocabulary,
   * postings and positions. Texts are not stored; `fromSnapshot` reads them through a reader when shown.
   * `key` is checked on load (e.g. the engine version and knowledge base the mentions came from).
   */
  /** Term numbers in the order of their text: the restored order merged with the terms seen since, sorted. */
  private termOrder(): Uint32Array {
    const text = this.termText;
    const byText = (a: number, b: number): number => (text[a]! < text[b]! ? -1 : text[a]! > text[b]! ? 1 : 0);
    const added = Uint32Array.from(this.termIds.values()).sort(byText);
    const base = this.baseOrder ?? EMPTY;
    const out = new Uint32Array(base.length + added.length);
    let [i, j, k] = [0, 0, 0];
    while (i < base.length && j < added.length) out[k++] = byText(base[i]!, added[j]!) <= 0 ? base[i++]! : added[j++]!;
    while (i < base.length) out[k++] = base[i++]!;
    while (j < added.length) out[k++] = added[j++]!;
    return out;
  }

  toSnapshot(key: string): Uint8Array {
    return concatBytes(this.toSnapshotParts(key).parts);
  }

  /** `toSnapshot` as the parts it is made of (to write to a file without joining them). */
  toSnapshotParts(key: string): ByteParts {
    const steps = this.snapshotSteps(key);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * `toSnapshotParts` a step at a time (it yields every few thousand documents or terms), so that a host can let its
   * thread do other work between steps. The index must not change meanwhile (`CorpusSearch.snapshotInSlices` checks).
   */
  *snapshotSteps(key: string): Generator<undefined, ByteParts> {
    const w = new BinaryWriter(SNAPSHOT_MAGIC, SNAPSHOT_VERSION);
    w.string(key);
    const docs = this.docs;
    const n = docs.length;
    w.u32(n);
    w.strings(docs.map((d) => d.id));
    w.strings(docs.map((d) => d.name));
    w.strings(docs.map((d) => d.title));
    w.strings(docs.map((d) => d.outlet ?? ''));
    w.strings(docs.map((d) => d.date ?? ''));
    // Per document: flags (1 alive, 2 has outlet, 4 has date), title offsets and word span.
    const flags = new Uint8Array(n);
    const nums = new Int32Array(n * 4);
    const wordOffsets = new Uint32Array(n + 1);
    const mentionOffsets = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const d = docs[i]!;
      flags[i] = (d.alive ? 1 : 0) | (d.outlet !== undefined ? 2 : 0) | (d.date !== undefined ? 4 : 0);
      nums.set([d.titleStart, d.titleEnd, d.titleFirst, d.titleLast], i * 4);
      wordOffsets[i + 1] = wordOffsets[i]! + d.starts.length;
      mentionOffsets[i + 1] = mentionOffsets[i]! + d.mentions.length / MENTION_FIELDS;
    }
    yield;
    w.array(flags);
    w.array(nums);
    const words = wordOffsets[n]!;
    const starts = new Uint32Array(words);
    const lengths = new Uint8Array(words);
    const terms = new Uint32Array(words);
    const longEnds: number[] = [];
    for (let i = 0; i < n; i++) {
      const d = docs[i]!;
      const at = wordOffsets[i]!;
      starts.set(d.starts, at);
      lengths.set(d.lengths, at);
      terms.set(d.terms, at);
      for (const [k, end] of d.longEnds ?? []) longEnds.push(i, k, end);
      if ((i & 1023) === 1023) yield;
    }
    w.array(wordOffsets);
    w.array(starts);
    w.array(lengths);
    w.array(terms);
    w.array(Uint32Array.from(longEnds));
    // Mentions as the documents hold them (entity number, start, end, first and last word), and the entities' table.
    const mentionNums = new Uint32Array(mentionOffsets[n]! * MENTION_FIELDS);
    docs.forEach((d, i) => mentionNums.set(d.mentions, mentionOffsets[i]! * MENTION_FIELDS));
    yield;
    w.array(mentionOffsets);
    w.strings(this.mentionIds);
    w.array(Uint8Array.from(this.mentionTypes, (type) => TYPE_CODES.indexOf(type)));
    w.array(mentionNums);
    // Vocabulary (with the terms' order by text, for lookups without a map), postings and positions (each term's
    // trimmed to its length).
    const t = this.termText.length;
    w.u32(t);
    w.strings(this.termText);
    w.array(this.termOrder());
    yield;
    for (const [bases, lists, lengthsOf] of [
      [this.basePostings, this.postings, this.postingLength],
      [this.basePositions, this.positions, this.positionLength],
    ] as const) {
      const offsets = new Uint32Array(t + 1);
      for (let i = 0; i < t; i++) offsets[i + 1] = offsets[i]! + (bases?.lengthOf(i) ?? 0) + lengthsOf[i]!;
      const all = new Uint32Array(offsets[t]!);
      yield;
      // A step per million numbers copied, not per so many terms: the first terms, the commonest, hold most of them.
      let copied = 0;
      for (let i = 0; i < t; i++) {
        const base = bases?.get(i) ?? EMPTY;
        all.set(base, offsets[i]!);
        all.set(lists[i]!.subarray(0, lengthsOf[i]!), offsets[i]! + base.length);
        if ((copied += offsets[i + 1]! - offsets[i]!) >= 1 << 20) {
          copied = 0;
          yield;
        }
      }
      w.array(offsets);
      w.array(all);
    }
    // Clitic forms → terms, in the forms' order.
    const forms = this.forms.sorted();
    yield;
    const formOffsets = new Uint32Array(forms.length + 1);
    const formTerms: number[] = [];
    for (let i = 0; i < forms.length; i++) {
      for (const term of this.forms.get(forms[i]!)) formTerms.push(term);
      formOffsets[i + 1] = formTerms.length;
      if ((i & 16383) === 16383) yield;
    }
    w.strings(forms);
    w.array(formOffsets);
    w.array(Uint32Array.from(formTerms));
    return w.chunks();
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
      return SearchIndex.readSnapshot(new BinaryReader(bytes, SNAPSHOT_MAGIC, SNAPSHOT_VERSION), key, readText, entities);
    } catch {
      return undefined;
    }
  }

  private static readSnapshot(r: BinaryReader, key: string, readText: (id: string) => string | undefined, entities: readonly Entity[]): SearchIndex | undefined {
    if (r.string() !== key) return undefined;
    const n = r.u32();
    const [ids, names, titles, outlets, dates] = [r.strings(), r.strings(), r.strings(), r.strings(), r.strings()];
    if (![ids, names, titles, outlets, dates].every((a) => a.length === n)) throw new SnapshotError('documents');
    const flags = r.u8s();
    const nums = r.i32s();
    if (flags.length !== n || nums.length !== n * 4) throw new SnapshotError('documents');
    const wordOffsetsRaw = r.u32s();
    const words = wordOffsetsRaw[n] ?? 0;
    const starts = r.u32s();
    const lengths = r.u8s();
    const terms = r.u32s();
    const longEnds = r.u32s();
    if (starts.length !== words || lengths.length !== words || terms.length !== words || longEnds.length % 3) throw new SnapshotError('words');
    const mentionOffsets = r.u32s();
    const entityIds = r.strings();
    const entityTypes = r.u8s();
    const mentionNums = r.u32s();
    const m = mentionNums.length / MENTION_FIELDS;
    if (entityTypes.length !== entityIds.length || !Number.isInteger(m)) throw new SnapshotError('mentions');
    const t = r.u32();
    const termText = r.strings();
    const termOrder = r.u32s();
    if (termText.length !== t || termOrder.length !== t) throw new SnapshotError('terms');
    const postingOffsets = r.u32s();
    const postings = r.u32s();
    checkOffsets(postingOffsets, t, postings.length);
    const positionOffsets = r.u32s();
    const positions = r.u32s();
    checkOffsets(positionOffsets, t, positions.length);
    const formList = r.strings();
    const formOffsets = r.u32s();
    const formTerms = r.u32s();
    checkOffsets(formOffsets, formList.length, formTerms.length);
    checkOffsets(wordOffsetsRaw, n, words);
    checkOffsets(mentionOffsets, n, m);
    r.end();
    // Values that index other arrays: checked, so a corrupt buffer cannot make a query throw.
    below(terms, t);
    below(formTerms, t);
    below(termOrder, t);
    // Lookups are binary searches: the orders must hold (strictly ascending texts also make the order a permutation).
    for (let i = 1; i < t; i++) if (!(termText[termOrder[i - 1]!]! < termText[termOrder[i]!]!)) throw new SnapshotError('term order');
    for (let i = 1; i < formList.length; i++) if (!(formList[i - 1]! < formList[i]!)) throw new SnapshotError('form order');
    below(entityTypes, TYPE_CODES.length);
    for (let i = 0; i < postings.length; i += 2) if (postings[i]! >= n) throw new SnapshotError('postings');
    for (let i = 0; i < m; i++) if (mentionNums[i * MENTION_FIELDS]! >= entityIds.length) throw new SnapshotError('mentions');

    const index = new SearchIndex(entities);
    // The texts: read when first needed, the last few kept.
    index.reader = readText;
    const longByDoc = new Map<number, Map<number, number>>();
    for (let i = 0; i < longEnds.length; i += 3) {
      let map = longByDoc.get(longEnds[i]!);
      if (!map) longByDoc.set(longEnds[i]!, (map = new Map()));
      map.set(longEnds[i + 1]!, longEnds[i + 2]!);
    }
    const grow = (size: number): number => Math.max(1024, 2 ** Math.ceil(Math.log2(size + 1)));
    entityIds.forEach((id, e) => index.numberEntity(id, TYPE_CODES[entityTypes[e]!]!));
    index.aliveBits = new Uint8Array(grow(n));
    index.titleFirsts = new Int32Array(grow(n));
    index.titleLasts = new Int32Array(grow(n));
    index.termMask = new Uint32Array(grow(t));
    // A few outlets, each named by thousands of documents: folded once each.
    const outletsFolded = new Map<string, string>();
    const foldedOutlet = (outlet: string): string => {
      let f = outletsFolded.get(outlet);
      if (f === undefined) outletsFolded.set(outlet, (f = fold(outlet)));
      return f;
    };
    for (let i = 0; i < n; i++) {
      const from = wordOffsetsRaw[i]!;
      const to = wordOffsetsRaw[i + 1]!;
      const [titleStart, titleEnd, titleFirst, titleLast] = [nums[i * 4]!, nums[i * 4 + 1]!, nums[i * 4 + 2]!, nums[i * 4 + 3]!];
      const mentions = mentionNums.subarray(mentionOffsets[i]! * MENTION_FIELDS, mentionOffsets[i + 1]! * MENTION_FIELDS);
      const { types, titleEntities } = index.mentionSummary(mentions, titleFirst, titleLast);
      const alive = (flags[i]! & 1) !== 0;
      const outlet = flags[i]! & 2 ? outlets[i]! : undefined;
      const id = ids[i]!;
      const doc: Doc = {
        index: i,
        id,
        name: names[i]!,
        text: alive ? undefined : '',
        title: titles[i]!,
        titleStart,
        titleEnd,
        outlet,
        outletFolded: outlet ? foldedOutlet(outlet) : '',
        date: flags[i]! & 4 ? dates[i]! : undefined,
        starts: starts.subarray(from, to),
        lengths: lengths.subarray(from, to),
        longEnds: longByDoc.get(i),
        terms: terms.subarray(from, to),
        titleFirst,
        titleLast,
        mentions,
        types,
        titleEntities,
        alive,
      };
      index.docs.push(doc);
      index.titleFirsts[i] = titleFirst;
      index.titleLasts[i] = titleLast;
      if (!alive) {
        index.dead++;
        continue;
      }
      index.byId.set(id, doc);
      index.aliveBits[i] = 1;
      index.countEntityDocs(mentions, i);
      if (doc.outletFolded) index.countOutlet(doc.outletFolded, 1);
    }
    // The vocabulary as the snapshot holds it: no map of terms or forms, no view per term until it is read.
    for (const w of termText) index.termText.push(w);
    index.baseOrder = termOrder;
    index.basePostings = new BaseLists(postings, postingOffsets);
    index.basePositions = new BaseLists(positions, positionOffsets);
    index.postings.length = index.postingLength.length = index.positions.length = index.positionLength.length = t;
    index.postings.fill(EMPTY);
    index.postingLength.fill(0);
    index.positions.fill(EMPTY);
    index.positionLength.fill(0);
    index.forms.restore(formList, formOffsets, formTerms);
    return index;
  }
}

const NO_TERMS: readonly number[] = [];

/**
 * Clitic forms → the terms they stand for. Those restored from a snapshot stay as it holds them (forms in order, each
 * one's terms end to end) and are found by a binary search; forms and terms seen since are in a map.
 */
class FormIndex {
  private baseForms: readonly string[] = [];
  private baseOffsets: Uint32Array = EMPTY;
  private baseTerms: Uint32Array = EMPTY;
  private readonly added = new Map<string, number[]>();
  private sortedForms: readonly string[] | undefined;
  private formsByLength: Map<number, string[]> | undefined;

  restore(forms: readonly string[], offsets: Uint32Array, terms: Uint32Array): void {
    this.baseForms = forms;
    this.baseOffsets = offsets;
    this.baseTerms = terms;
    this.sortedForms = this.formsByLength = undefined;
  }

  private baseIndex(form: string): number {
    const forms = this.baseForms;
    const i = lowerBound(forms, form);
    return i < forms.length && forms[i] === form ? i : -1;
  }

  /** The terms a form stands for. */
  get(form: string): readonly number[] | Uint32Array {
    const i = this.baseIndex(form);
    const more = this.added.get(form);
    if (i < 0) return more ?? NO_TERMS;
    const base = this.baseTerms.subarray(this.baseOffsets[i]!, this.baseOffsets[i + 1]!);
    return more ? [...base, ...more] : base;
  }

  add(form: string, term: number): void {
    const list = this.added.get(form);
    if (list) return void list.push(term);
    this.added.set(form, [term]);
    if (this.baseIndex(form) < 0) this.sortedForms = this.formsByLength = undefined;
  }

  /** Every form, in order. */
  sorted(): readonly string[] {
    if (this.sortedForms) return this.sortedForms;
    const extra = [...this.added.keys()].filter((f) => this.baseIndex(f) < 0).sort();
    const base = this.baseForms;
    if (extra.length === 0) return (this.sortedForms = base);
    const out: string[] = [];
    let [i, j] = [0, 0];
    while (i < base.length && j < extra.length) out.push(base[i]! < extra[j]! ? base[i++]! : extra[j++]!);
    while (i < base.length) out.push(base[i++]!);
    while (j < extra.length) out.push(extra[j++]!);
    return (this.sortedForms = out);
  }

  /** Every form, by its length. */
  byLength(): Map<number, string[]> {
    return (this.formsByLength ??= groupByLength(this.sorted()));
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function foldedWordsOf(text: string): string[] {
  const out: string[] = [];
  scanWords(text, (w) => out.push(w));
  return out;
}

/** True when a query word can stand for a name's word: clitic forms, a prefix, or a few edits. */
function wordMatches(query: string, name: string): boolean {
  if (query === name) return true;
  const qs = queryForms(query).map((f) => f.form);
  const ns = proclitic(name).map((f) => f.form);
  if (qs.some((q) => ns.includes(q))) return true;
  if (query.length >= 2 && ns.some((n) => n.startsWith(query))) return true;
  const k = allowedEdits(query);
  return k > 0 && qs.some((q) => ns.some((n) => boundedDistance(q, n, k) <= k));
}

/** The original end of a document's word. */
function endOf(doc: Doc, i: number): number {
  const l = doc.lengths[i]!;
  return l < 255 ? doc.starts[i]! + l : doc.longEnds!.get(i)!;
}

/** Sorts hits [from, to) of parallel arrays by position, then weight (highest first); stable. */
function sortHits(hp: Uint32Array, hc: Uint8Array, hw: Float64Array, from: number, to: number): void {
  if (to - from > 48) {
    const idx = Array.from({ length: to - from }, (_, j) => from + j);
    idx.sort((a, b) => hp[a]! - hp[b]! || hw[b]! - hw[a]!);
    const p = idx.map((j) => hp[j]!);
    const c = idx.map((j) => hc[j]!);
    const w = idx.map((j) => hw[j]!);
    hp.set(p, from);
    hc.set(c, from);
    hw.set(w, from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const p = hp[i]!;
    const c = hc[i]!;
    const w = hw[i]!;
    let j = i - 1;
    while (j >= from && (hp[j]! > p || (hp[j] === p && hw[j]! < w))) {
      hp[j + 1] = hp[j]!;
      hc[j + 1] = hc[j]!;
      hw[j + 1] = hw[j]!;
      j--;
    }
    hp[j + 1] = p;
    hc[j + 1] = c;
    hw[j + 1] = w;
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * The best windows of a document's hits (sorted by position) holding every clause: the shortest
 * first, at most `max`, not overlapping. Score: the clauses' best weights, averaged, times a
 * proximity factor (1 when the words stand side by side).
 */
function bestWindows(hits: Hit[], clauses: Clause[], max: number): { first: number; last: number; score: number; hits: Hit[] }[] {
  const n = clauses.length;
  const found: { first: number; last: number; score: number; hits: Hit[] }[] = [];
  if (n === 1) {
    for (const h of hits) found.push({ first: h.first, last: h.last, score: h.weight, hits: [h] });
  } else {
    const counts = new Array<number>(n).fill(0);
    let covered = 0;
    let lo = 0;
    for (let hi = 0; hi < hits.length; hi++) {
      if (counts[hits[hi]!.clause]!++ === 0) covered++;
      while (covered === n) {
        const inWindow = hits.slice(lo, hi + 1);
        const best = new Array<number>(n).fill(0);
        for (const h of inWindow) best[h.clause] = Math.max(best[h.clause]!, h.weight);
        const words = clauses.reduce((s, c) => s + c.length, 0);
        const first = hits[lo]!.first;
        const last = Math.max(...inWindow.map((h) => h.last));
        const gap = Math.max(0, last - first + 1 - words);
        const score = (best.reduce((a, b) => a + b, 0) / n) * (1 / (1 + gap / 4));
        found.push({ first, last, score, hits: inWindow });
        if (--counts[hits[lo]!.clause]! === 0) covered--;
        lo++;
      }
    }
  }
  found.sort((a, b) => b.score - a.score || a.first - b.first);
  const chosen: typeof found = [];
  for (const w of found) {
    if (chosen.length >= max) break;
    if (chosen.every((c) => w.last < c.first || w.first > c.last)) chosen.push(w);
  }
  return chosen;
}
