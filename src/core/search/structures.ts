/**
 * Data structures of the search index, with no knowledge of documents or queries: growable typed arrays, per-entity
 * document counts, lists restored from a snapshot, orders of documents, a heap and a top-k.
 */
import { insertSorted, partitionPoint } from '../text/ranges';

/** An empty list of numbers (shared: never written). */
export const EMPTY = new Uint32Array(0);

/** A `DocCounts`'s live documents, most mentions first: each one's index, count and slot. */
export interface ByCount {
  docs: Uint32Array;
  counts: Uint32Array;
  slots: Uint32Array;
}

/**
 * An entity's documents (by index, ascending: documents are numbered as they come) and its mentions in each, in two
 * growable typed arrays: what a map of maps held in tens of bytes an entry (hundreds of thousands of them at 20k
 * articles). A removed document's count drops to 0 and is skipped; the arrays are compacted when half are such.
 */
export class DocCounts {
  private docs = new Uint32Array(4);
  private counts = new Uint32Array(4);
  /** Slots used (live and removed). */
  private used = 0;
  /** Live documents. */
  size = 0;
  /** The live documents by count (`byCount`), made on first use and dropped on any change. */
  private sorted: ByCount | undefined;

  private find(doc: number): number {
    const i = partitionPoint(0, this.used, (k) => this.docs[k]! < doc);
    return i < this.used && this.docs[i] === doc ? i : -1;
  }

  /** Where a live document's count is held (-1: not held): a place `forEach` and `byCount` tell, until the next change. */
  slotOf(doc: number): number {
    const i = this.find(doc);
    return i >= 0 && this.counts[i]! > 0 ? i : -1;
  }

  get(doc: number): number | undefined {
    const i = this.find(doc);
    return i >= 0 && this.counts[i]! > 0 ? this.counts[i] : undefined;
  }

  /** Adds `n` mentions in `doc` (a document at least as new as any held, or one held). */
  add(doc: number, n: number): void {
    this.sorted = undefined;
    const i = this.used > 0 && this.docs[this.used - 1]! >= doc ? this.find(doc) : -1;
    if (i >= 0) {
      if (this.counts[i] === 0) this.size++;
      this.counts[i]! += n;
      return;
    }
    if (this.used > 0 && this.docs[this.used - 1]! > doc) throw new Error('documents are counted in the order they come');
    if (this.used === this.docs.length) {
      this.docs = doubled(this.docs);
      this.counts = doubled(this.counts);
    }
    this.docs[this.used] = doc;
    this.counts[this.used++] = n;
    this.size++;
  }

  delete(doc: number): boolean {
    const i = this.find(doc);
    if (i < 0 || this.counts[i] === 0) return false;
    this.sorted = undefined;
    this.counts[i] = 0;
    this.size--;
    if (this.used > 32 && this.size < this.used / 2) this.compact();
    return true;
  }

  /** Each live document with its count (and the slot it is held at), in document order. */
  forEach(visit: (doc: number, count: number, slot: number) => void): void {
    const { docs, counts, used } = this;
    for (let i = 0; i < used; i++) if (counts[i]! > 0) visit(docs[i]!, counts[i]!, i);
  }

  /** Slots in use (live and removed): the length of an array by slot. */
  get slotCount(): number {
    return this.used;
  }

  /**
   * The live documents, most mentions first, then by document index (a counting sort: counts are small); kept until
   * the counts change. What lets a ranking by mentions stop after the first few documents.
   */
  byCount(): ByCount {
    if (this.sorted) return this.sorted;
    const { docs, counts, used } = this;
    let max = 0;
    for (let i = 0; i < used; i++) if (counts[i]! > max) max = counts[i]!;
    // Documents per count, then where each count's run starts (the largest first).
    const at = new Uint32Array(max + 2);
    for (let i = 0; i < used; i++) if (counts[i]! > 0) at[max - counts[i]! + 1]!++;
    for (let c = 1; c <= max + 1; c++) at[c]! += at[c - 1]!;
    const out = { docs: new Uint32Array(this.size), counts: new Uint32Array(this.size), slots: new Uint32Array(this.size) };
    for (let i = 0; i < used; i++) {
      const n = counts[i]!;
      if (n === 0) continue;
      const k = at[max - n]!++;
      out.docs[k] = docs[i]!;
      out.counts[k] = n;
      out.slots[k] = i;
    }
    return (this.sorted = out);
  }

  docList(): number[] {
    const out: number[] = [];
    this.forEach((d) => out.push(d));
    return out;
  }

  private compact(): void {
    let w = 0;
    for (let i = 0; i < this.used; i++) {
      if (this.counts[i] === 0) continue;
      this.docs[w] = this.docs[i]!;
      this.counts[w++] = this.counts[i]!;
    }
    this.used = w;
  }
}

