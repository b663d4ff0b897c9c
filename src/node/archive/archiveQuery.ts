/**
 * A parsed query (`src/core/search/query.ts`) as the archive answers it: full-text MATCH expressions over the forms
 * we stored (only operators Sphinx 2.2 and Manticore both read: `@field`, `( )`, `|`, `-`, implicit AND), attribute
 * filters, and, on a line's original text, the exact ranges of the words it matched, found with our own folding
 * exactly as the in-process engine finds them (`matchRange` in clauses.ts).
 */
import type { ParsedQuery } from '../../core/search/query';
import { queryForms } from '../../core/search/vocabulary';
import { scanWords } from '../../core/text/scanner';
import { foldWithMap } from '../../core/text/arabic';
import { archiveToken, boundNumber, wordForms } from './schema';

/** A word clause (one word) or a phrase clause (words side by side), each word as the forms it may take. */
export interface ArchiveClause {
  /** Per word: the query forms, in the order the in-process engine weighs them (as typed first). */
  words: string[][];
}

/** The clauses of a query: its free words, then its phrases (as the in-process engine orders them). */
export function clausesOf(q: ParsedQuery): ArchiveClause[] {
  const forms = (w: string): string[] => queryForms(w).map((f) => f.form);
  return [...q.words.map((w) => ({ words: [forms(w)] })), ...q.phrases.map((p) => ({ words: p.map(forms) }))];
}

/** The exclusions of a query as clauses. */
export function exclusionsOf(q: ParsedQuery): ArchiveClause[] {
  return q.exclude.map((p) => ({ words: p.map((w) => queryForms(w).map((f) => f.form)) }));
}

function anyOf(forms: readonly string[]): string {
  const tokens = [...new Set(forms.map(archiveToken))];
  return tokens.length === 1 ? tokens[0]! : `(${tokens.join(' | ')})`;
}

/**
 * The MATCH expression holding every clause (a phrase as all its words: adjacency is checked on the text, since a
 * word's forms are several tokens), leaving out articles with a one-word exclusion, within an outlet. Undefined when
 * there is nothing to match (filters alone).
 */
export function matchExpression(q: ParsedQuery, options: { exclusions: boolean }): string | undefined {
  const positive = clausesOf(q).flatMap((c) => c.words.map(anyOf));
  const parts: string[] = [];
  if (positive.length > 0) parts.push(`@forms ${positive.join(' ')}`);
  if (options.exclusions && positive.length > 0) {
    for (const c of exclusionsOf(q)) if (c.words.length === 1) parts.push(`@forms -${anyOf(c.words[0]!)}`);
  }
  if (q.outlet) parts.push(`@outlet ${outletPhrase(q.outlet)}`);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** The folded outlet name as a phrase of its tokens ("طيف بوست" → "طيف بوست" in quotes). */
function outletPhrase(outlet: string): string {
  const tokens: string[] = [];
  scanWords(outlet, (w) => tokens.push(archiveToken(w)));
  return tokens.length === 1 ? tokens[0]! : `"${tokens.join(' ')}"`;
}

/** A MATCH expression for the words of one clause (all of them, anywhere): a phrase's or an exclusion's candidates. */
export function clauseExpression(c: ArchiveClause): string {
  return `@forms ${c.words.map(anyOf).join(' ')}`;
}

/** The attribute filters of a query's date bounds (dates as YYYYMMDD, see `dayNumber`). */
export function dateFilters(q: Pick<ParsedQuery, 'before' | 'after'>): string[] {
  const out: string[] = [];
  if (q.before || q.after) out.push('day > 0');
  if (q.before) out.push(`day < ${boundNumber(q.before).value}`);
  if (q.after) {
    const { value, unit } = boundNumber(q.after);
    out.push(`day >= ${value + unit}`);
  }
  return out;
}

/** Escapes a MATCH expression as a SphinxQL string literal's content is escaped (quotes and backslashes). */
export function matchLiteral(expr: string): string {
  return `'${expr.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/** A matched word or phrase in a line: its clause and its exact range in the line's text. */
export interface LineHit {
  clause: number;
  /** Index of the hit's first word in the line. */
  first: number;
  start: number;
  end: number;
}

/** The forms-set test of one query word against one written word, and the clitic letters to leave out of its range. */
function wordMatch(queryFormsOfWord: readonly string[], word: string, forms: readonly string[]): { prefix: number } | undefined {
  // As `Vocabulary.expansion`: the first query form (by weight) among the word's forms decides the prefix.
  for (const f of queryFormsOfWord) {
    if (forms.includes(f)) return { prefix: word.endsWith(f) ? word.length - f.length : 0 };
  }
  return undefined;
}

/** Every hit of the clauses in a line's text, in text order; offsets relative to the line. */
export function lineHits(line: string, clauses: readonly ArchiveClause[]): LineHit[] {
  const words: { w: string; forms: string[]; start: number; end: number }[] = [];
  scanWords(line, (w, start, end) => words.push({ w, forms: wordForms(w), start, end }));
  const out: LineHit[] = [];
  words.forEach((word, i) => {
    clauses.forEach((c, ci) => {
      const head = wordMatch(c.words[0]!, word.w, word.forms);
      if (!head) return;
      for (let k = 1; k < c.words.length; k++) {
        const next = words[i + k];
        if (!next || !wordMatch(c.words[k]!, next.w, next.forms)) return;
      }
      let start = word.start;
      if (head.prefix > 0) {
        const folded = foldWithMap(line.slice(word.start, word.end));
        start += folded.starts[head.prefix] ?? 0;
      }
      out.push({ clause: ci, first: i, start, end: words[i + c.words.length - 1]!.end });
    });
  });
  return out;
}
