/**
 * An entity's statistics in the entity index (entityIndex.ts): its mention count and the articles naming it, kept
 * as plain arrays of entries and counts until a caller reads the articles' records.
 */
import type { CorpusEntry } from './types';
import type { Entity, Mention } from '../entities/recognizer';
export interface ArticleMentions {
  entry: CorpusEntry;
  /** The entity's mentions in the article, in text order (made when first read: see `EntityArticle`). */
  readonly mentions: Mention[];
  /** How many they are. */
  readonly count: number;
}

/** An entity's record in one article: the count at once, the mentions themselves picked out of the entry's when read. */
export class EntityArticle implements ArticleMentions {
  #mentions: Mention[] | undefined;

  constructor(
    readonly entry: CorpusEntry,
    readonly entity: string,
    readonly count: number,
    /** The entities the article names, as numbers (its `Indexed.distinct`: what shared-article counts read). */
    readonly distinct: readonly number[],
    /** The article's number in the index (its `Indexed.slot`). */
    readonly slot: number,
  ) {}

  get mentions(): Mention[] {
    return (this.#mentions ??= this.entry.mentions.filter((m) => m.entity === this.entity));
  }
}

/** Tells each entity an entry names, with its mentions' count (without making the mentions, where the entry can). */
export function countsOf(entry: CorpusEntry, visit: (entity: string, count: number) => void): void {
  if (entry.countMentions) return entry.countMentions(visit);
  const out = new Map<string, number>();
  for (const m of entry.mentions) out.set(m.entity, (out.get(m.entity) ?? 0) + 1);
  out.forEach((count, entity) => visit(entity, count));
}

export interface EntityStats {
  entity: Entity;
  /** Mentions across the corpus. */
  count: number;
  /** Articles naming the entity, most mentions first. */
  articles: ArticleMentions[];
  /** `articles.length`, without making the list where the index can. */
  readonly articleCount?: number;
}


/** An entity's first `k` articles (most mentions first), making no record of the others where the index can. */
export function firstArticles(stats: EntityStats, k: number): ArticleMentions[] {
  return stats instanceof Stats ? stats.head(k) : stats.articles.slice(0, k);
}


/** An indexed entry: its distinct entities as numbers, and at the same places its mentions of each. */
export interface Indexed {
  entry: CorpusEntry;
  distinct: number[];
  counts: number[];
  /** A small number of its own while indexed (a removed entry's is given to the next one). */
  slot: number;
}

/**
 * An entity's statistics. Its articles wait as two plain arrays (entries and counts) until first read: a corpus of
 * 20,000 articles names its entities in some 600,000 (entity, article) pairs, and a warm start reads none of them.
 */
export class Stats implements EntityStats {
  count = 0;
  #entries: Indexed[] = [];
  #counts: number[] = [];
  #articles: EntityArticle[] | undefined;
  /** Records of the first articles made by `head` before the others (kept as the list's own when it is made). */
  #head: EntityArticle[] = [];

  constructor(readonly entity: Entity) {}

  /** Most mentions first, then by file name (made on first read, then kept in order by the index's changes). */
  get articles(): EntityArticle[] {
    if (!this.#articles) {
      const id = this.entity.id;
      const counts = this.#counts;
      const made = this.#head;
      this.#articles = this.#entries.map((e, i) => made[i] ?? new EntityArticle(e.entry, id, counts[i]!, e.distinct, e.slot));
      this.#entries = [];
      this.#counts = [];
      this.#head = [];
    }
    return this.#articles;
  }

  /** How many articles name it (without making their records). */
  get articleCount(): number {
    return this.#articles ? this.#articles.length : this.#entries.length;
  }

  /** The first `k` articles' records, without making the others' (what a hover card shows). */
  head(k: number): EntityArticle[] {
    if (this.#articles) return this.#articles.slice(0, k);
    const made = this.#head;
    const n = Math.min(k, this.#entries.length);
    for (let i = made.length; i < n; i++) {
      const e = this.#entries[i]!;
      made.push(new EntityArticle(e.entry, this.entity.id, this.#counts[i]!, e.distinct, e.slot));
    }
    return made.slice(0, n);
  }

  /** While the index is built: an article naming it, in name order (`sortBuilt` puts them in order once). */
  add(indexed: Indexed, count: number): void {
    this.#entries.push(indexed);
    this.#counts.push(count);
  }

  /** Most mentions first, keeping name order among equals (a stable counting sort: mention counts are small). */
  sortBuilt(): void {
    const n = this.#entries.length;
    if (n < 2) return;
    const counts = this.#counts;
    if (n <= 16) {
      // Few (most entities): an insertion sort in place, stable, without the counting sort's arrays.
      const entries = this.#entries;
      for (let i = 1; i < n; i++) {
        const [e, c] = [entries[i]!, counts[i]!];
        let j = i;
        for (; j > 0 && counts[j - 1]! < c; j--) {
          entries[j] = entries[j - 1]!;
          counts[j] = counts[j - 1]!;
        }
        entries[j] = e;
        counts[j] = c;
      }
      return;
    }
    let max = 0;
    for (const c of counts) if (c > max) max = c;
    const at = new Int32Array(max + 2);
    for (const c of counts) at[max - c + 1]!++;
    for (let c = 1; c <= max + 1; c++) at[c]! += at[c - 1]!;
    const entries = new Array<Indexed>(n);
    const sorted = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const k = at[max - counts[i]!]!++;
      entries[k] = this.#entries[i]!;
      sorted[k] = counts[i]!;
    }
    this.#entries = entries;
    this.#counts = sorted;
  }

  /** The entities each article naming it names, as numbers (its own among them), without making their records. */
  forEachDistinct(visit: (distinct: readonly number[]) => void): void {
    if (this.#articles) for (const a of this.#articles) visit(a.distinct);
    else for (const e of this.#entries) visit(e.distinct);
  }

  /** Each article naming it, as its number in the index (`Indexed.slot`) and its entities' count. */
  forEachSlot(visit: (slot: number, entities: number) => void): void {
    if (this.#articles) for (const a of this.#articles) visit(a.slot, a.distinct.length);
    else for (const e of this.#entries) visit(e.slot, e.distinct.length);
  }

  /** The i-th article's entry and mentions' count, in the articles' order (without making their records). */
  entryAt(i: number): CorpusEntry {
    return this.#articles ? this.#articles[i]!.entry : this.#entries[i]!.entry;
  }

  countAt(i: number): number {
    return this.#articles ? this.#articles[i]!.count : this.#counts[i]!;
  }

  /** An article naming it, at place i of its articles (a record made only when they are). */
  insertAt(i: number, indexed: Indexed, count: number): void {
    if (this.#articles) this.#articles.splice(i, 0, new EntityArticle(indexed.entry, this.entity.id, count, indexed.distinct, indexed.slot));
    else {
      this.#entries.splice(i, 0, indexed);
      this.#counts.splice(i, 0, count);
      this.#head = [];
    }
  }

  removeAt(i: number): void {
    if (this.#articles) this.#articles.splice(i, 1);
    else {
      this.#entries.splice(i, 1);
      this.#counts.splice(i, 1);
      this.#head = [];
    }
  }
}