/** A typed array twice as long, holding `a`'s values first. */
export function doubled<T extends Uint8Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Int32Array<ArrayBuffer>>(a: T): T {
  const b = new (a.constructor as new (length: number) => T)(Math.max(1, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Lists restored from a snapshot, one per term, end to end in one array: a term's is a view made when it is read.
 * Compaction shortens them in place.
 */
export class BaseLists<A extends Uint32Array | Uint16Array = Uint32Array> {
  private readonly lengths: Uint32Array;

  constructor(
    private readonly all: A,
    private readonly offsets: Uint32Array,
  ) {
    this.lengths = new Uint32Array(offsets.length - 1);
    for (let t = 0; t < this.lengths.length; t++) this.lengths[t] = offsets[t + 1]! - offsets[t]!;
  }

  /** Term t's list (undefined for a term seen after the snapshot). */
  get(t: number): A | undefined {
    if (t >= this.lengths.length) return undefined;
    const from = this.offsets[t]!;
    return this.all.subarray(from, from + this.lengths[t]!) as A;
  }

  lengthOf(t: number): number {
    return t < this.lengths.length ? this.lengths[t]! : 0;
  }

  shorten(t: number, length: number): void {
    this.lengths[t] = length;
  }
}

/** Documents' places (0, 1, …) in an order, sorted once, then kept current as documents are added. */
export class Ranking {
  private order: number[] | undefined;
  private places = new Int32Array(0);

  constructor(private readonly cmp: (a: number, b: number) => number) {}

  /** Places of documents 0 … n-1. */
  ranks(n: number): Int32Array {
    if (this.order && this.order.length === n) return this.places;
    const order = Array.from({ length: n }, (_, i) => i).sort(this.cmp);
    this.places = new Int32Array(Math.max(1024, n + (n >> 2)));
    order.forEach((d, r) => (this.places[d] = r));
    this.order = order;
    return this.places;
  }

  /** Document `d` (the newest) takes its place; the others after it move one down. */
  add(d: number): void {
    const order = this.order;
    if (!order || d !== order.length) return void (this.order = undefined);
    let lo = 0;
    for (let hi = order.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (this.cmp(order[mid]!, d) < 0) lo = mid + 1;
      else hi = mid;
    }
    order.splice(lo, 0, d);
    if (d >= this.places.length) {
      const grown = new Int32Array(this.places.length * 2);
      grown.set(this.places);
      this.places = grown;
    }
    const places = this.places;
    for (let i = 0; i < d; i++) if (places[i]! >= lo) places[i]!++;
    places[d] = lo;
  }
}

/** A binary heap of the numbers 0 … size-1, popped in `cmp` order (built in linear time). */
export class Heap {
  private readonly items: Int32Array;
  private size: number;

  constructor(
    size: number,
    private readonly cmp: (a: number, b: number) => number,
  ) {
    this.items = new Int32Array(size);
    for (let i = 0; i < size; i++) this.items[i] = i;
    this.size = size;
    for (let i = (size >> 1) - 1; i >= 0; i--) this.down(i);
  }

  /** The first item (not taken out), or -1. */
  peek(): number {
    return this.size === 0 ? -1 : this.items[0]!;
  }

  /** The first item's key got no better: restores the order. */
  topChanged(): void {
    if (this.size > 0) this.down(0);
  }

  /** The next item, or -1. */
  pop(): number {
    if (this.size === 0) return -1;
    const top = this.items[0]!;
    this.items[0] = this.items[--this.size]!;
    this.down(0);
    return top;
  }

  private down(i: number): void {
    const a = this.items;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) return;
      const r = l + 1;
      const m = r < this.size && this.cmp(a[r]!, a[l]!) < 0 ? r : l;
      if (this.cmp(a[m]!, a[i]!) >= 0) return;
      const x = a[i]!;
      a[i] = a[m]!;
      a[m] = x;
      i = m;
    }
  }
}

/** The first `k` items in `cmp` order (sorted), without sorting them all. */
export function topK<T>(items: T[], k: number, cmp: (a: T, b: T) => number): T[] {
  if (items.length <= k * 4) return items.sort(cmp).slice(0, k);
  const top: T[] = [];
  for (const x of items) insertSorted(top, x, k, cmp);
  return top;
}

/** The first index of sorted `a` whose value is not below `x` (numbers or strings). */
export function lowerBound<T extends number | string>(a: ArrayLike<T>, x: T): number {
  return partitionPoint(0, a.length, (i) => a[i]! < x);
}

/** The length of an array restored for `size` items: room to grow, a power of two. */
export function capacityFor(size: number): number {
  return Math.max(1024, 2 ** Math.ceil(Math.log2(size + 1)));
}
