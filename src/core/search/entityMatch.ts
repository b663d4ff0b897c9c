/**
 * The entities of an index: the known ones (to resolve mentions and English names with), each named entity's
 * documents and mention counts, its totals over the corpus, and the matcher of entity names (an index of their words
 * finds the candidates, fuse.js ranks them).
 */
import Fuse from 'fuse.js';
import type { Entity, EntityType } from '../entities/recognizer';
import { ALIVE, type Doc, MENTION_FIELDS, TYPE_BIT } from './documents';
import { scanWords } from '../text/scanner';
import { DocCounts } from './structures';
import { wordMatches } from './vocabulary';
import { type EntityRecord, NamedEntities } from './entityNames';
import { runAll } from '../persist/steps';
import { foldedWords } from './query';
import { joinCompound } from '../entities/names';

/** An entity a query matches, with how closely (see `EntityMatcher.tieredMatches`). */
export interface Named {
  entity: Entity;
  score: number;
  tier: number;
}

/** An entity's mentions and articles over the whole corpus, and the article naming it most. */
interface EntityTotals {
  mentions: number;
  articles: number;
  best: Doc | undefined;
  bestCount: number;
}

const FUSE_OPTIONS = { keys: ['names'], includeScore: true, ignoreLocation: true, threshold: 0.3, useExtendedSearch: true };
/** Entities' names taken in per step while they are first made; candidates fuse.js ranks per step. */
const RECORDS_PER_STEP = 500;
const FUSE_PER_STEP = 200;

export class EntityMatcher {
  // The known entities, their mentions by document, and a fuse.js index over the named ones.
  private entityTable = new Map<string, Entity>();
  private readonly entityDocs = new Map<string, DocCounts>();
  /**
   * The entities of documents' mentions as numbers: each number's id and type; the number of each id (with the first
   * type it came with), and of each other (type, id).
   */
  readonly mentionIds: string[] = [];
  readonly mentionTypes: EntityType[] = [];
  private readonly mentionNumber = new Map<string, number>();
  private readonly mentionNumberByType = new Map<string, number>();
  /** Per entity number, a document's mentions while they are counted (zero between documents). */
  private entityCounts = new Int32Array(0);
  /** The named entities' names (made on first use, until an entity comes or goes) and an index of their words. */
  private entityRecords: NamedEntities | undefined;
  /** Per entity, over every live document (made on first use, then kept current). */
  private readonly totals = new Map<string, EntityTotals>();
  /** The named entities' names while they are made a step at a time (see `recordSteps`), kept between runs. */
  private building: { named: NamedEntities; ids: string[]; next: number } | undefined;
  /** `matchEntities` results by text and type (until an entity comes or goes). */
  private readonly entityMatches = new Map<string, { entity: Entity; score: number }[]>();

  /** `docs`: the index's documents by number (the array itself, kept current by its owner). */
  constructor(private readonly docs: readonly Doc[]) {}

  setEntities(entities: readonly Entity[]): void {
    const before = this.entityTable;
    // The same entities again (each sync of a live corpus): the matches stay.
    if (entities.length === before.size && entities.every((e) => before.get(e.id) === e)) return;
    this.entityTable = new Map(entities.map((e) => [e.id, e]));
    this.entityMatches.clear();
    this.building = undefined;
    // Entities only added (people discovered in a changed file), none yet named: the names made so far stay, and
    // each new one's joins them as a document names it. Otherwise they are made again.
    const onlyAdded = [...before].every(([id, e]) => this.entityTable.get(id) === e) && entities.every((e) => before.has(e.id) || !this.entityDocs.has(e.id));
    if (!onlyAdded) this.entityRecords = undefined;
  }

  /** The entities the index resolves mentions with (known, and any discovered it was given). */
  entities(): Entity[] {
    return [...this.entityTable.values()];
  }

  /** Counts a new document's mentions; `named`: the entities it names. */
  addDocument(doc: Doc, named: ReadonlySet<string>): void {
    const index = doc.index;
    const newEntity = this.countEntityDocs(doc.mentions, index);
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
    // The matches change only when an entity comes or goes (its record was added as it came).
    if (newEntity) {
      this.entityMatches.clear();
      this.building = undefined;
    }
  }

