/**
 * What a word is made of, for every tokenizer of the project: which characters are letters or numbers (one table),
 * which marks written on a letter belong to the word's range, and when a '.' inside a word is an evasion mark
 * (الإرهـ.اب) rather than a full stop. `foldWithMap` (arabic.ts) folds by these rules, `tokenize` (tokenize.ts) cuts
 * the folded text into words by them, and `scanWords` (scanner.ts) does both in one pass for indexing; so the two
 * give the same words with the same ranges. No imports: arabic.ts builds on it.
 */

/** True for the Arabic letters (not marks, digits or punctuation). */
export function isArabicLetter(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3) || c === 0x06d5;
}

/** Marks written on a letter (harakat, Quranic marks, superscript alef): on a word's last letter, in its range. */
export function isMark(c: number): boolean {
  return (c >= 0x0610 && c <= 0x061a) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed);
}

/** The end of a word that ends at `end` in `original`, past the marks written on its last letter (لافروفُ). */
export function markedEnd(original: string, end: number): number {
  const n = original.length;
  while (end < n && isMark(original.charCodeAt(end))) end++;
  return end;
}

/**
 * For a '.' at `i` in `original` after an Arabic letter (`lastKept`: the code of the last character kept before it):
 * the offset of the Arabic letter that follows it past any dots and tatweel, when there is one (the dot is an evasion
 * mark inside a word, dropped: الإرهـ.اب is الارهاب), else -1 (a full stop, which ends the word).
 */
export function evasionDotEnd(original: string, i: number, lastKept: number): number {
  if (!isArabicLetter(lastKept)) return -1;
  const n = original.length;
  let j = i + 1;
  while (j < n && (original.charCodeAt(j) === 0x2e || original.charCodeAt(j) === 0x0640)) j++;
  return j < n && isArabicLetter(original.charCodeAt(j)) ? j : -1;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 code unit outside the surrogates: 1 = a letter or number, 2 = not, 0 = not yet known. */
const WORD_UNIT = new Uint8Array(0x10000);
/** Astral code points seen: letter or number? */
const WORD_ASTRAL = new Map<number, boolean>();

/** Whether a code unit (not a surrogate) is a letter or number (`\p{L}`, `\p{N}`): a word's character. */
export function isWordCode(c: number): boolean {
  let w = WORD_UNIT[c]!;
  if (w === 0) WORD_UNIT[c] = w = LETTER_OR_NUMBER.test(String.fromCharCode(c)) ? 1 : 2;
  return w === 1;
}

/** Whether a code point (any plane) is a letter or number. */
export function isWordCodePoint(cp: number): boolean {
  if (cp <= 0xffff) return cp < 0xd800 || cp > 0xdfff ? isWordCode(cp) : false;
  let is = WORD_ASTRAL.get(cp);
  if (is === undefined) WORD_ASTRAL.set(cp, (is = LETTER_OR_NUMBER.test(String.fromCodePoint(cp))));
  return is;
}

/** How many code units of a letter or number (`\p{L}`, `\p{N}`) start at `i` in `s` (0 when none does). */
export function wordUnitsAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdfff) {
    const d = s.charCodeAt(i + 1);
    if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return 0; // a lone surrogate is no letter
    return isWordCodePoint(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) ? 2 : 0;
  }
  let w = WORD_UNIT[c]!;
  if (w === 0) WORD_UNIT[c] = w = LETTER_OR_NUMBER.test(String.fromCharCode(c)) ? 1 : 2;
  return w === 1 ? 1 : 0;
}

/** Whether every character of `s` (a folded character's folding) is a letter or number, and there is one. */
export function isAllWord(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; ) {
    const u = wordUnitsAt(s, i);
    if (u === 0) return false;
    i += u;
  }
  return true;
}
