/**
 * Tokens of Arabic (and Latin) text for matching names: folded words with their exact range in the
 * original text, cut by the rules of wordRules.ts (as `scanWords` cuts them for indexing), and
 * the forms each word takes once its clitics are stripped (و ف ب ل ك, ال, لل …).
 * Names are never stemmed: بلينكن stays بلينكن.
 */
import { FoldedText, foldWithMap } from './arabic';
import { markedEnd, wordUnitsAt } from './wordRules';
import { endingHash, finishHash, HASH_PRIME, HASH_SEED, wordWithHash, type WordFacts } from './wordFacts';

export interface Token {
  /** The folded word as written (clitics included). */
  text: string;
  /** Offsets into the original text. */
  start: number;
  end: number;
  /** Offset of the token in the folded text (for mapping a stripped prefix back). */
  folded: number;
  /** The word's entry in the table of words seen, with what a recognizer's passes learnt of it (see wordFacts.ts). */
  facts: WordFacts;
}

/** Letters that attach to the next word as a separate token ("لـ بلينكن", "لـ”الحل نت”"). */
const DETACHED_CLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

export function isDetachedClitic(t: Token): boolean {
  return t.text.length === 1 && DETACHED_CLITICS.has(t.text);
}

/**
 * False when no proclitic can be stripped from `word` (it starts with none of و ف ب ل ك ا): its only
 * form is the word itself, and `proclitic` need not be asked.
 */
export function mayHaveProclitic(word: string): boolean {
  const c = word.charCodeAt(0);
  return c === 0x0648 || c === 0x0641 || c === 0x0628 || c === 0x0644 || c === 0x0643 || c === 0x0627;
}

/**
 * The tokens last made for a folded text. Every pass over one article runs before the next article is read, so they
 * share them; the article before's tokens are let go as soon as the next is read, however long its folded text is
 * kept (tokens kept per folded text lived as long as their text: a run over many articles held them all).
 */
let last: { folded: FoldedText; original: string; tokens: readonly Token[] } | undefined;

/**
 * Splits text into word tokens (runs of letters and digits of the folded text). With `folded` given,
 * the tokens of the last folded text asked are shared: treat them as read-only.
 */
export function tokenize(original: string, folded?: FoldedText): Token[] {
  if (folded === undefined) return tokensOf(original, foldWithMap(original));
  if (last !== undefined && last.folded === folded && last.original === original) return last.tokens as Token[];
  const tokens = tokensOf(original, folded);
  last = { folded, original, tokens };
  return tokens;
}

function tokensOf(original: string, folded: FoldedText): Token[] {
  const tokens: Token[] = [];
  const text = folded.text;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let u = wordUnitsAt(text, i);
    if (u === 0) {
      i++;
      continue;
    }
    const from = i;
    // The word's hash as it is read (see wordFacts.ts `rangeHash`): the word table is asked without a second pass.
    let h = HASH_SEED;
    do {
      h = Math.imul(h ^ text.charCodeAt(i), HASH_PRIME);
      if (u === 2) h = Math.imul(h ^ text.charCodeAt(i + 1), HASH_PRIME);
      i += u;
    } while (i < n && (u = wordUnitsAt(text, i)) > 0);
    // Marks written on the last letter belong to the word (لافروفُ).
    const end = markedEnd(original, folded.ends[i - 1]!);
    const facts = wordWithHash(text, from, i, finishHash(h));
    tokens.push({ text: facts.word, start: folded.starts[from]!, end, folded: from, facts });
  }
  return tokens;
}

/**
 * A filter over a set of words by their endings. Every form `proclitic` gives is a suffix of its word
 * (or ال + a suffix of three letters or more), so it ends as the word does: a word whose last three
 * characters end no word of the set (and whose last two end no two-letter word of it) can have no
 * form in the set, and need not be stripped or looked up. False positives only (hashes), never false
 * negatives.
 */
