/**
 * The search query syntax:
 *   words              every word must occur (in any spelling the vocabulary allows), ranked by proximity
 *   "exact phrase"     the words in this order, side by side (clitics allowed, no fuzzy spelling)
 *   -word, -"phrase"   articles holding it are left out
 *   type:person|org|place|law   only entities of that type (and passages naming one)
 *   outlet:name        only articles of that outlet (quote a name with spaces: outlet:"طيف بوست")
 *   before:2021-06  after:2020        only articles dated before / after (year, year-month or day)
 */
import type { EntityType } from '../entities/recognizer';
import { scanWords } from '../text/scanner';

export interface ParsedQuery {
  /** Free words, folded. */
  words: string[];
  /** Words as typed (for the English-name lookup), one entry per free word. */
  raw: string[];
  /** Quoted phrases, each as folded words. */
  phrases: string[][];
  /** Excluded words or phrases, folded. */
  exclude: string[][];
  type?: EntityType;
  /** Folded outlet name. */
  outlet?: string;
  /** ISO bounds, exclusive: a date must be < before and > after at the precision given. */
  before?: string;
  after?: string;
  /** Problems with the query, in words for the user ("unknown type: foo"). */
  problems: string[];
}

export const QUERY_SYNTAX_HINT = 'words  "exact phrase"  -exclude  type:person|org|place|law  outlet:name  before:2021-06  after:2020';

const TYPES: Record<string, EntityType> = {
  person: 'person',
  people: 'person',
  org: 'organisation',
  organisation: 'organisation',
  organization: 'organisation',
  place: 'place',
  law: 'law',
};

/** Folded words of a piece of text. */
export function foldedWords(text: string): string[] {
  const out: string[] = [];
  scanWords(text, (w) => out.push(w));
  return out;
}

const DATE = /^\d{4}(-\d{1,2}(-\d{1,2})?)?$/;

function isoBound(value: string): string | undefined {
  const v = value.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/\//g, '-');
  if (!DATE.test(v)) return undefined;
  return v
    .split('-')
    .map((p, i) => (i === 0 ? p : p.padStart(2, '0')))
    .join('-');
}

export function parseQuery(query: string): ParsedQuery {
  const q: ParsedQuery = { words: [], raw: [], phrases: [], exclude: [], problems: [] };
  // Tokens: -?"…", key:"…", key:value, or a bare run of non-space characters. Typographic quotes count.
  const re = /(-?)(?:(\w+):)?(?:["“”«»]([^"“”«»]*)["“”«»]?|(\S+))/gu;
  for (const m of query.matchAll(re)) {
    const [, neg, key, quoted, bare] = m;
    const value = quoted ?? bare ?? '';
    const k = key?.toLowerCase();
    if (k === 'type' && !neg) {
      const t = TYPES[value.toLowerCase()];
      if (t) q.type = t;
      else q.problems.push(`unknown type "${value}" (person, org, place or law)`);
    } else if (k === 'outlet' && !neg) {
      const f = foldedWords(value).join(' ');
      if (f) q.outlet = f;
    } else if ((k === 'before' || k === 'after') && !neg) {
      const iso = isoBound(value);
      if (iso) q[k] = iso;
      else q.problems.push(`${k}: wants a date like 2021, 2021-06 or 2021-06-17`);
    } else {
      // An unknown key is just text ("http://…" or "12:30").
      const text = key !== undefined && k !== 'type' && k !== 'outlet' && k !== 'before' && k !== 'after' ? `${key}:${value}` : value;
      const words = foldedWords(text);
      if (words.length === 0) continue;
      if (neg) q.exclude.push(words);
      else if (quoted !== undefined) q.phrases.push(words);
      else {
        // A bare token may hold several words ("الإرهـ.اب" is one, "a/b" two).
        const raws: string[] = [];
        scanWords(text, (_w, s, e) => raws.push(text.slice(s, e)));
        q.words.push(...words);
        q.raw.push(...raws);
      }
    }
  }
  return q;
}

/** True when a date (ISO, any precision) is inside the query's bounds. */
export function dateInBounds(iso: string | undefined, q: Pick<ParsedQuery, 'before' | 'after'>): boolean {
  if (!q.before && !q.after) return true;
  if (!iso) return false;
  if (q.before && iso.slice(0, q.before.length) >= q.before) return false;
  if (q.after && iso.slice(0, q.after.length) <= q.after) return false;
  return true;
}
