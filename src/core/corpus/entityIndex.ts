/**
 * The corpus seen by entity: which entities it names, how often, in which articles, and with whom.
 * Derived from the corpus's entries (each parsed and recognized once). Built once, then kept current
 * one entry at a time (`update`): a changed file costs its own entities, not the corpus. What a
 * hover card reads is cheap: `get` is a lookup, each entity's articles are kept sorted, `cooccurring`
 * counts only the entities that could be among the first (most articles first, against sets of bits of the
 * entries naming each) or reads a per-entity row of shared-article counts (made on first use by counting over
 * integer ids, then kept current by each change's pairs), `statementFor` reads the statements kept per file.
 */
import type { CorpusEntry } from './types';
import type { Entity, EntityType, Statement } from '../entities/recognizer';
import { insertSorted, partitionPoint } from '../text/ranges';
import { type ArticleMentions, countsOf, type EntityStats, firstArticles, type Indexed, Stats } from './entityStats';

export { type ArticleMentions, type EntityStats, firstArticles };

type Said = { entry: CorpusEntry; statement: Statement };

const collator = new Intl.Collator();

/** The bits set in a 32-bit word. */
function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
/** Entities counted in a dense matrix of shared articles up to this many (16 MB); beyond, in rows made on demand. */
const MAX_DENSE = 2048;

/** By shared articles, then mentions, then id (a total order: the same however the index was made). */
function byShared(a: { stats: EntityStats; articles: number }, b: { stats: EntityStats; articles: number }): number {
  return b.articles - a.articles || b.stats.count - a.stats.count || (a.stats.entity.id < b.stats.entity.id ? -1 : a.stats.entity.id > b.stats.entity.id ? 1 : 0);
}

export class EntityIndex {
  readonly byId = new Map<string, Stats>();
  /** Bumped on every change (for callers caching what they derive from the index). */
  version = 0;
  /** Bumped when a change leaves an entity first named or no longer named (`byId` gains or loses one in the end). */
  namedVersion = 0;
  /** During `update`: per entity id, the entities it gained in `byId` less those it lost. */
  private namedNet: Map<string, number> | undefined;
  private readonly entities: Map<string, Entity>;
  /**
   * Entries indexed, by file id, each with its distinct entities (as numbers) and its record in each of
   * their `articles` lists (what a change removes).
   */
  private readonly entries = new Map<string, Indexed>();
  /** Per person: the sentences in which they speak, per file, and flattened on demand (by file name). */
  private readonly saidBy = new Map<string, Map<string, Said[]>>();
  private readonly saidFlat = new Map<string, Said[]>();
  /** Entities as small integers (for counting co-occurrences in typed arrays). */
  private readonly numberOf = new Map<string, number>();
  private readonly idOf: string[] = [];
  /** Per entity number: shared-article counts with each other entity number (made on first use, then kept current). */
  private readonly rows = new Map<number, Map<number, number>>();
  private counts = new Int32Array(0);
  /** Shared articles of entity numbers a and b at a * dim + b, while there are at most MAX_DENSE entities. */
  private matrix: Int32Array | undefined;
  /** Whether the shared-article counts (matrix or rows) have been made: on the first `cooccurring`, then kept current. */
  private pairsMade = false;
  private dim = 64;
  /**
   * The entries' places in the order of file names, so that ordering compares numbers, not strings with the
   * collator: the indexed entries by name, their ranks (ascending; a later entry takes a rank between its
   * neighbours'), and each entry's rank.
   */
  private readonly byName: CorpusEntry[] = [];
  private readonly ranks: number[] = [];
  private readonly nameRank = new Map<CorpusEntry, number>();
  /** Numbers given to indexed entries (`Indexed.slot`), and those given back by removed ones. */
  private slots = 0;
  private readonly freeSlots: number[] = [];
  /** Per entity named in one article in 32 or more: its entries as bits by number (`bitWords` words; kept current). */
  private readonly bitsets = new Map<number, Uint32Array>();
  private bitWords = 0;
  /** The named entities, most articles first, as of `byArticlesVersion` (made when first needed after a change). */
  private byArticles: Stats[] = [];
  private byArticlesVersion = -1;
  /** Per person, the first statement by file name (`statementsOf(id)[0]`), kept until their statements change. */
  private readonly saidFirst = new Map<string, Said>();
  /** `cooccurring` results per entity and limit (dropped on any change: the others' counts break ties). */
  private readonly cooccurringCache = new Map<string, { stats: EntityStats; articles: number }[]>();

