/**
 * A fast word scanner for indexing and queries: the same words with the same ranges as `tokenize` (both cut words by
 * the rules of wordRules.ts: letters and numbers of the folded text, evasion dots and tatweel inside words ignored,
 * marks on the last letter kept in the range), but in one pass over the original text through a table of each code
 * unit's folded code or class, without building the full offset map. The unit tests check the two agree.
 */
import { fold } from './arabic';
import { evasionDotEnd, isAllWord, isWordCode, markedEnd } from './wordRules';

/** Table values: a folded UTF-16 code for word characters, or one of these. */
const DROP = 0xffff; // diacritics, tatweel, controls: skipped, do not break a word
const SEP = 0xfffe; // punctuation, spaces: end a word
const SLOW = 0xfffd; // surrogates and characters whose folded form is not one code unit
const DOT = 0xfffc; // '.': an evasion mark between Arabic letters, else a separator

let table: Uint16Array | undefined;

function buildTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      t[c] = SLOW;
      continue;
    }
    if (c === 0x2e) {
      t[c] = DOT;
      continue;
    }
    const f = fold(String.fromCharCode(c));
    if (f.length === 0) t[c] = DROP;
    else if (f.length > 1) t[c] = SLOW;
    else t[c] = isWordCode(f.charCodeAt(0)) ? f.charCodeAt(0) : SEP;
  }
  return t;
}

/**
 * Calls `onWord(folded, start, end)` for every word of `text`, in order; `start`/`end` are UTF-16
 * offsets into `text`.
 */
export function scanWords(text: string, onWord: (folded: string, start: number, end: number) => void): void {
  const t = (table ??= buildTable());
  const n = text.length;
  let buf = '';
  let codes: number[] = [];
  let start = -1;
  let lastEnd = 0;
  let lastKept = 0; // original code of the last kept (not dropped) character
  const flush = (): void => {
    if (start < 0) return;
    onWord(buf + String.fromCharCode.apply(null, codes), start, markedEnd(text, lastEnd));
    buf = '';
    codes = [];
    start = -1;
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const v = t[c]!;
    if (v === DROP) continue;
    if (v === DOT) {
      const j = evasionDotEnd(text, i, lastKept);
      if (j >= 0) {
        i = j - 1;
        continue;
      }
      flush();
      lastKept = c;
      continue;
    }
    if (v === SEP) {
      flush();
      lastKept = c;
      continue;
    }
    if (v === SLOW) {
      // A surrogate pair (or a character that folds to several): fold the code point as a whole.
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      const f = fold(String.fromCodePoint(cp));
      lastKept = c;
      if (isAllWord(f)) {
        if (start < 0) start = i;
        buf += String.fromCharCode.apply(null, codes) + f;
        codes = [];
        lastEnd = i + width;
      } else flush();
      i += width - 1;
      continue;
    }
    if (start < 0) start = i;
    codes.push(v);
    lastEnd = i + 1;
    lastKept = c;
  }
  flush();
}
