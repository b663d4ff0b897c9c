/**
 * A query's results: its clauses and candidates (`clauses.ts`, `candidates.ts`), then passages ranked top-k by a
 * bound on each candidate's best window (`windows.ts`), articles by their titles and hits (the best re-ranked by how
 * much of the query their title holds), entities by their names (`entityMatch.ts`); the entities the query names
 * first.
 */
import { joinCompound } from '../entities/names';
import { AboutEntities } from './about';
import type { Entity } from '../entities/recognizer';
import type { Named } from './entityMatch';
import { type Candidates, candidates, allowedDocs, type Scratch, scratchFor } from './candidates';
import { buildClauses, type Clause, type Hit, hitsIn, matchRange, type TermMask } from './clauses';
import { type Doc, endOf, TYPE_BIT } from './documents';
import type { IndexParts } from './parts';
import { type ParsedQuery, parseQuery } from './query';
import { highlightWords, snippetAround } from './snippets';
import { Heap, topK } from './structures';
import type { SearchOptions, SearchResult, SearchResults } from './types';
import { insertSorted } from '../text/ranges';
import { bestWindows, HitScratch, windowScorer } from './windows';

const PASSAGES_PER_DOC = 3;
/** A step of the passages' ranking reads about this many words (or tightens bounds worth as much). */
const STEP_WORK = 50_000;
/** Passages cut, entities counted per step. */
const PASSAGES_PER_STEP = 10;
const ENTITIES_PER_STEP = 50;

interface Window {
  doc: Doc;
  first: number;
  last: number;
  score: number;
  hits: Hit[];
}

/** Runs queries over an index's parts, with per-query arrays kept between queries. */
export class Searcher {
  private scratch: Scratch | undefined;
  private readonly hitScratch = new HitScratch();
  private readonly about: AboutEntities;

  /** `mask`: the index's term mask (shared with the concordance: one query at a time). */
  constructor(
    private readonly parts: IndexParts,
    private readonly mask: TermMask,
  ) {
    this.about = new AboutEntities(parts);
  }

  /**
   * A query's results as a generator of steps: it yields between stages and every few hundred documents or
   * thousand postings within them, so that a caller can stop it there (cancel.ts) or let its thread do other work.
   */
  *searchSteps(query: string | ParsedQuery, options: SearchOptions = {}): Generator<void, SearchResults> {
    const q = typeof query === 'string' ? parseQuery(query) : query;
    const limit = { entity: 20, article: 20, passage: 50, ...options.limit };
    // The entities the query names (its words are one of their names): their mentions count as every word of it,
    // and the articles naming them come first.
    const text = [...q.words, ...q.phrases.flat()].join(' ');
    const fuzzy = options.fuzzy !== false;
    const matched = text && fuzzy ? yield* this.parts.entities.tieredMatchesSteps(text, q.type) : [];
    const named = namedOf(matched);
    yield;
    const clauses = buildClauses(q, this.parts, named.map((m) => m.entity.id), fuzzy);
    const allowed = allowedDocs(q, this.parts);
    const matcher = this.wordMatcher(clauses);
    yield;
    const masked = this.mask.set(clauses, this.parts.vocabulary.size);
    try {
      const candidates = clauses.length > 0 ? yield* this.candidates(clauses, allowed) : undefined;
      yield;
      const entities = yield* this.searchEntities(q, matched, allowed, limit.entity, matcher);
      yield;
      const articles = yield* this.searchArticles(q, clauses, candidates, named, allowed, limit.article, matcher);
      yield;
      const passages = candidates ? yield* this.searchPassages(q, clauses, candidates, limit.passage) : [];
      return { query: q, entities, articles, passages };
    } finally {
      this.mask.clear(masked);
    }
  }

  /** The documents holding every clause (see `candidates`), in this searcher's per-query arrays. */
  private *candidates(clauses: Clause[], allowed: (d: Doc) => boolean): Generator<void, Candidates> {
    const s = (this.scratch = scratchFor(this.scratch, this.parts.documents.docs.length, clauses.length));
    return yield* candidates(this.parts, this.mask.bits, s, clauses, allowed);
  }

