/**
 * A query's clauses (a word, a phrase, or an English name standing for entities) as sets of weighted terms, and where
 * they hit: in a document's words, in the postings' positions (phrases), in its mentions.
 */
import { foldWithMap } from '../text/arabic';
import { type Doc, endOf, MENTION_FIELDS } from './documents';
import type { IndexParts } from './parts';
import type { ParsedQuery } from './query';
import { capacityFor } from './structures';
import { type Expansion, isJoinedHead, splitJoined, type Vocabulary } from './vocabulary';

export interface Hit {
  /** First and last word index. */
  first: number;
  last: number;
  weight: number;
  clause: number;
  /** For an entity's mention: its exact original range. */
  range?: [number, number];
}

export interface Clause {
  /** term id → weight */
  terms: Map<number, number>;
  /** Entities whose mentions count as hits (an English name typed for an Arabic text). */
  entities: Map<string, number>;
  /** For a phrase: the exact terms allowed at each following word. */
  phrase?: Set<number>[];
  /**
   * For a phrase: at k, the terms that stand for its words k and k + 1 written as one word (عبدالرحمن for
   * "عبد الرحمن"): a hit reads one word there (see `phraseEnd`). Those standing for the first two are in `terms` too.
   */
  joins?: Map<number, Set<number>>;
  /** Words this clause spans in a hit (1 for a word). */
  length: number;
  /** term id → folded letters of clitics in front of the matched form (وبايدن: 1). */
  prefix?: Map<number, number>;
}