  constructor(entries: readonly CorpusEntry[], entities: ReadonlyMap<string, Entity>) {
    this.entities = new Map(entities);
    for (const e of entries) this.byName.push(e);
    // In code-point order first (cheap), then the collator's: on input nearly in its order, the sort asks the
    // collator (a microsecond a comparison) about once an entry rather than log₂ n times.
    this.byName.sort((a, b) => (a.file.name < b.file.name ? -1 : a.file.name > b.file.name ? 1 : 0));
    this.byName.sort((a, b) => collator.compare(a.file.name, b.file.name));
    this.renumber();
    // Inserted in name order, so a stable sort by mentions alone gives the articles' order (`placeOf`'s).
    for (const entry of this.byName) this.insert(entry, false);
    for (const s of this.byId.values()) s.sortBuilt();
  }

  /**
   * Keeps the index current after one file changed: `after` is its entry now (undefined: gone).
   * Entities discovered in `after` become known (their roles merged; a role is not withdrawn until
   * the index is rebuilt).
   */
  update(id: string, after: CorpusEntry | undefined): void {
    const held = this.entries.get(id)?.entry;
    if (held === after) return;
    const net = (this.namedNet = new Map());
    if (held) this.delete(held);
    if (after) {
      for (const d of after.discovered) {
        const seen = this.entities.get(d.id);
        if (!seen) this.entities.set(d.id, { ...d, roles: [...(d.roles ?? [])] });
        else for (const r of d.roles ?? []) if (!seen.roles?.some((x) => x.titleAr === r.titleAr)) seen.roles?.push(r);
      }
      this.rank(after);
      this.insert(after, true);
    }
    this.namedNet = undefined;
    if ([...net.values()].some((n) => n !== 0)) this.namedVersion++;
    this.cooccurringCache.clear();
    this.version++;
  }

  private insert(entry: CorpusEntry, sorted: boolean): void {
    const id = entry.file.id;
    for (const statement of entry.statements) {
      let files = this.saidBy.get(statement.entity);
      if (!files) this.saidBy.set(statement.entity, (files = new Map()));
      const list = files.get(id);
      if (list) list.push({ entry, statement });
      else files.set(id, [{ entry, statement }]);
      this.saidFlat.delete(statement.entity);
      this.saidFirst.delete(statement.entity);
    }
    const nums: number[] = [];
    const counts: number[] = [];
    const indexed: Indexed = { entry, distinct: nums, counts, slot: this.freeSlots.pop() ?? this.slots++ };
    countsOf(entry, (eid, count) => {
      let stats = this.byId.get(eid);
      if (!stats) {
        const entity = this.entities.get(eid);
        if (!entity) return;
        this.byId.set(eid, (stats = new Stats(entity)));
        this.named(eid, 1);
      }
      stats.count += count;
      if (sorted) stats.insertAt(this.placeOf(stats, entry, count), indexed, count);
      else stats.add(indexed, count);
      counts.push(count);
      nums.push(this.number(eid));
    });
    this.entries.set(id, indexed);
    if (this.pairsMade) this.pairs(nums, 1);
    if (this.bitsets.size > 0) {
      const { slot } = indexed;
      if (slot >= this.bitWords * 32) this.bitsets.clear(); // made again, longer, when next needed
      else
        for (const n of nums) {
          const bits = this.bitsets.get(n);
          if (bits) bits[slot >>> 5]! |= 1 << (slot & 31);
        }
    }
  }

  private delete(entry: CorpusEntry): void {
    const id = entry.file.id;
    const indexed = this.entries.get(id);
    if (indexed?.entry !== entry) return;
    this.entries.delete(id);
    this.freeSlots.push(indexed.slot);
    for (const statement of entry.statements) {
      const files = this.saidBy.get(statement.entity);
      files?.delete(id);
      if (files?.size === 0) this.saidBy.delete(statement.entity);
      this.saidFlat.delete(statement.entity);
      this.saidFirst.delete(statement.entity);
    }
    this.unrank(entry);
    const { distinct, counts } = indexed;
    if (this.pairsMade) this.pairs(distinct, -1);
    for (const n of distinct) {
      const bits = this.bitsets.get(n);
      if (bits) bits[indexed.slot >>> 5]! &= ~(1 << (indexed.slot & 31));
    }
    distinct.forEach((n, k) => {
      const eid = this.idOf[n]!;
      const stats = this.byId.get(eid);
      if (!stats) return;
      stats.count -= counts[k]!;
      const i = this.find(stats, entry, counts[k]!);
      if (i >= 0) stats.removeAt(i);
      if (stats.articleCount === 0) {
        this.byId.delete(eid);
        this.named(eid, -1);
        this.rows.delete(n);
        this.bitsets.delete(n);
      }
    });
  }

