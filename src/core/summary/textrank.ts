/**
 * Extractive summaries: an article's body split into sentences (exact offsets into the original
 * text), ranked by TextRank over their normalised words. Pure TypeScript, no `vscode`.
 *
 * TextRank (Mihalcea & Tarau, 2004): sentences are nodes; two sentences are linked with the weight
 * |shared words| / (log |Si| + log |Sj|); PageRank over that graph ranks the most central ones.
 */
import type { Article } from '../article/article';
import { fold } from '../text/arabic';
import { tokenize } from '../text/tokenize';

export interface Sentence {
  /** Index of the sentence among the article's body sentences, in reading order. */
  index: number;
  /** The sentence exactly as written (trimmed). */
  text: string;
  /** Offsets into the original text. */
  start: number;
  end: number;
  /** 0-based line and columns (a body paragraph is one line). */
  line: number;
  character: number;
  endCharacter: number;
  /** Index into `Article.paragraphs`. */
  paragraph: number;
}

/**
 * A full stop, question or exclamation mark (or a run of them, closing quotes included) followed by
 * white space or the end. Not the ".." a headline uses as a separator (" .. "): a run preceded by a
 * space is no sentence end. An evasion dot (الإرهـ.اب) is followed by a letter and is no end either.
 */
export const SENTENCE_END = /(?<![\s.!?؟…])[.!?؟…]+[”"»’)]*(?=\s|$)/gu;

/** The sentences of one paragraph's text, as [start, end) offsets into it, trimmed; spans with no letter or digit left out. */
export function sentenceSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = 0;
  const push = (to: number): void => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (/[\p{L}\p{N}]/u.test(trimmed)) out.push({ start: from + lead, end: from + lead + trimmed.length });
    from = to;
  };
  for (const m of text.matchAll(SENTENCE_END)) push(m.index! + m[0].length);
  if (from < text.length) push(text.length);
  return out;
}

/** The body's sentences: paragraphs only (no title, subheading or boilerplate line). */
export function splitSentences(article: Pick<Article, 'paragraphs'>): Sentence[] {
  const out: Sentence[] = [];
  article.paragraphs.forEach((p, paragraph) => {
    for (const { start: from, end: to } of sentenceSpans(p.text)) {
      const start = p.range.start + from;
      const character = p.range.character + from;
      out.push({ index: out.length, text: p.text.slice(from, to), start, end: start + to - from, line: p.range.line, character, endCharacter: character + to - from, paragraph });
    }
  });
  return out;
}

/** Function words that say nothing about what a sentence is about (folded forms). */
const STOPWORDS = new Set(
  [
    'في', 'من', 'الى', 'إلى', 'على', 'عن', 'مع', 'ان', 'أن', 'إن', 'او', 'أو', 'ما', 'لا', 'لم', 'لن', 'قد', 'كان', 'كانت', 'يكون', 'هذا',
    'هذه', 'ذلك', 'تلك', 'التي', 'الذي', 'الذين', 'اللذين', 'هو', 'هي', 'هم', 'كما', 'بين', 'بعد', 'قبل', 'حتى', 'ثم', 'كل', 'بعض', 'غير', 'عند',
    'منذ', 'خلال', 'حول', 'لدى', 'اي', 'أي', 'انه', 'أنه', 'انها', 'أنها', 'فيه', 'فيها', 'منه', 'منها', 'عليه', 'عليها', 'له', 'لها', 'لهم', 'به',
    'بها', 'وقد', 'وفي', 'ومن', 'وان', 'وأن', 'اذا', 'إذا', 'ضمن', 'حيث', 'لكن', 'ولكن', 'اما', 'أما', 'وهو', 'وهي', 'ايضا', 'أيضا', 'قال', 'وقال',
    'the', 'a', 'an', 'of', 'and', 'to', 'in', 'on', 'for',
  ].map(fold),
);

/** The word without the clitics that only join it to its neighbours: و, ف, ب, ل, ك, ال, لل. */
function stem(word: string): string {
  let w = word;
  if (w.length > 4 && /^(وال|فال|بال|كال)/.test(w)) return w.slice(3);
  if (w.length > 4 && w.startsWith('لل')) return w.slice(2);
  if (w.length > 3 && w.startsWith('ال')) return w.slice(2);
  if (w.length > 3 && /^[وف]/.test(w)) w = w.slice(1);
  return w;
}

/** The normalised content words of a text (folded, clitics stripped, function words removed). */
export function contentWords(text: string): string[] {
  return tokenize(text)
    .map((t) => t.text)
    .filter((w) => !STOPWORDS.has(w))
    .map(stem)
    .filter((w) => w.length >= 2 && !STOPWORDS.has(w));
}

function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size < 2 || b.size < 2) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared === 0 ? 0 : shared / (Math.log(a.size) + Math.log(b.size));
}

/** TextRank scores of `texts` (one per sentence), summing to 1 when there is any link. */
export function textRank(texts: readonly string[], damping = 0.85, iterations = 100): number[] {
  const n = texts.length;
  if (n === 0) return [];
  const words = texts.map((t) => new Set(contentWords(t)));
  const w: number[][] = words.map((a, i) => words.map((b, j) => (i === j ? 0 : similarity(a, b))));
  const out = w.map((row) => row.reduce((s, x) => s + x, 0));
  let score = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < iterations; it++) {
    const next = new Array<number>(n).fill((1 - damping) / n);
    for (let j = 0; j < n; j++) {
      if (out[j] === 0) {
        // A sentence linked to nothing spreads its score evenly (keeps the total at 1).
        for (let i = 0; i < n; i++) next[i]! += (damping * score[j]!) / n;
        continue;
      }
      for (let i = 0; i < n; i++) if (w[j]![i]! > 0) next[i]! += (damping * score[j]! * w[j]![i]!) / out[j]!;
    }
    const delta = next.reduce((s, x, i) => s + Math.abs(x - score[i]!), 0);
    score = next;
    if (delta < 1e-9) break;
  }
  return score;
}

/** Sentences shorter than this (in content words) are not picked for a summary. */
const MIN_WORDS = 4;

export interface RankedSentence extends Sentence {
  score: number;
}

/** How many sentences a summary of `n` body sentences takes: 3 to 5 (all of them when fewer than 3). */
export function summaryLength(n: number): number {
  return Math.min(n, Math.max(3, Math.min(5, Math.round(n / 5))));
}

/**
 * The 3–5 most central sentences of the article, in reading order. Sentences too short to say
 * anything are ranked but not picked while there are enough others.
 */
export function summarize(article: Pick<Article, 'paragraphs'>, count?: number): RankedSentence[] {
  const sentences = splitSentences(article);
  const scores = textRank(sentences.map((s) => s.text));
  const ranked = sentences.map((s, i) => ({ ...s, score: scores[i]! }));
  const long = ranked.filter((s) => contentWords(s.text).length >= MIN_WORDS);
  const pool = long.length >= 3 ? long : ranked;
  const k = Math.min(pool.length, count ?? summaryLength(sentences.length));
  return [...pool]
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, k)
    .sort((a, b) => a.index - b.index);
}
