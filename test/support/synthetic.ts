/**
 * Synthetic corpora: the seed articles' sentences recombined into many articles, deterministically. One generator,
 * and the three corpora made with it (each keeps the text it always had, so figures and expected values made from it
 * stay comparable):
 * - `snnLikeArticles`, the unit tests': few, short, titled and dated like snn-dev's files;
 * - `workbenchArticles`, the VS Code harness's scale workspace: long articles, file names dated over two years;
 * - `heapsArticles`, the benchmark's: long articles whose vocabulary grows with the corpus, as news does.
 * Pure TypeScript (no `vscode`, no file system): callers pass the seed texts.
 */
import { Random } from './random';

export interface SyntheticArticle {
  name: string;
  text: string;
}

export interface SyntheticOptions {
  /** The sequence every choice is drawn from. */
  random: Random;
  /** The file name of the i-th article (from 0). */
  name(i: number): string;
  /** The first line, from a drawn sentence (default: the sentence). */
  title?(sentence: string): string;
  /** A paragraph after the title that draws nothing, e.g. a dateline (default: none). */
  dateline?(i: number): string;
  /** How many body paragraphs the i-th article has, drawing from `random` or not. */
  paragraphs(i: number, random: Random): number;
  /** Drawn sentences per body paragraph. */
  sentencesPerParagraph: number;
  /**
   * Two invented words put at drawn places into each sentence of a paragraph but its last: new words at a rate that
   * makes the vocabulary grow with the corpus, else earlier ones, the frequent more often (default: none).
   */
  inventedWords?: boolean;
}

/** The seed texts' sentences, as every generator here cuts them: at sentence ends and lines; longer than 20 characters. */
export function seedSentences(seedTexts: readonly string[]): string[] {
  return seedTexts
    .flatMap((t) => t.split(/(?<=[.!؟?])\s+|\n+/u))
    .map((s) => s.trim())
    .filter((s) => s.length > 20);
}

const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';

/** `count` articles: a title, an optional dateline, then paragraphs of drawn sentences, separated by blank lines. */
export function syntheticArticles(seedTexts: readonly string[], count: number, options: SyntheticOptions): SyntheticArticle[] {
  const sentences = seedSentences(seedTexts);
  const r = options.random;
  const pick = (): string => r.pick(sentences);
  const invented: string[] = [];
  const word = (): string => {
    if (invented.length === 0 || r.float() < 0.35) {
      let w = '';
      for (let k = 4 + Math.floor(r.float() * 5); k > 0; k--) w += LETTERS[Math.floor(r.float() * LETTERS.length)];
      invented.push(w);
      return w;
    }
    return invented[Math.floor(invented.length * r.float() ** 3)]!;
  };
  const withWords = (sentence: string): string => {
    const words = sentence.split(' ');
    for (let k = 0; k < 2; k++) words.splice(1 + Math.floor(r.float() * (words.length - 1)), 0, word());
    return words.join(' ');
  };
  const out: SyntheticArticle[] = [];
  for (let i = 0; i < count; i++) {
    const first = pick();
    const paragraphs = [options.title ? options.title(first) : first];
    if (options.dateline) paragraphs.push(options.dateline(i));
    const n = options.paragraphs(i, r);
    for (let p = 0; p < n; p++) {
      const drawn: string[] = [];
      for (let s = 0; s < options.sentencesPerParagraph; s++) {
        const sentence = pick();
        drawn.push(options.inventedWords && s < options.sentencesPerParagraph - 1 ? withWords(sentence) : sentence);
      }
      paragraphs.push(drawn.join(' '));
    }
    out.push({ name: options.name(i), text: paragraphs.join('\n\n') });
  }
  return out;
}

/**
 * snn-dev-like articles for the unit tests: a title, a dateline, 3–7 paragraphs of two sentences; names as snn-dev's
 * files are named.
 */
export function snnLikeArticles(seedTexts: readonly string[], count: number): SyntheticArticle[] {
  return syntheticArticles(seedTexts, count, {
    random: Random.lcg(7),
    name: (i) => `snn_${String(i).padStart(4, '0')}_alriyadh_2015-07-21.txt`,
    dateline: (i) => `الرياض - ${1 + (i % 28)} تموز 2015`,
    paragraphs: (i) => 3 + (i % 5),
    sentencesPerParagraph: 2,
  });
}

/**
 * The VS Code harness's scale workspace: a title line (90 characters at most), then 8–17 paragraphs of three
 * sentences; file names carry a date over two years (so the Articles view has months to group by).
 */
export function workbenchArticles(seedTexts: readonly string[], count: number): SyntheticArticle[] {
  return syntheticArticles(seedTexts, count, {
    random: Random.lcg(42),
    name: (i) => `gen_${String(i).padStart(5, '0')}_${new Date(Date.UTC(2021, 0, 1) + (i % 730) * 86_400_000).toISOString().slice(0, 10)}.txt`,
    title: (sentence) => sentence.slice(0, 90),
    paragraphs: (_, random) => 8 + Math.floor(random.float() * 10),
    sentencesPerParagraph: 3,
  });
}

/**
 * The benchmark's articles: seed sentences recombined, with words of their own. Recombined sentences alone have the
 * seeds' ~1,000 words whatever the size, where news grows its vocabulary with its size (Heaps' law: snn-dev's 3.7 MB
 * has ~50,000 distinct folded words; 174 MB of news would have ~400,000). So each paragraph also gets a few
 * invented words (names, places, rarer forms): new ones at a rate that gives about that growth, else earlier ones,
 * the frequent more often. A title, then 8–17 paragraphs of three sentences.
 */
export function heapsArticles(seedTexts: readonly string[], count: number): SyntheticArticle[] {
  return syntheticArticles(seedTexts, count, {
    random: Random.mulberry32(42),
    name: (i) => `synthetic_${String(i).padStart(6, '0')}.txt`,
    paragraphs: (_, random) => 8 + Math.floor(random.float() * 10),
    sentencesPerParagraph: 3,
    inventedWords: true,
  });
}