  /** An entity gained (1) or lost (-1) in `byId`: counted toward `namedVersion` (at the end of an update). */
  private named(id: string, delta: number): void {
    if (this.namedNet) this.namedNet.set(id, (this.namedNet.get(id) ?? 0) + delta);
    else this.namedVersion++;
  }

  /** Where an entry's record is in an entity's articles (-1: none), found by the order they are kept in. */
  private find(stats: Stats, entry: CorpusEntry, count: number): number {
    const i = this.placeOf(stats, entry, count);
    if (i < stats.articleCount && stats.entryAt(i) === entry) return i;
    for (let k = 0; k < stats.articleCount; k++) if (stats.entryAt(k) === entry) return k; // not where the order puts it: cannot happen
    return -1;
  }

  /**
   * Where an article (its entry and count) goes in an entity's articles: most mentions first, then by file name (as
   * the collator orders them; equal names in the order they came).
   */
  private placeOf(stats: Stats, entry: CorpusEntry, count: number): number {
    const rank = this.nameRank.get(entry)!;
    return partitionPoint(0, stats.articleCount, (i) => (count - stats.countAt(i) || this.nameRank.get(stats.entryAt(i))! - rank) < 0);
  }


  /** Gives an entry coming in a rank between its neighbours' by name (all renumbered when none is left between). */
  private rank(entry: CorpusEntry): void {
    const name = entry.file.name;
    const p = partitionPoint(0, this.byName.length, (i) => collator.compare(this.byName[i]!.file.name, name) <= 0);
    const before = p > 0 ? this.ranks[p - 1]! : -1;
    const after = p < this.ranks.length ? this.ranks[p]! : before + 2;
    const rank = (before + after) / 2;
    this.byName.splice(p, 0, entry);
    this.ranks.splice(p, 0, rank);
    if (rank > before && rank < after) this.nameRank.set(entry, rank);
    else this.renumber(); // the halves ran out of precision
  }

  private unrank(entry: CorpusEntry): void {
    const rank = this.nameRank.get(entry);
    if (rank === undefined) return;
    const p = partitionPoint(0, this.ranks.length, (i) => this.ranks[i]! < rank);
    if (this.byName[p] !== entry) return;
    this.byName.splice(p, 1);
    this.ranks.splice(p, 1);
  }

  private renumber(): void {
    this.ranks.length = 0;
    this.byName.forEach((e, i) => {
      this.ranks.push(i);
      this.nameRank.set(e, i);
    });
  }



  private number(id: string): number {
    let n = this.numberOf.get(id);
    if (n === undefined) {
      n = this.idOf.length;
      this.numberOf.set(id, n);
      this.idOf.push(id);
      if (this.matrix && n >= this.dim) this.growMatrix(n + 1);
    }
    return n;
  }

  private growMatrix(size: number): void {
    const old = this.matrix!;
    const dim = this.dim;
    let next = dim;
    while (next < size) next *= 2;
    if (next > MAX_DENSE) {
      // Too many entities for a matrix: rows on demand from now on.
      this.matrix = undefined;
      this.rows.clear();
      return;
    }
    const grown = new Int32Array(next * next);
    for (let a = 0; a < dim; a++) grown.set(old.subarray(a * dim, a * dim + dim), a * next);
    this.matrix = grown;
    this.dim = next;
  }

  /** Adds (+1) or takes away (-1) an article's entity pairs from the rows made so far. */
  private pairs(own: readonly number[], delta: number): void {
    const matrix = this.matrix;
    if (matrix) {
      const dim = this.dim;
      for (let i = 0; i < own.length; i++) {
        const row = own[i]! * dim;
        for (let j = 0; j < own.length; j++) if (i !== j) matrix[row + own[j]!]! += delta;
      }
      return;
    }
    if (this.rows.size === 0) return;
    for (const a of own) {
      const row = this.rows.get(a);
      if (!row) continue;
      for (const b of own) {
        if (a === b) continue;
        const v = (row.get(b) ?? 0) + delta;
        if (v > 0) row.set(b, v);
        else row.delete(b);
      }
    }
  }

  /**
   * The entities `entry` names, as this index numbers them (each once), and its mentions of each at the same
   * places; undefined when the index does not hold this entry (another version of the file, or none).
   */
  namedBy(entry: CorpusEntry): { readonly distinct: readonly number[]; readonly counts: readonly number[] } | undefined {
    const indexed = this.entries.get(entry.file.id);
    return indexed?.entry === entry ? indexed : undefined;
  }