const ENGLISH = /^[a-z0-9][a-z0-9 '’.-]*$/;
/** Clauses a query may hold (one bit each in the term mask). */
const MAX_CLAUSES = 32;

/**
 * A query's clauses: its words (runs of Latin words may name entities), then its phrases; at most `MAX_CLAUSES`.
 * `named`: entities the whole query names (see `namedOf` in rank.ts): when the query is a name of several words, a
 * mention of one counts as a hit of each word's clause, so that their mentions are found in any spelling the
 * recognizer knows ("عبدالملك الحوثي" for "عبد الملك الحوثي").
 */
export function buildClauses(q: ParsedQuery, parts: IndexParts, named: readonly string[] = [], fuzzy = true): Clause[] {
  const { vocabulary } = parts;
  const clauses: Clause[] = [];
  // A word joined to its particle ("عبدالرحيم") whose two parts the corpus also holds side by side ("عبد الرحيم") is
  // taken as the two words: each then stands for the joined word as well (below), so that either spelling, typed
  // either way, finds both.
  const words = splitWords(q.words, parts);
  if (!fuzzy) {
    // Each word in its clitic forms alone (what a search server holding our forms matches), joined or split alike.
    for (const w of words) clauses.push(wordClause(vocabulary, w, false));
    addJoined(clauses, words, words.map((_w, k) => k), vocabulary);
    for (const words of q.phrases) clauses.push(foldedPhrase(parts, words));
    return clauses.slice(0, MAX_CLAUSES);
  }
  /** Per word: its clause when it is a word's alone (not an English name's), else -1. */
  const single: number[] = [];
  // Runs of Latin words may name a known entity in English ("Caesar Act", "lavrof").
  let i = 0;
  while (i < words.length) {
    let j = i;
    while (j < words.length && ENGLISH.test(words[j]!)) j++;
    if (j > i) {
      const run = words.slice(i, j).join(' ');
      const named = parts.entities.matchEntities(run).filter((m) => m.score >= 0.6);
      if (named.length > 0) {
        const best = named[0]!.score;
        const entities = new Map(named.filter((m) => m.score >= best - 0.1).map((m) => [m.entity.id, m.score]));
        const e = j - i === 1 ? vocabulary.expansion(words[i]!, true) : undefined;
        clauses.push({ terms: e?.weights ?? new Map(), prefix: e?.prefix, entities, length: 1 });
        for (; i < j; i++) single.push(-1);
        continue;
      }
      for (; i < j; i++) single.push(clauses.push(wordClause(vocabulary, words[i]!, true)) - 1);
      continue;
    }
    // A particle before another word ("عبد" in "عبد الرحيم") is itself (in its clitic forms), not the start of every
    // word that begins with it (عبدالله, عبدالعزيز…): the word after it says which.
    const fuzzyWord = !(isJoinedHead(words[i]!) && i + 1 < words.length);
    single.push(clauses.push(wordClause(vocabulary, words[i]!, fuzzyWord)) - 1);
    i++;
  }
  addJoined(clauses, words, single, vocabulary);
  // A name of several words typed as words: a mention of it counts for each (a word alone matches as itself; a
  // quoted phrase wants its words as written, joined or split).
  if (q.words.length >= 2) for (const c of clauses) for (const id of named) if (!c.entities.has(id)) c.entities.set(id, 1);
  for (const words of q.phrases) clauses.push(foldedPhrase(parts, words));
  return clauses.slice(0, MAX_CLAUSES);
}

/** Query words, each joined one whose two parts the corpus holds side by side taken as the two ("عبدالرحيم"). */
function splitWords(words: readonly string[], parts: IndexParts): string[] {
  return words.flatMap((w) => {
    const split = splitJoined(w);
    return split && sideBySide(parts, split) ? split : [w];
  });
}

/**
 * Two words side by side that the corpus also writes as one ("عبد" "الرحيم", عبدالرحيم): each stands for that word
 * too, so both hit at its place (a window of one word holding both). `single`: per word, its clause (-1: none).
 */
function addJoined(clauses: Clause[], words: readonly string[], single: readonly number[], vocabulary: Vocabulary): void {
  for (let k = 0; k + 1 < words.length; k++) {
    const [a, b] = [single[k]!, single[k + 1]!];
    if (a < 0 || b < 0) continue;
    const joined = vocabulary.joined(words[k]!, words[k + 1]!);
    if (joined.weights.size === 0) continue;
    clauses[a] = withTerms(clauses[a]!, joined);
    clauses[b] = withTerms(clauses[b]!, joined);
  }
}

/**
 * A phrase whose words may be written joined or split as the corpus writes them: a joined word whose parts stand side
 * by side somewhere is taken as the two ("عبدالملك الحوثي" → عبد الملك الحوثي), and two words the corpus also writes
 * as one may be that one word (`joins`). `first`: the first word's expansion, when it is not split.
 */
export function foldedPhrase(parts: IndexParts, words: readonly string[], first?: Expansion): Clause {
  const { vocabulary } = parts;
  const split = splitWords(words, parts);
  const c = phraseClause(vocabulary, split, split[0] === words[0] ? first : undefined);
  let joins: Map<number, Set<number>> | undefined;
  for (let k = 0; k + 1 < split.length; k++) {
    const joined = vocabulary.joined(split[k]!, split[k + 1]!);
    if (joined.weights.size === 0) continue;
    (joins ??= new Map()).set(k, new Set(joined.weights.keys()));
    if (k === 0) {
      const more = withTerms(c, joined);
      c.terms = more.terms;
      c.prefix = more.prefix;
    }
  }
  if (joins) c.joins = joins;
  return c;
}

/**
 * The last word of a phrase clause's hit starting at `pos` in `terms` (whose term there is one of `c.terms`), or -1
 * when the phrase does not stand there: each following word one of its terms, or two of them one joined word.
 */
export function phraseEnd(c: Clause, terms: Uint32Array, pos: number): number {
  const rest = c.phrase ?? [];
  const joins = c.joins;
  if (!joins) {
    if (pos + rest.length >= terms.length) return -1;
    for (let k = 0; k < rest.length; k++) if (!rest[k]!.has(terms[pos + 1 + k]!)) return -1;
    return pos + rest.length;
  }
  // Word i of the phrase (0: the first, in `terms`) at text position p.
  let i = joins.get(0)?.has(terms[pos]!) ? 2 : 1;
  let p = pos + 1;
  const n = rest.length + 1;
  while (i < n) {
    if (p >= terms.length) return -1;
    const t = terms[p]!;
    if (rest[i - 1]!.has(t)) i++;
    else if (i + 1 < n && joins.get(i)?.has(t)) i += 2;
    else return -1;
    p++;
  }
  return p - 1;
}

/** A clause with more terms (a new clause: an expansion's maps are cached and shared). */
function withTerms(c: Clause, more: Expansion): Clause {
  const terms = new Map(c.terms);
  const prefix = new Map(c.prefix);
  for (const [t, w] of more.weights) {
    if ((terms.get(t) ?? 0) >= w) continue;
    terms.set(t, w);
    prefix.set(t, more.prefix.get(t) ?? 0);
  }
  return { ...c, terms, prefix };
}

/** Whether two words stand side by side somewhere in the corpus (the first in any clitic form, the second as written). */
function sideBySide(parts: IndexParts, words: readonly string[]): boolean {
  const c = phraseClause(parts.vocabulary, [...words]);
  if (c.terms.size === 0 || c.phrase!.some((s) => s.size === 0)) return false;
  let found = false;
  // The first is enough (a visit returning true ends the search).
  phraseHits(c, undefined, parts, () => (found = true));
  return found;
}

/** A word in any clitic form (and, when `fuzzy`, its prefixes and spelling variants). */
export function wordClause(vocabulary: Vocabulary, word: string, fuzzy: boolean): Clause {
  const e = vocabulary.expansion(word, fuzzy);
  return { terms: e.weights, prefix: e.prefix, entities: new Map(), length: 1 };
}

/** Words side by side: the first in any clitic form, the others as written (folded). */
export function phraseClause(vocabulary: Vocabulary, words: string[], first?: Expansion): Clause {
  const head = first ?? vocabulary.expansion(words[0]!, false);
  const rest = words.slice(1).map((w) => new Set(vocabulary.expand(w, false).keys()));
  return { terms: head.weights, prefix: head.prefix, entities: new Map(), phrase: rest, length: words.length };
}

/** Per term, the clauses of the current query it belongs to (bit i: clause i); zero between queries. */
export class TermMask {
  bits = new Uint32Array(1024);

  /** Marks, for each term of the clauses, the clauses it belongs to; returns the terms marked. */
  set(clauses: readonly Clause[], terms: number): number[] {
    // Zero everywhere between queries: a longer mask need not keep the old one's values.
    if (this.bits.length < terms) this.bits = new Uint32Array(capacityFor(terms));
    const mask = this.bits;
    const marked: number[] = [];
    clauses.forEach((c, i) => {
      for (const t of c.terms.keys()) {
        if (mask[t] === 0) marked.push(t);
        mask[t]! |= 1 << i;
      }
    });
    return marked;
  }

  clear(marked: readonly number[]): void {
    for (const t of marked) this.bits[t] = 0;
  }
}

/** Documents holding one of a clause's terms (or entities), in no particular order. */
export function docsOf(c: Clause, { postings, entities }: IndexParts): Set<number> {
  const out = new Set<number>();
  for (const t of c.terms.keys()) {
    for (const { p, len } of postings.segments(t)) for (let r = 0; r < len; r += 2) out.add(p[r]!);
  }
  for (const id of c.entities.keys()) entities.docCounts(id)?.forEach((d) => out.add(d));
  return out;
}

/**
 * The hits of the clauses in a document whose first word lies in [from, to], in text order (the
 * terms of the clauses must be marked in `mask`; `mentionIds`: the entity of each mention number). `firstOnly`:
 * stop at the first hit.
 */
export function hitsIn(doc: Doc, clauses: readonly Clause[], mask: Uint32Array, mentionIds: readonly string[], from: number, to: number, firstOnly = false): Hit[] {
  const out: Hit[] = [];
  const terms = doc.terms;
  const end = Math.min(to + 1, terms.length);
  for (let pos = from; pos < end; pos++) {
    const t = terms[pos]!;
    let bits = mask[t]!;
    if (bits === 0) continue;
    for (let i = 0; bits !== 0; i++, bits >>>= 1) {
      if ((bits & 1) === 0) continue;
      const c = clauses[i]!;
      let last = pos + c.length - 1;
      if (c.phrase) {
        last = phraseEnd(c, terms, pos);
        if (last < 0) continue;
      }
      out.push({ first: pos, last, weight: c.terms.get(t)!, clause: i });
      if (firstOnly) return out;
    }
  }
  clauses.forEach((c, i) => {
    if (c.entities.size === 0) return;
    const ms = doc.mentions;
    for (let j = 0; j < ms.length; j += MENTION_FIELDS) {
      const weight = c.entities.get(mentionIds[ms[j]!]!);
      const first = ms[j + 3]!;
      if (weight !== undefined && first >= from && first <= to) out.push({ first, last: ms[j + 4]!, weight, clause: i, range: [ms[j + 1]!, ms[j + 2]!] });
    }
  });
  if (clauses.some((c) => c.entities.size > 0)) out.sort((a, b) => a.first - b.first || b.weight - a.weight);
  return out;
}

/**
 * Every occurrence of a phrase clause (its first word at `start`) in the documents `slot` gives a
 * place (>= 0; all documents without `slot`): found from the positions of its rarest word, each
 * checked against the document's words on either side. A `visit` returning true ends the search.
 */
export function phraseHits(
  c: Clause,
  slot: Int32Array | undefined,
  { documents, postings }: IndexParts,
  visit: (d: number, k: number, start: number, weight: number) => boolean | void,
): void {
  const rest = c.phrase ?? [];
  const sizeOf = (terms: Iterable<number>): number => {
    let total = 0;
    for (const t of terms) total += postings.occurrenceCount(t);
    return total;
  };
  let at = 0;
  // (Words written joined make the offsets of the others vary: then from the first word's terms.)
  if (!c.joins) {
    let least = sizeOf(c.terms.keys());
    rest.forEach((set, j) => {
      const size = sizeOf(set);
      if (size < least) {
        least = size;
        at = j + 1;
      }
    });
  }
  const words = rest.length + 1;
  const docs = documents.docs;
  for (const t of at === 0 ? c.terms.keys() : rest[at - 1]!) {
    for (const { p, pos, len } of postings.segments(t)) {
      let o = 0;
      for (let r = 0; r < len; r += 2) {
        const d = p[r]!;
        const tf = p[r + 1]!;
        const k = slot ? slot[d]! : 0;
        const doc = docs[d]!;
        if (k >= 0 && doc.alive) {
          const terms = doc.terms;
          for (let x = o; x < o + tf; x++) {
            const start = pos[x]! - at;
            if (start < 0 || (!c.joins && start + words > terms.length)) continue;
            const w = c.terms.get(terms[start]!);
            if (w === undefined) continue;
            if (phraseEnd(c, terms, start) >= 0 && visit(d, k, start, w) === true) return;
          }
        }
        o += tf;
      }
    }
  }
}

/** The original range of a hit, without the clitics in front of the matched form (وبايدن → بايدن). */
export function matchRange({ documents }: IndexParts, doc: Doc, h: Hit, clause: Clause): [number, number] {
  if (h.range) return h.range;
  const start = doc.starts[h.first]!;
  const end = endOf(doc, h.last);
  const stripped = clause.prefix?.get(doc.terms[h.first]!) ?? 0;
  if (stripped === 0) return [start, end];
  const firstEnd = endOf(doc, h.first);
  const line = documents.lineOf(doc, start, firstEnd);
  const folded = foldWithMap(line.text.slice(start - line.start, firstEnd - line.start));
  return [start + (folded.starts[stripped] ?? 0), end];
}
