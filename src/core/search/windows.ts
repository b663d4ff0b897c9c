/**
 * Windows of a document's hits holding every clause, scored by the clauses' best weights and their proximity: the
 * best few of a document as passages (`bestWindows`), and the same best score from the postings' positions alone,
 * to bound a candidate before reading its words (`windowScorer`). The two must agree.
 */
import { type Candidates, STEP_POSTINGS } from './candidates';
import type { Clause, Hit } from './clauses';
import type { Postings, Segment } from './postings';

/** Hits of the candidates as parallel arrays (position, clause, weight), kept between queries. */
export class HitScratch {
  hp = new Uint32Array(0);
  hc = new Uint8Array(0);
  hw = new Float64Array(0);

  /** Room for `total` hits (the values are not kept). */
  reserve(total: number): void {
    if (this.hp.length < total) {
      const cap = total + (total >> 1);
      this.hp = new Uint32Array(cap);
      this.hc = new Uint8Array(cap);
      this.hw = new Float64Array(cap);
    }
  }
}

/**
 * For plain word clauses: a function giving candidate k's best window score as `bestWindows`
 * computes it (the clauses' best weights in the window, averaged, times proximity), from the
 * terms' positions, without reading the documents' words. The hits are gathered at once; each
 * document's are sorted and scanned only when asked for. `slot`: per document index, -1 (as `candidates` leaves
 * it, and as this leaves it).
 */
export function* windowScorer(
  postings: Postings,
  clauses: Clause[],
  cand: Candidates,
  slot: Int32Array,
  scratch: HitScratch,
): Generator<void, { proximity: (k: number) => number; best: (k: number) => number }> {
  const n = clauses.length;
  const K = cand.docs.length;
  const offsets = new Uint32Array(K + 1);
  cand.docs.forEach((d, k) => {
    slot[d] = k;
    offsets[k + 1] = offsets[k]! + cand.hits[d]!;
  });
  const total = offsets[K]!;
  scratch.reserve(total);
  const { hp, hc, hw } = scratch;
  const cursor = offsets.slice(0, K);
  // A step every so many postings (see `candidates`); `slot` is reset however the steps end.
  let read = 0;
  try {
    for (let i = 0; i < clauses.length; i++) {
      const c = clauses[i]!;
      for (const [t, w] of c.terms) {
        for (const seg of postings.segments(t)) {
          cursorSegment(seg, i, w, slot, cursor, scratch);
          read += seg.len;
          if (read >= STEP_POSTINGS) {
            read = 0;
            yield;
          }
        }
      }
    }
  } finally {
    for (const d of cand.docs) slot[d] = -1;
  }
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


/**
 * The best windows of a document's hits (sorted by position) holding every clause: the shortest
 * first, at most `max`, not overlapping. Score: the clauses' best weights, averaged, times a
 * proximity factor (1 when the words stand side by side).
 */
export function bestWindows(hits: Hit[], clauses: Clause[], max: number): { first: number; last: number; score: number; hits: Hit[] }[] {
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

/** Scratch of `sortHits`: runs' bounds and a second copy of the hits, kept between calls. */
const sortScratch = { runs: new Int32Array(64), hp: new Uint32Array(256), hc: new Uint8Array(256), hw: new Float64Array(256) };

/**
 * Sorts hits [from, to) of parallel arrays by position, then weight (highest first); stable. The hits come as runs
 * already in that order (each term's positions ascend), so runs are merged, two by two, without allocating.
 */
function sortHits(hp: Uint32Array, hc: Uint8Array, hw: Float64Array, from: number, to: number): void {
  if (to - from <= 48) return insertionSort(hp, hc, hw, from, to);
  // Where each run starts (in order: a hit after the one before it, or at its position with no higher weight).
  const s = sortScratch;
  let runs = 0;
  for (let i = from; i < to; i++) {
    if (i === from || hp[i]! < hp[i - 1]! || (hp[i] === hp[i - 1] && hw[i]! > hw[i - 1]!)) {
      if (runs + 2 > s.runs.length) s.runs = new Int32Array(s.runs.length * 2);
      s.runs[runs++] = i - from;
    }
  }
  if (runs === 1) return;
  s.runs[runs] = to - from;
  const m = to - from;
  if (s.hp.length < m) {
    s.hp = new Uint32Array(m * 2);
    s.hc = new Uint8Array(m * 2);
    s.hw = new Float64Array(m * 2);
  }
  // Ping-pong between the hits (at `from`) and the scratch (at 0) until one run is left.
  let ap: Uint32Array = hp;
  let ac: Uint8Array = hc;
  let aw: Float64Array = hw;
  let ao = from;
  let bp: Uint32Array = s.hp;
  let bc: Uint8Array = s.hc;
  let bw: Float64Array = s.hw;
  let bo = 0;
  const bounds = s.runs;
  while (runs > 1) {
    let r = 0;
    let kept = 0;
    for (; r + 1 < runs; r += 2) {
      const lo = bounds[r]!;
      const mid = bounds[r + 1]!;
      const hi = bounds[r + 2]!;
      let i = lo;
      let j = mid;
      let o = lo;
      while (i < mid && j < hi) {
        // The left one on a tie: stable.
        const left = ap[ao + i]! < ap[ao + j]! || (ap[ao + i] === ap[ao + j] && aw[ao + i]! >= aw[ao + j]!);
        const k = ao + (left ? i++ : j++);
        bp[bo + o] = ap[k]!;
        bc[bo + o] = ac[k]!;
        bw[bo + o++] = aw[k]!;
      }
      if (i < mid) copyHits(ap, ac, aw, ao + i, ao + mid, bp, bc, bw, bo + o);
      else copyHits(ap, ac, aw, ao + j, ao + hi, bp, bc, bw, bo + o);
      bounds[kept++] = lo;
    }
    if (r < runs) {
      // An odd run out: copied as it is.
      copyHits(ap, ac, aw, ao + bounds[r]!, ao + bounds[r + 1]!, bp, bc, bw, bo + bounds[r]!);
      bounds[kept++] = bounds[r]!;
    }
    bounds[kept] = m;
    runs = kept;
    const tp = ap;
    const tc = ac;
    const tw = aw;
    const t0 = ao;
    ap = bp;
    ac = bc;
    aw = bw;
    ao = bo;
    bp = tp;
    bc = tc;
    bw = tw;
    bo = t0;
  }
  if (ap !== hp) copyHits(ap, ac, aw, 0, m, hp, hc, hw, from);
}

/** Hits [from, to) of one set of parallel arrays copied to another's, at `at`. */
function copyHits(ap: Uint32Array, ac: Uint8Array, aw: Float64Array, from: number, to: number, bp: Uint32Array, bc: Uint8Array, bw: Float64Array, at: number): void {
  for (let i = from, o = at; i < to; i++, o++) {
    bp[o] = ap[i]!;
    bc[o] = ac[i]!;
    bw[o] = aw[i]!;
  }
}

function insertionSort(hp: Uint32Array, hc: Uint8Array, hw: Float64Array, from: number, to: number): void {
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

/** One segment of a term's postings (clause `i`, weight `w`) into the candidates' hits, at each one's cursor. */
function cursorSegment(seg: Segment, i: number, w: number, slot: Int32Array, cursor: Uint32Array, { hp, hc, hw }: HitScratch): void {
  const { p, pos, len } = seg;
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