  /** The number `namedBy` gives an entity, if it has one; numbers run from 0 to below `numbered`. */
  numberOfEntity(id: string): number | undefined {
    return this.numberOf.get(id);
  }

  /** How many entities have a number (named now or before). */
  get numbered(): number {
    return this.idOf.length;
  }

  /** Entities of a type (or all), most mentioned first. */
  list(type?: EntityType): EntityStats[] {
    return [...this.byId.values()]
      .filter((s) => type === undefined || s.entity.type === type)
      .sort((a, b) => b.count - a.count || a.entity.nameAr.localeCompare(b.entity.nameAr, 'ar'));
  }

  get(id: string): EntityStats | undefined {
    return this.byId.get(id);
  }

  /** An entity's record in one article (by file id): a look at that article's few entities, not at the entity's articles. */
  articleIn(id: string, file: string): ArticleMentions | undefined {
    const indexed = this.entries.get(file);
    const n = this.numberOf.get(id);
    if (!indexed || n === undefined) return undefined;
    const k = indexed.distinct.indexOf(n);
    const stats = this.byId.get(id);
    if (k < 0 || !stats) return undefined;
    const i = this.find(stats, indexed.entry, indexed.counts[k]!);
    return i >= 0 ? stats.articles[i] : undefined;
  }

  /** The sentences in which the person speaks, by file name, then in text order. */
  statementsOf(id: string): readonly Said[] {
    let flat = this.saidFlat.get(id);
    if (!flat) {
      flat = [];
      const files = [...(this.saidBy.get(id)?.values() ?? [])];
      // Files in name order (however the index was made), each file's sentences in text order.
      files.sort((a, b) => this.nameRank.get(a[0]!.entry)! - this.nameRank.get(b[0]!.entry)!);
      for (const list of files) flat.push(...list);
      this.saidFlat.set(id, flat);
    }
    return flat;
  }

  /** The person's first statement in file `file` (an id) if any, else in the corpus (as `statementsOf` orders them). */
  statementFor(id: string, file?: string): Said | undefined {
    const files = this.saidBy.get(id);
    if (!files) return undefined;
    const here = file === undefined ? undefined : files.get(file);
    if (here) return here[0];
    let first = this.saidFirst.get(id);
    if (!first) {
      // The file first by name (what `statementsOf` sorts by), without sorting them.
      let best: Said[] | undefined;
      let rank = Infinity;
      for (const list of files.values()) {
        const r = this.nameRank.get(list[0]!.entry)!;
        if (r < rank) [best, rank] = [list, r];
      }
      if (!best) return undefined;
      this.saidFirst.set(id, (first = best[0]!));
    }
    return first;
  }

  /** The entities most often named in the same articles as `id`: by shared articles, then mentions. */
  cooccurring(id: string, limit = 5): { stats: EntityStats; articles: number }[] {
    const key = `${limit}:${id}`;
    let cached = this.cooccurringCache.get(key);
    if (!cached) this.cooccurringCache.set(key, (cached = this.computeCooccurring(id, limit)));
    return cached;
  }

  private computeCooccurring(id: string, limit: number): { stats: EntityStats; articles: number }[] {
    if (!this.byId.has(id)) return [];
    if (!this.pairsMade) {
      // Counted on first use (a hover, the summary), not while a reopened corpus is read: in a matrix as large as
      // the entities named need, or, past MAX_DENSE of them, in rows made on demand.
      this.pairsMade = true;
      this.dim = 64;
      while (this.dim < this.idOf.length) this.dim *= 2;
      this.matrix = this.dim <= MAX_DENSE ? new Int32Array(this.dim * this.dim) : undefined;
      for (const { distinct } of this.entries.values()) this.pairs(distinct, 1);
    }
    const out: { stats: EntityStats; articles: number }[] = [];
    const n = this.number(id);
    if (this.matrix) {
      const { matrix, dim } = this;
      for (let other = 0; other < this.idOf.length; other++) {
        const articles = matrix[n * dim + other]!;
        const stats = articles > 0 ? this.byId.get(this.idOf[other]!) : undefined;
        if (stats) out.push({ stats, articles });
      }
      return out.sort(byShared).slice(0, limit);
    }
    const top = this.sharedByBounds(n, limit);
    if (top) return top;
    const row = this.row(n);
    if (limit < row.size) {
      // The first `limit` by shared articles: only those at or above the limit-th count are looked up and sorted
      // (thousands of entities share an article with one named everywhere).
      const shared = Int32Array.from(row.values()).sort();
      const threshold = shared[shared.length - limit]!;
      for (const [other, articles] of row) {
        const stats = articles >= threshold ? this.byId.get(this.idOf[other]!) : undefined;
        if (stats) out.push({ stats, articles });
      }
      if (out.length >= limit) return out.sort(byShared).slice(0, limit);
      out.length = 0; // some without statistics: all of them, below
    }
    for (const [other, articles] of row) {
      const stats = this.byId.get(this.idOf[other]!);
      if (stats) out.push({ stats, articles });
    }
    return out.sort(byShared).slice(0, limit);
  }

