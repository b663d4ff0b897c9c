/**
 * Parsing a whole corpus: articles are parsed once each; a second look re-dates only the articles
 * whose dateline year was chosen among weekday candidates without context of their own, using the
 * corpus's central year (the median of the years all articles mention).
 */
import { Article, corpusContextYear, parseArticle, ParseOptions } from './article';

export interface ArticleInput {
  name: string;
  text: string;
}

/** True when the article's date would change with a corpus context year. */
export function needsCorpusContext(a: Article): boolean {
  return a.yearsMentioned.length === 0 && a.dates.some((d) => d.yearSource === 'weekday' && (d.candidates?.length ?? 0) > 1);
}

export function parseCorpus(inputs: readonly ArticleInput[], options: Omit<ParseOptions, 'contextYear'> = {}): Article[] {
  const articles = inputs.map((f) => parseArticle(f.name, f.text, options));
  const contextYear = corpusContextYear(articles);
  if (contextYear === undefined) return articles;
  return articles.map((a, i) => (needsCorpusContext(a) ? parseArticle(a.name, inputs[i]!.text, { ...options, contextYear }) : a));
}