  private *searchPassages(q: ParsedQuery, clauses: Clause[], cand: Candidates, limit: number): Generator<void, SearchResult[]> {
    if (clauses.length === 0 || limit <= 0 || cand.docs.length === 0) return [];
    const n = clauses.length;
    const ranks = this.parts.documents.nameRanks();
    const docs = this.parts.documents.docs;
    // A bound on each document's best passage: every clause at its best weight, side by side.
    // Several plain words: tightened, when the document comes up, from the positions alone (max-score
    // style: most documents never need it).
    const plain = n > 1 && clauses.every((c) => !c.phrase && c.entities.size === 0);
    const windows = plain ? yield* windowScorer(this.parts.postings, clauses, cand, this.scratch!.slot, this.hitScratch) : undefined;
    const tightened = windows ? new Uint8Array(cand.docs.length) : undefined;
    const bound = new Float64Array(cand.docs.length);
    const type = q.type;
    cand.docs.forEach((d, k) => {
      // A passage must name an entity of the type: a document naming none has none (bound -1).
      if (type && (docs[d]!.types & TYPE_BIT[type]) === 0) return void (bound[k] = -1);
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
    let work = 0;
    for (let k = byBound.peek(); k >= 0; k = byBound.peek()) {
      // (Every so many documents: a step. Each read costs about its length in words.)
      if (work >= STEP_WORK) {
        work = 0;
        yield;
      }
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
        work += 16;
        continue;
      }
      byBound.pop();
      const doc = docs[d]!;
      const list = hitsIn(doc, clauses, this.mask.bits, this.parts.entities.mentionIds, 0, Infinity);
      work += doc.terms.length;
      list.sort((a, b) => a.first - b.first || b.weight - a.weight);
      const found = bestWindows(list, clauses, PASSAGES_PER_DOC);
      // Many hits in a document make it a little more relevant.
      const docBoost = 1 + 0.05 * Math.log1p(list.length);
      for (const w of found) {
        if (q.type && !this.parts.entities.overlapsMentionOfType(doc, w.first, w.last, q.type)) continue;
        const inTitle = w.first >= doc.titleFirst && w.last <= doc.titleLast ? 1.1 : 1;
        const x: Window = { doc, first: w.first, last: w.last, score: w.score * docBoost * inTitle, hits: w.hits };
        // The top stays sorted and at most `limit` long (`cmp` is a total order).
        insertSorted(top, x, limit, cmp);
      }
    }
    yield;
    // Each passage's line is cut from its document's parts or its text (read from disk where texts are not kept).
    const out: SearchResult[] = [];
    for (const w of top) {
      out.push(this.passageResult(w.doc, w.first, w.last, w.score, w.hits, clauses));
      if (out.length % PASSAGES_PER_STEP === 0) yield;
    }
    return out;
  }

  private passageResult(doc: Doc, first: number, last: number, score: number, hits: Hit[], clauses: Clause[]): SearchResult {
    const matches = hits.map((h) => matchRange(this.parts, doc, h, clauses[h.clause]!)).sort((a, b) => a[0] - b[0]);
    // The passage is exactly the matched words and what lies between them.
    const start = matches.length > 0 ? Math.min(...matches.map((m) => m[0])) : doc.starts[first]!;
    const end = matches.length > 0 ? Math.max(...matches.map((m) => m[1])) : endOf(doc, last);
    const line = this.parts.documents.lineOf(doc, start, end);
    const around = snippetAround(line.text, start - line.start, end - line.start);
    const snippet = around.snippet;
    const offset = around.offset + line.start;
    const highlights = matches
      .map(([s, e]): [number, number] => [s - offset, e - offset])
      .filter(([s, e]) => s >= 0 && e <= snippet.length);
    return { kind: 'passage', file: doc.id, name: doc.name, start, end, score: round(score), snippet, highlights, matches, title: doc.title, outlet: doc.outlet, date: doc.date };
  }

  private wordMatcher(clauses: Clause[]): (folded: string) => boolean {
    const terms = new Set<number>();
    for (const c of clauses) {
      for (const t of c.terms.keys()) terms.add(t);
      for (const p of c.phrase ?? []) for (const t of p) terms.add(t);
      for (const j of c.joins?.values() ?? []) for (const t of j) terms.add(t);
    }
    // The words as text: a set lookup per word shown, not a search of the vocabulary.
    const words = new Set<string>();
    for (const t of terms) words.add(this.parts.vocabulary.text(t));
    for (const c of clauses) for (const id of c.entities.keys()) for (const n of this.parts.entities.entityNames(id)) words.add(n);
    return (w) => words.has(w);
  }

  private *searchEntities(q: ParsedQuery, matched: readonly Named[], allowed: (d: Doc) => boolean, limit: number, matcher: (w: string) => boolean): Generator<void, SearchResult[]> {
    if (limit <= 0) return [];
    const text = [...q.words, ...q.phrases.flat()].join(' ');
    let found: { entity: Entity; score: number; tier?: number }[];
    const { entities } = this.parts;
    // A query that is (part of) an entity's name lists those entities, closest first, not the near-misses that share
    // its words in another order.
    if ((matched[0]?.tier ?? 0) > 0) found = matched.filter((m) => m.tier > 0);
    else if (text) found = yield* entities.matchEntitiesSteps(text, q.type);
    else if (q.type) {
      found = entities.namedOfType(q.type).map((entity) => ({ entity, score: 1 }));
    } else return [];
    const out: SearchResult[] = [];
    let counted = 0;
    for (const { entity: e, score } of found) {
      if (++counted % ENTITIES_PER_STEP === 0) yield;
      const stats = entities.entityStats(e.id, allowed);
      const doc = stats.best;
      if (!doc) continue;
      const first = entities.firstMention(doc, e.id)!;
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
    // Closest first, then by score; a total order (ties by id): the same whatever order the index met the entities in.
    const tierOf = new Map(found.map((m) => [m.entity.id, m.tier ?? 0]));
    out.sort((a, b) => tierOf.get(b.entity!.id)! - tierOf.get(a.entity!.id)! || b.score - a.score || b.entity!.mentions - a.entity!.mentions || (a.entity!.id < b.entity!.id ? -1 : a.entity!.id > b.entity!.id ? 1 : 0));
    return out.slice(0, limit);
  }

  private *searchArticles(q: ParsedQuery, clauses: Clause[], cand: Candidates | undefined, named: readonly Named[], allowed: (d: Doc) => boolean, limit: number, matcher: (w: string) => boolean): Generator<void, SearchResult[]> {
    if (limit <= 0) return [];
    // The name's length in words as typed, "عبد الله" and "عبدالله" alike.
    const words = joinCompound([...q.words, ...q.phrases.flat()].join(' ')).split(' ').length;
    const { documents } = this.parts;
    const ranks = documents.nameRanks();
    const dates = documents.dateRanks();
    // The articles about the entities the query names, first (scores from 1: above every article that only holds the words).
    const about = named.length > 0 ? this.about.top(new Set(named.map((m) => m.entity.id)), words, allowed, limit, dates, ranks) : [];
    yield;
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
      for (const k of topK(keep, limit * 5, byScore)) ranked.push([documents.docs[docs[k]!]!, sc[k]!]);
      yield;
    }
    // Outlets whose name is the query ("الحل نت").
    const text = q.words.join(' ');
    if (text) {
      const matched = documents.matchOutlets(text);
      if (matched.size > 0) {
        for (const doc of documents.docs) {
          const s = doc.alive && matched.get(doc.outletFolded);
          if (s && allowed(doc)) raise(doc, s * 0.8);
        }
      }
    } else if (clauses.length === 0 && (q.outlet || q.before || q.after)) {
      // Filters alone list the articles they keep, newest first.
      for (const doc of documents.docs) if (allowed(doc)) raise(doc, 0.5);
    }
    const order = (a: [Doc, number], b: [Doc, number]): number => b[1] - a[1] || dates[a[0].index]! - dates[b[0].index]! || ranks[a[0].index]! - ranks[b[0].index]!;
    // The best candidates re-ranked by how much of the query their titles hold (each clause's best weight among the
    // title's words, from the candidates' pass: no title is read again).
    let top = ranked;
    if (cand && n > 0 && ranked.length > 1) {
      top = topK(ranked, limit * 5, order).map(([doc, score]): [Doc, number] => {
        let share = 0;
        for (let i = 0; i < n; i++) share += cand.titleBest[i]![doc.index]!;
        return share > 0 ? [doc, score * 0.7 + (share / n) * 0.3] : [doc, score];
      });
    }
    const first = new Set(about.map(([doc]) => doc));
    const room = limit - about.length;
    const rest = room > 0 ? topK(top.filter(([doc]) => !first.has(doc)), room, order) : [];
    return [...about, ...rest].map(([doc, score]) => ({
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
}

/** A query names an entity it matches only word by word when the match scores at least this (fuse.js, 0–1)… */
const CLOSE_ENOUGH = 0.8;
/** …and so does any other within this of the best. */
const NEAR = 0.02;

/**
 * The entities a query names, among those it matches: those of the closest tier when it is 1 or 2 ("محمود عباس"
 * names Mahmoud Abbas, not "عباس محمود"); at tier 0 (a spelling variant), the matches close to the best and good
 * enough.
 */
function namedOf(matched: readonly Named[]): Named[] {
  if (matched.length === 0) return [];
  const best = matched[0]!.tier;
  if (best > 0) return matched.filter((m) => m.tier === best);
  const top = Math.max(...matched.map((m) => m.score));
  return top < CLOSE_ENOUGH ? [] : matched.filter((m) => m.score >= top - NEAR);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
