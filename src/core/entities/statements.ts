/**
 * Statements: the sentences in which a person speaks ("قال لافروف …", "وأكد أنتونوف أن …", "… قال نجار"),
 * found beside the mentions of an article. Pure TypeScript.
 */
import { fold, FoldedText, foldWithMap } from '../text/arabic';
import { foldedSet } from './names';
import { proclitic, tokenize } from '../text/tokenize';

/** What statements read of a mention (recognizer.ts's Mention has these and more). */
interface Mention {
  entity: string;
  type: string;
  start: number;
  end: number;
}

/** A sentence in which a person speaks: "قال لافروف …", "وأكد أنتونوف أن …", "… قال نجار". */
export interface Statement {
  entity: string;
  /** The sentence, as written (shortened when long). */
  text: string;
  start: number;
  end: number;
}

/** Verbs of saying, folded, with the clitic و/ف allowed before them. */
const SPEECH_VERBS = new Set(
  ['قال', 'قالت', 'أكد', 'أكدت', 'أشار', 'أشارت', 'أضاف', 'أضافت', 'صرح', 'صرّح', 'أوضح', 'أوضحت', 'اعتبر', 'شدد', 'لفت', 'ذكر', 'كشف', 'رأى', 'أعلن', 'حذر', 'توقع', 'وصف', 'نفى', 'يقول', 'يرى', 'يشير', 'تابع'].map(fold),
);
const STATEMENT_MAX = 280;
/** How many words (a title: "قال السفير الروسي لدى الولايات المتحدة، أناتولي أنتونوف") may stand between a verb of saying and the name after it. */
const VERB_BEFORE_WINDOW = 8;
/** How many words may stand between the name and a verb of saying after it ("نجار، قال", "أنطونوف ذكر", "… كان قد أكد"). */
const VERB_AFTER_WINDOW = 3;

/**
 * Words after which the name is not the speaker: a preposition or a complementizer ("قالت فيه، إن فيرشينين …",
 * "أشار إلى أن … ترمب", "نقلت عن أنتونوف").
 */
const NOT_SPEAKER_LINK = foldedSet('عن مع بين حول إلى على إن أن أنه أنها إنه إنها فيه فيها لأن بعد خلال ضد من ما');
/** Heads whose complement the name is ("مسؤول في إدارة الرئيس … جو بايدن، كان قد أكد"): the head speaks, not the name. */
const GENITIVE_HEADS = foldedSet('إدارة حكومة نظام عهد رئاسة حزب قوات مكتب فريق مستشار متحدث باسم أنصار مقربين مقرب نظير لنظيره نظيره');

function isSpeechVerb(word: string): boolean {
  return SPEECH_VERBS.has(word) || (/^[وف]/.test(word) && SPEECH_VERBS.has(word.slice(1)));
}

const SENTENCE_END = /[.!?؟:\n]/u;

/**
 * For each person mention, the sentence in which that person speaks: a verb of saying before the name with
 * only a title between ("وأكد لافروف", "قال السفير …، أناتولي أنتونوف"), or right after the name ("نجار، قال",
 * "أنطونوف ذكر") when the name is not the complement of someone else ("مسؤول في إدارة … بايدن، أكد").
 */
export function findStatements(original: string, mentions: readonly Mention[], folded: FoldedText = foldWithMap(original)): Statement[] {
  const tokens = tokenize(original, folded);
  const out: Statement[] = [];
  const seen = new Set<string>();
  // Token index → the person mention covering it (to stop at another person).
  const personAt = new Map<number, Mention>();
  const spans = new Map<Mention, { first: number; last: number }>();
  let k = 0;
  for (const m of mentions) {
    while (k < tokens.length && tokens[k]!.end <= m.start) k++;
    if (k >= tokens.length) break;
    let last = k;
    while (last + 1 < tokens.length && tokens[last + 1]!.start < m.end) last++;
    spans.set(m, { first: k, last });
    if (m.type === 'person') for (let j = k; j <= last; j++) personAt.set(j, m);
  }
  const gapEnds = (a: number, b: number): boolean => SENTENCE_END.test(original.slice(tokens[a]!.end, tokens[b]!.start));

  for (const m of mentions) {
    if (m.type !== 'person') continue;
    const span = spans.get(m);
    if (!span) continue;
    const { first, last } = span;
    let speaks = false;
    // Verb, then (a title), then the name.
    for (let j = first - 1; j >= 0 && j >= first - VERB_BEFORE_WINDOW; j--) {
      if (gapEnds(j, j + 1)) break;
      const w = tokens[j]!.text;
      if (isSpeechVerb(w)) {
        speaks = true;
        break;
      }
      if (NOT_SPEAKER_LINK.has(w) || personAt.has(j)) break;
    }
    // The name, then the verb: unless the name is someone's complement.
    if (!speaks) {
      let complement = false;
      for (let j = first - 1; j >= 0 && j >= first - 4; j--) {
        if (gapEnds(j, j + 1)) break;
        if (GENITIVE_HEADS.has(tokens[j]!.text) || proclitic(tokens[j]!.text).some((f) => GENITIVE_HEADS.has(f.form))) complement = true;
      }
      for (let j = last + 1; !complement && j < tokens.length && j <= last + VERB_AFTER_WINDOW; j++) {
        if (gapEnds(j - 1, j)) break;
        const w = tokens[j]!.text;
        if (isSpeechVerb(w)) {
          speaks = true;
          break;
        }
        if (NOT_SPEAKER_LINK.has(w) || personAt.has(j)) break;
      }
    }
    if (!speaks) continue;
    const { start, end } = sentenceAround(original, m.start, m.end);
    const key = `${m.entity}:${start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ entity: m.entity, text: statementText(original, start, end), start, end });
  }
  return out;
}

/** A statement's text: the sentence [start, end) of `text` as written, shortened when long. */
export function statementText(text: string, start: number, end: number): string {
  const sentence = text.slice(start, end).trim();
  return sentence.length > STATEMENT_MAX ? sentence.slice(0, sentence.lastIndexOf(' ', STATEMENT_MAX)) + '…' : sentence;
}

const NEWLINE = 0x0a;

/** A full stop, an exclamation or a question mark (Latin or Arabic): . ! ? ؟ */
function isStop(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x061f;
}

/** White space, as the regular expression \s matches it. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The sentence holding [start, end): from the previous sentence end (or line start) to the next. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  const at = (i: number): number => text.charCodeAt(i); // NaN past either end: neither a stop nor a space
  let s = start;
  while (s > 0 && at(s - 1) !== NEWLINE && !(isStop(at(s - 1)) && isSpace(at(s)))) s--;
  let e = end;
  while (e < text.length && at(e) !== NEWLINE && !(isStop(at(e)) && (e + 1 >= text.length || isSpace(at(e + 1))))) e++;
  if (e < text.length && at(e) !== NEWLINE) e++;
  return { start: s, end: e };
}