  /** Uncounts a removed document's mentions. */
  removeDocument(doc: Doc): void {
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
        this.entityRecords?.remove(entity);
        this.entityMatches.clear();
        this.building = undefined;
      }
    }
  }

  /** The number of an entity (by id and type) in documents' mention data. */
  entityNumber(id: string, type: EntityType): number {
    const e = this.mentionNumber.get(id);
    if (e !== undefined && this.mentionTypes[e] === type) return e;
    // The same id with another type (a knowledge base that changed its mind): numbered apart.
    const key = `${type}\u0000${id}`;
    const other = this.mentionNumberByType.get(key);
    if (other !== undefined) return other;
    return this.numberEntity(id, type);
  }

  /** Gives (id, type) the next number. */
  numberEntity(id: string, type: EntityType): number {
    const e = this.mentionIds.length;
    if (!this.mentionNumber.has(id)) this.mentionNumber.set(id, e);
    else this.mentionNumberByType.set(`${type}\u0000${id}`, e);
    this.mentionIds.push(id);
    this.mentionTypes.push(type);
    return e;
  }

  /** The entity types a document's mentions name (a bit each) and the entities named within its title. */
  mentionSummary(mentions: Uint32Array, titleFirst: number, titleLast: number): { types: number; titleEntities: Set<string> | undefined } {
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
  countEntityDocs(mentions: Uint32Array, index: number): boolean {
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
        this.entityRecords?.add(this.entityTable.get(entity));
        newEntity = true;
      }
      perDoc.add(index, counts[e]!);
      counts[e] = 0;
    }
    return newEntity;
  }

  /** A document's first mention of an entity: its original range. */
  firstMention(doc: Doc, id: string): { start: number; end: number } | undefined {
    const ms = doc.mentions;
    for (let j = 0; j < ms.length; j += MENTION_FIELDS) if (this.mentionIds[ms[j]!] === id) return { start: ms[j + 1]!, end: ms[j + 2]! };
    return undefined;
  }

  /** Whether a mention of an entity of `type` overlaps words [first, last] of a document. */
  overlapsMentionOfType(doc: Doc, first: number, last: number, type: EntityType): boolean {
    const ms = doc.mentions;
    for (let j = 0; j < ms.length; j += MENTION_FIELDS) if (this.mentionTypes[ms[j]!] === type && ms[j + 3]! <= last && ms[j + 4]! >= first) return true;
    return false;
  }

  /** An entity's documents with its mentions in each. */
  docCounts(id: string): DocCounts | undefined {
    return this.entityDocs.get(id);
  }

  /** The entities of a type named in the corpus. */
  namedOfType(type: EntityType): Entity[] {
    return [...this.entityDocs.keys()].map((id) => this.entityTable.get(id)).filter((e): e is Entity => e?.type === type);
  }

  /**
   * The named entities' names and the index of their words: made once, then kept current as entities come and go.
   * Made a step at a time (every `RECORDS_PER_STEP` entities), and what a stopped run made is kept for the next.
   */
  private *recordSteps(): Generator<void, NamedEntities> {
    if (this.entityRecords) return this.entityRecords;
    const b = (this.building ??= { named: new NamedEntities(), ids: [...this.entityDocs.keys()], next: 0 });
    while (b.next < b.ids.length) {
      b.named.add(this.entityTable.get(b.ids[b.next++]!));
      if (b.next % RECORDS_PER_STEP === 0) yield;
    }
    this.building = undefined;
    return (this.entityRecords = b.named);
  }

  /**
   * Makes, a step at a time, what a query's first run would (the named entities' names and their index), so that it
   * need not: for idle time. The index must not change meanwhile (`CorpusSearch` checks).
   */
  *prepareSteps(): Generator<void> {
    const named = yield* this.recordSteps();
    yield* named.prepareSteps();
  }

  /**
   * Entities named in the corpus whose names (Arabic, aliases, English) match `text`, best first:
   * fuse.js ranks them, and every query word must be one of the name's words in some spelling
   * (clitics, a prefix, or a few edits away), which keeps fuzzy near-misses like الاسد → الإسلامية out.
   */
  matchEntities(text: string, type?: EntityType): { entity: Entity; score: number }[] {
    return runAll(this.matchEntitiesSteps(text, type));
  }

  /**
   * `matchEntities` as a generator of steps: the names' index made (on the first run, in steps, see `recordSteps`),
   * then fuse.js over every `FUSE_PER_STEP` candidates. fuse.js scores a record alone and orders by score, then by
   * the record's place: ranked in parts and merged in that order, they come out as ranked at once.
   */
  *matchEntitiesSteps(text: string, type?: EntityType): Generator<void, { entity: Entity; score: number }[]> {
    // Compound names joined, as the names are (entityNames.ts): "عبد الرحمن" and "عبدالرحمن" name the same entities.
    const words = joinCompound(text.split(/\s+/).filter(Boolean).join(' ')).split(' ').filter(Boolean);
    if (words.length === 0) return [];
    const pattern = words.join(' ');
    const key = `${type ?? ''}:${pattern}`;
    const cached = this.entityMatches.get(key);
    if (cached) return cached;
    const named = yield* this.recordSteps();
    yield;
    yield* named.indexSteps(words);
    yield;
    // fuse.js ranks only the entities whose name words every query word can stand for (its score of a record does
    // not depend on the others, and the filter below would drop the rest).
    const candidates = named.candidates(words);
    yield;
    const ranked: { item: EntityRecord; score: number; at: number }[] = [];
    for (let at = 0; at < candidates.length; at += FUSE_PER_STEP) {
      const part = candidates.length <= FUSE_PER_STEP ? candidates : candidates.slice(at, at + FUSE_PER_STEP);
      for (const r of new Fuse(part, FUSE_OPTIONS).search(pattern)) ranked.push({ item: r.item, score: r.score ?? 1, at: at + r.refIndex });
      if (at + FUSE_PER_STEP < candidates.length) yield;
    }
    // fuse.js's own order (its `sortFn`): by score, then by place.
    ranked.sort((a, b) => (a.score === b.score ? a.at - b.at : a.score < b.score ? -1 : 1));
    const found = ranked
      .map((r) => ({ entity: this.entityTable.get(r.item.id)!, score: 1 - r.score, names: r.item.words }))
      .filter((r) => (type === undefined || r.entity.type === type) && words.every((w) => r.names.some((n) => wordMatches(w, n))))
      .map(({ entity, score }) => ({ entity, score }));
    if (this.entityMatches.size > 2000) this.entityMatches.clear();
    this.entityMatches.set(key, found);
    return found;
  }

  /**
   * The entities a query matches (`matchEntities`) with how closely (`tier`), closest first: 2 when one of their
   * names is the query's words (folded, "عبد الله" and "عبدالله" alike), 1 when a name holds them side by side in
   * order ("الحرس الثوري" in "الحرس الثوري الإيراني"), 0 when they match only word by word ("فرنسوا هولاند" for
   * "فرانسوا هولاند", "عباس محمود" for "محمود عباس", the club "الفيصلي السعودي" for "سعود الفيصل").
   */
  tieredMatches(text: string, type?: EntityType): Named[] {
    return runAll(this.tieredMatchesSteps(text, type));
  }

  /** `tieredMatches` as a generator of steps (those of `matchEntitiesSteps`). */
  *tieredMatchesSteps(text: string, type?: EntityType): Generator<void, Named[]> {
    const found = yield* this.matchEntitiesSteps(text, type);
    const query = joinCompound(text.split(/\s+/).filter(Boolean).join(' '));
    return found.map((m) => ({ ...m, tier: this.tierOf(m.entity, query) })).sort((a, b) => b.tier - a.tier);
  }

  private tierOf(e: Entity, query: string): number {
    let tier = 0;
    for (const name of [e.nameAr, ...e.aliases, e.nameEn]) {
      if (!name) continue;
      const words = joinCompound(foldedWords(name).join(' '));
      if (words === query) return 2;
      if (` ${words} `.includes(` ${query} `)) tier = 1;
    }
    return tier;
  }

  /** An entity's Arabic name, if known. */
  entityName(id: string): string | undefined {
    return this.entityTable.get(id)?.nameAr;
  }

  /** Mentions and articles of an entity in the documents `allowed` keeps, and the one naming it most. */
  entityStats(id: string, allowed: (d: Doc) => boolean): { mentions: number; articles: number; best: Doc | undefined } {
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

  /** The folded words of an entity's Arabic name and aliases (to highlight). */
  entityNames(id: string): string[] {
    const e = this.entityTable.get(id);
    if (!e) return [];
    const words: string[] = [];
    for (const name of [e.nameAr, ...e.aliases]) scanWords(name, (w) => words.push(w));
    return words;
  }
}
