/**
 * Tokens of Arabic (and Latin) text for matching names: folded words with their exact range in the
 * original text, and the forms each word takes once its clitics are stripped (و ف ب ل ك, ال, لل …).
 * Names are never stemmed: بلينكن stays بلينكن.
 */
import { FoldedText, foldWithMap } from './arabic';

export interface Token {
  /** The folded word as written (clitics included). */
  text: string;
  /** Offsets into the original text. */
  start: number;
  end: number;
  /** Index of the token in its text. */
  index: number;
  /** Offset of the token in the folded text (for mapping a stripped prefix back). */
  folded: number;
}

/** Letters that attach to the next word as a separate token ("لـ بلينكن", "لـ”الحل نت”"). */
const DETACHED_CLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

export function isDetachedClitic(t: Token): boolean {
  return DETACHED_CLITICS.has(t.text);
}

const COMBINING = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/u;

/** Splits text into word tokens (runs of letters and digits of the folded text). */
export function tokenize(original: string, folded: FoldedText = foldWithMap(original)): Token[] {
  const tokens: Token[] = [];
  for (const m of folded.text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const from = m.index!;
    const to = from + m[0].length;
    let end = folded.ends[to - 1]!;
    // Marks written on the last letter belong to the word (لافروفُ).
    while (end < original.length && COMBINING.test(original[end]!)) end++;
    tokens.push({ text: m[0], start: folded.starts[from]!, end, index: tokens.length, folded: from });
  }
  return tokens;
}

/** A form of a word without some of its leading clitics, and how many characters were stripped. */
export interface Stripped {
  form: string;
  /** Folded characters removed from the front (for mapping the name's start back). */
  prefix: number;
}

const MIN_STEM = 2;

/**
 * The forms a word can stand for once its proclitics are stripped, longest first:
 * والرئيس → والرئيس, الرئيس, رئيس; للرئيس → الرئيس, رئيس; وبلينكن → بلينكن; كالأسد → الأسد, أسد.
 * The word itself comes first; a form is kept only if at least two letters remain.
 */
export function proclitic(word: string): readonly Stripped[] {
  let forms = FORMS.get(word);
  if (!forms) {
    if (FORMS.size >= MAX_CACHED_FORMS) FORMS.clear();
    FORMS.set(word, (forms = strip(word)));
  }
  return forms;
}

/** The forms of words seen (a corpus's vocabulary is small next to its text); cleared when it grows too big. */
const FORMS = new Map<string, readonly Stripped[]>();
const MAX_CACHED_FORMS = 200_000;

function strip(word: string): Stripped[] {
  const out: Stripped[] = [{ form: word, prefix: 0 }];
  const seen = new Set([word]);
  const add = (form: string, prefix: number): void => {
    if (form.length >= MIN_STEM && !seen.has(form)) {
      seen.add(form);
      out.push({ form, prefix });
    }
  };
  // Conjunction (و, ف), then preposition (ب, ل, ك), then the article (ال); "لل" is ل + ال.
  const conj = /^[وف]/.test(word) && word.length > MIN_STEM + 1 ? [0, 1] : [0];
  for (const c of conj) {
    const w1 = word.slice(c);
    if (c) add(w1, c);
    const preps: Array<[string, number]> = [[w1, 0]];
    if (/^لل/.test(w1) && w1.length > 4) preps.push(['ال' + w1.slice(2), 1]); // للرئيس → الرئيس
    if (/^[بلك]/.test(w1) && w1.length > MIN_STEM + 1) preps.push([w1.slice(1), 1]); // للافروف → لافروف
    for (const [w2, p] of preps) {
      if (p) add(w2, c + p);
      if (/^ال/.test(w2) && w2.length > MIN_STEM + 2) add(w2.slice(2), c + p + (w1.startsWith('لل') && p ? 1 : 2));
    }
  }
  return out;
}
