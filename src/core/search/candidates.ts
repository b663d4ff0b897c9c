/**
 * Candidates of a query: the documents its filters allow, and those holding every clause, with what ranking needs of
 * each from the postings alone (best weights, hit counts, titles), in per-query arrays kept between queries.
 */
import { ALIVE, type Doc } from './documents';
import { type Clause, phraseClause, phraseEnd, phraseHits } from './clauses';
import type { IndexParts } from './parts';
import type { Segment } from './postings';
import { dateInBounds, type ParsedQuery } from './query';
import { EDIT_WEIGHT } from './vocabulary';

/** Postings (document and count, two numbers each) read in a step of `candidates` at most, give or take a segment's tail. */
export const STEP_POSTINGS = 200_000;

export /** Per-query arrays over the documents, kept between queries (a query allocates nothing the corpus's size). */
interface Scratch {
  size: number;
  best: Float64Array[];
  title: Float64Array[];
  hits: Uint32Array;
  strong: Uint32Array;
  /** Per document index: its slot among the candidates (-1: none); reset after use. */
  slot: Int32Array;
}

export /** What ranking knows of the documents holding every clause, before reading their words. */
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

/** Documents passing the filters and exclusions (undefined: all). */
export function allowedDocs(q: ParsedQuery, parts: IndexParts): (d: Doc) => boolean {
  if (q.exclude.length === 0 && q.outlet === undefined && !q.before && !q.after) return ALIVE;
  const excluded = new Set<number>();
  for (const words of q.exclude) phraseHits(phraseClause(parts.vocabulary, words), undefined, parts, (d) => void excluded.add(d));
  return (d) =>
    d.alive &&
    !excluded.has(d.index) &&
    (q.outlet === undefined || d.outletFolded.includes(q.outlet)) &&
    dateInBounds(d.date, q);
}

/** The per-query arrays `s` (new ones when missing or too short), zeroed for `n` clauses over `size` documents. */
export function scratchFor(s: Scratch | undefined, size: number, n: number): Scratch {
  if (!s || s.size < size) {
    const cap = Math.max(1024, size + (size >> 2));
    s = { size: cap, best: [], title: [], hits: new Uint32Array(cap), strong: new Uint32Array(cap), slot: new Int32Array(cap).fill(-1) };
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
 * The documents holding every clause (and allowed), with what ranking needs of each without
 * reading its words: each clause's best weight, its hits and strong hits (from the postings'
 * counts), whether the title holds every clause and the title's best weights. Phrases are
 * checked from the positions of their rarest word. `s`: the per-query arrays (`scratchFor`); `mask`: each term's
 * clauses (`TermMask`).
 */
export function* candidates(parts: IndexParts, mask: Uint32Array, s: Scratch, clauses: Clause[], allowed: (d: Doc) => boolean): Generator<void, Candidates> {
  const n = clauses.length;
  const { docs: byIndex, titleFirsts, titleLasts, aliveBits } = parts.documents;
  const best = s.best.slice(0, n);
  const title = s.title.slice(0, n);
  const { hits, strong } = s;
  const strongWeight = EDIT_WEIGHT[1]!;
  // Per clause, the documents holding it (each once).
  const holding: number[][] = clauses.map(() => []);
  // Postings read since the last step (the caller may stop the query at a step: see `Searcher.searchSteps`).
  let read = 0;
  for (let i = 0; i < n; i++) {
    const c = clauses[i]!;
    const b = best[i]!;
    const tb = title[i]!;
    const docs = holding[i]!;
    // A phrase's hits (and its place in titles) are counted once verified, below.
    const counted = !c.phrase;
    for (const [t, w] of c.terms) {
      for (const seg of parts.postings.segments(t)) {
        countSegment(seg, w, counted, b, tb, docs, s, titleFirsts, titleLasts);
        read += seg.len;
        if (read >= STEP_POSTINGS) {
          read = 0;
          yield;
        }
      }
    }
    for (const [id, w] of c.entities) {
      parts.entities.docCounts(id)?.forEach((d, k) => {
        const was = b[d]!;
        if (w > was) {
          if (was === 0) docs.push(d);
          b[d] = w;
        }
        hits[d]! += k;
        if (w >= strongWeight) strong[d]! += k;
        if (w > tb[d]! && byIndex[d]!.titleEntities?.has(id)) tb[d] = w;
      });
    }
  }
  yield;
  // Documents with every clause: from those of the rarest.
  let rarest = 0;
  for (let i = 1; i < n; i++) if (holding[i]!.length < holding[rarest]!.length) rarest = i;
  let docs: number[] = [];
  for (const d of holding[rarest]!) {
    let all = true;
    for (let i = 0; all && i < n; i++) all = best[i]![d]! > 0;
    if (all && (allowed === ALIVE ? aliveBits[d] === 1 : allowed(byIndex[d]!))) docs.push(d);
  }
  docs.sort((a, b) => a - b);
  // Phrases: keep the documents where the words stand side by side, with their real hits.
  const phrases = clauses.map((c, i) => (c.phrase ? i : -1)).filter((i) => i >= 0);
  if (phrases.length > 0) {
    const slot = s.slot;
    docs.forEach((d, k) => (slot[d] = k));
    const found = new Uint32Array(docs.length);
    phrases.forEach((i, bit) => {
      phraseHits(clauses[i]!, slot, parts, (d, k, _start, w) => {
        found[k]! |= 1 << bit;
        hits[d]!++;
        if (w >= strongWeight) strong[d]!++;
      });
    });
    for (const d of docs) slot[d] = -1;
    const every = 2 ** phrases.length - 1;
    docs = docs.filter((_d, k) => found[k] === every);
    yield;
  }
  const kept = docs;
  // Titles: which clauses they hold, and how well (phrases: read from the title's words).
  const phraseClauses = clauses.some((c) => c.phrase);
  const titleAll = new Uint8Array(kept.length);
  kept.forEach((d, k) => {
    // From the typed arrays: the documents themselves are read only for phrases.
    const titleFirst = titleFirsts[d]!;
    const titleLast = titleLasts[d]!;
    if (titleLast < titleFirst) return;
    if (phraseClauses) {
      const terms = byIndex[d]!.terms;
      for (let pos = titleFirst; pos <= titleLast; pos++) {
        const t = terms[pos]!;
        let bits = mask[t]!;
        for (let i = 0; bits !== 0; i++, bits >>>= 1) {
          const c = clauses[i]!;
          if ((bits & 1) === 0 || !c.phrase) continue;
          const last = phraseEnd(c, terms, pos);
          const w = c.terms.get(t)!;
          if (last >= 0 && last <= titleLast && w > title[i]![d]!) title[i]![d] = w;
        }
      }
    }
    let all = 1;
    for (let i = 0; all && i < n; i++) if (title[i]![d] === 0) all = 0;
    titleAll[k] = all;
  });
  return { docs: kept, best, hits, strong, titleBest: title, titleAll };
}

/**
 * One segment of a term's postings into a clause's best weights `b` (the documents reaching one first into `docs`),
 * and, when `counted`, into the hits, the strong hits and the title's best weights `tb`. (A function apart from the
 * generator of steps, which V8 optimizes less.)
 */
function countSegment(
  seg: Segment,
  w: number,
  counted: boolean,
  b: Float64Array,
  tb: Float64Array,
  docs: number[],
  { hits, strong }: Scratch,
  titleFirsts: Int32Array,
  titleLasts: Int32Array,
): void {
  const { p, pos, len } = seg;
  const strongWeight = EDIT_WEIGHT[1]!;
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