export class EndingFilter {
  /** Hashes of the last three characters of the words of three or more. */
  private readonly long: Uint32Array;
  /** Hashes of the shorter words. */
  private readonly short: Uint32Array;
  /** The hash bits kept: 16 for a large set of words; fewer for a few (a text's own names), smaller to make. */
  private readonly mask: number;

  constructor(words: Iterable<string> = [], bits = 16) {
    this.mask = (1 << bits) - 1;
    this.long = new Uint32Array(1 << Math.max(0, bits - 5));
    this.short = new Uint32Array(1 << Math.max(0, bits - 5));
    for (const w of words) this.add(w);
  }

  add(word: string): void {
    const long = word.length >= 3;
    const h = endingHash(word, long ? 3 : 2) & this.mask;
    (long ? this.long : this.short)[h >>> 5]! |= 1 << (h & 31);
  }

  /** False when neither `word` nor any of its stripped forms can be one of the words added. */
  mayMatch(word: string): boolean {
    return this.mayEnd(word.length >= 3 ? endingHash(word, 3) : -1, endingHash(word, 2));
  }

  /** `mayMatch` of a token's word, by the ending hashes its word's entry holds (no string read). */
  mayMatchToken(t: Token): boolean {
    return this.mayEnd(t.facts.ending3, t.facts.ending2);
  }

  private mayEnd(ending3: number, ending2: number): boolean {
    if (ending3 >= 0) {
      const h = ending3 & this.mask;
      if ((this.long[h >>> 5]! & (1 << (h & 31))) !== 0) return true;
    }
    const h = ending2 & this.mask;
    return (this.short[h >>> 5]! & (1 << (h & 31))) !== 0;
  }
}


/** How many word classes were made (each takes a bit of a word's entry). */
let classCount = 0;

/**
 * A class of words asked of tokens by any of their forms (`proclitic`): "is this word, its clitics stripped, a title?".
 * The answer is kept on the word's entry, a bit per class, so a word is stripped and its forms looked up once per
 * class, however many tokens it has. Make a class once, at load, over words that never change.
 */
export class WordClass {
  private readonly bit: number;

  /** `member`: whether a form is of the class. */
  constructor(private readonly member: (form: string) => boolean) {
    if (classCount >= 31) throw new Error('no bit left for another word class');
    this.bit = 1 << classCount++;
  }

  /** A class of the forms in `words`. */
  static of(words: { has(word: string): boolean }): WordClass {
    return new WordClass((form) => words.has(form));
  }

  /** Whether some form of the token's word is of the class (false for no token). */
  has(t: Token | undefined): boolean {
    if (t === undefined) return false;
    const facts = t.facts;
    if ((facts.classesAsked & this.bit) === 0) this.ask(facts);
    return (facts.classes & this.bit) !== 0;
  }

  private ask(facts: WordFacts): void {
    facts.classesAsked |= this.bit;
    if (proclitic(facts.word).some((f) => this.member(f.form))) facts.classes |= this.bit;
  }
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
  if (!mayHaveProclitic(word)) return [{ form: word, prefix: 0 }];
  let forms = FORMS.get(word);
  if (!forms) {
    if (FORMS.size >= MAX_CACHED_FORMS) FORMS.clear();
    // A copy of the word: a slice of an article's text would keep that whole text alive in the cache.
    const key = ownCopy(word);
    FORMS.set(key, (forms = strip(key)));
  }
  return forms;
}

/** The forms of words seen (a corpus's vocabulary is small next to its text); cleared when it grows too big. */
const FORMS = new Map<string, readonly Stripped[]>();
const MAX_CACHED_FORMS = 200_000;

/** The same string in storage of its own (JavaScript engines slice long substrings from their parent). */
function ownCopy(s: string): string {
  if (s.length < 13) return s; // short substrings are copied anyway
  const codes = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode.apply(null, codes.slice(i, i + 4096));
  return out;
}

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