  /**
   * The first `limit` by shared articles with entity `n`: the others by article count, each counted against `n`'s
   * articles (bits), until one has fewer than the limit-th shares. Undefined when that would read more than `row`.
   */
  private sharedByBounds(n: number, limit: number): { stats: EntityStats; articles: number }[] | undefined {
    const own = this.byId.get(this.idOf[n]!);
    if (!own || limit <= 0) return undefined;
    // Counting the row reads every entity of every article naming it: the budget.
    let budget = 0;
    own.forEachSlot((_slot, entities) => (budget += entities));
    if (budget < 4 * own.articleCount + 1024) return undefined;
    const mine = this.bitsetOf(n, own);
    const words = this.bitWords;
    const top: { stats: EntityStats; articles: number }[] = [];
    let work = 0;
    for (const other of this.entitiesByArticles()) {
      if (other === own) continue;
      const size = other.articleCount;
      if (top.length >= limit && size < top[limit - 1]!.articles) return top;
      let shared = 0;
      if (size >= words) {
        // Named often: the two sets of bits, word by word.
        const theirs = this.bitsetOf(this.numberOf.get(other.entity.id)!, other);
        for (let w = 0; w < words; w++) shared += bitCount(mine[w]! & theirs[w]!);
        work += words;
      } else {
        other.forEachSlot((slot) => (shared += (mine[slot >>> 5]! >>> (slot & 31)) & 1));
        work += size;
      }
      if (work > budget) return undefined;
      if (shared > 0) insertSorted(top, { stats: other, articles: shared }, limit, byShared);
    }
    return top;
  }

  /** The entries naming entity number `n` as bits by entry number (kept for an entity named in one article in 32). */
  private bitsetOf(n: number, stats: Stats): Uint32Array {
    if (this.slots > this.bitWords * 32) {
      this.bitsets.clear();
      this.bitWords = Math.ceil((this.slots + (this.slots >> 2) + 1024) / 32);
    }
    const held = this.bitsets.get(n);
    if (held) return held;
    const bits = new Uint32Array(this.bitWords);
    stats.forEachSlot((slot) => (bits[slot >>> 5]! |= 1 << (slot & 31)));
    if (stats.articleCount >= this.bitWords) this.bitsets.set(n, bits);
    return bits;
  }

  /** The named entities, most articles first (a counting sort, once per change of the index). */
  private entitiesByArticles(): Stats[] {
    if (this.byArticlesVersion === this.version && this.byArticles.length === this.byId.size) return this.byArticles;
    let max = 0;
    for (const st of this.byId.values()) max = Math.max(max, st.articleCount);
    const at = new Int32Array(max + 2);
    for (const st of this.byId.values()) at[max - st.articleCount + 1]!++;
    for (let c = 1; c <= max + 1; c++) at[c]! += at[c - 1]!;
    const out = new Array<Stats>(this.byId.size);
    for (const st of this.byId.values()) out[at[max - st.articleCount]!++] = st;
    this.byArticles = out;
    this.byArticlesVersion = this.version;
    return out;
  }

  /** Shared-article counts of an entity with every other, counted once over its articles. */
  private row(n: number): Map<number, number> {
    const cached = this.rows.get(n);
    if (cached) return cached;
    if (this.counts.length < this.idOf.length) this.counts = new Int32Array(this.idOf.length * 2);
    const counts = this.counts;
    const touched: number[] = [];
    // Straight from each article's record to its numbers (looking each up by file was most of the time).
    this.byId.get(this.idOf[n]!)?.forEachDistinct((distinct) => {
      for (let k = 0; k < distinct.length; k++) {
        const o = distinct[k]!;
        if (o !== n && counts[o]++ === 0) touched.push(o);
      }
    });
    const row = new Map<number, number>();
    for (const o of touched) {
      row.set(o, counts[o]!);
      counts[o] = 0;
    }
    this.rows.set(n, row);
    return row;
  }
}
