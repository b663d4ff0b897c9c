/**
 * Term postings: per term, (document, occurrences) pairs in document order, and the word positions of its
 * occurrences, grouped as its postings are; in typed arrays. Those restored from a snapshot stay views into it.
 */
import { BaseLists, EMPTY } from './structures';

/** A run of a term's postings ((document, occurrences) pairs, `len` numbers) and their positions, in document order. */
export interface Segment {
  p: Uint32Array;
  /** 16-bit where a snapshot's every position fits (documents under 65,536 words). */
  pos: Uint32Array | Uint16Array;
  len: number;
}

/** A term's lists of one kind (postings or positions): those restored from a snapshot, then the growable ones. */
export interface TermLists {
  base: BaseLists<Uint32Array | Uint16Array> | undefined;
  lists: readonly Uint32Array[];
  lengths: readonly number[];
}

export class Postings {
  /**
   * Per term, the postings restored from a snapshot: views into it, never grown (copying the largest, on the first
   * change after a warm start, would hold that change up on a large corpus), made when the term is read. Documents
   * added since go in `postings` and `positions`, which grow; a term's postings are its base, then those (documents
   * in ascending order either way).
   */
  private basePostings: BaseLists | undefined;
  private basePositions: BaseLists<Uint32Array | Uint16Array> | undefined;
  private readonly postings: Uint32Array[] = [];
  private readonly postingLength: number[] = [];
  /** Per term: the word indexes of its occurrences, grouped as its postings are. */
  private readonly positions: Uint32Array[] = [];
  private readonly positionLength: number[] = [];

  /** How many terms have lists. */
  get size(): number {
    return this.postings.length;
  }

  /** Makes room for a new term (numbered as the terms held so far). */
  addTerm(): void {
    this.postings.push(EMPTY);
    this.postingLength.push(0);
    this.positions.push(EMPTY);
    this.positionLength.push(0);
  }

  /** Records term `t` at word `word` of document `doc` (the newest document). */
  record(t: number, doc: number, word: number): void {
    // Postings are per document: (document, occurrences), in document order.
    const p = this.postings[t]!;
    const len = this.postingLength[t]!;
    if (len > 0 && p[len - 2] === doc) p[len - 1]!++;
    else this.post(t, doc);
    // Positions of the term, document after document (as many as the posting's count).
    let pos = this.positions[t]!;
    const np = this.positionLength[t]!;
    if (np === pos.length) {
      const grown = new Uint32Array(np < 64 ? Math.max(2, np * 2) : np + (np >> 1));
      grown.set(pos);
      this.positions[t] = pos = grown;
    }
    pos[np] = word;
    this.positionLength[t] = np + 1;
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

  /** A term's postings: those restored from a snapshot (if any), then those added since. */
  segments(t: number): Segment[] {
    const tail = { p: this.postings[t]!, pos: this.positions[t]!, len: this.postingLength[t]! };
    const base = this.basePostings?.get(t);
    return base && base.length > 0 ? [{ p: base, pos: this.basePositions!.get(t)!, len: base.length }, tail] : [tail];
  }

  /** How many times a term occurs (its positions). */
  occurrenceCount(t: number): number {
    return (this.basePositions?.lengthOf(t) ?? 0) + this.positionLength[t]!;
  }

  /** Drops the postings of removed documents (`alive`: 1 per live document index). */
  compact(alive: Uint8Array): void {
    for (let t = 0; t < this.postings.length; t++) {
      const base = this.basePostings?.get(t);
      if (base) {
        const [w, wp] = compactSegment(base, this.basePositions!.get(t)!, base.length, alive);
        this.basePostings!.shorten(t, w);
        this.basePositions!.shorten(t, wp);
      }
      [this.postingLength[t], this.positionLength[t]] = compactSegment(this.postings[t]!, this.positions[t]!, this.postingLength[t]!, alive);
    }
  }

  /** The postings and the positions, as a snapshot writes them. */
  lists(): [postings: TermLists, positions: TermLists] {
    return [
      { base: this.basePostings, lists: this.postings, lengths: this.postingLength },
      { base: this.basePositions, lists: this.positions, lengths: this.positionLength },
    ];
  }

  /** The lists of `t` terms as a snapshot holds them, end to end: no view per term until it is read. */
  restore(t: number, postings: BaseLists, positions: BaseLists<Uint32Array | Uint16Array>): void {
    this.basePostings = postings;
    this.basePositions = positions;
    this.postings.length = this.postingLength.length = this.positions.length = this.positionLength.length = t;
    this.postings.fill(EMPTY);
    this.postingLength.fill(0);
    this.positions.fill(EMPTY);
    this.positionLength.fill(0);
  }
}

/** Moves the live documents' postings and positions to the front of a segment; returns their new lengths. */
function compactSegment(p: Uint32Array, pos: Uint32Array | Uint16Array, n: number, alive: Uint8Array): [number, number] {
  let w = 0;
  let wp = 0;
  let rp = 0;
  for (let r = 0; r < n; r += 2) {
    const tf = p[r + 1]!;
    if (alive[p[r]!] === 1) {
      p[w++] = p[r]!;
      p[w++] = tf;
      if (wp !== rp) pos.copyWithin(wp, rp, rp + tf);
      wp += tf;
    }
    rp += tf;
  }
  return [w, wp];
}
