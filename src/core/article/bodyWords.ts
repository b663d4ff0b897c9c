/**
 * How many words an article's body holds (what the Summary panel counts), and the count an article read back from
 * the entry cache was written with, so that counting needs no body.
 */
import type { Article } from './article';
import { countWords } from '../text/wordCount';

/** Words of the article's body (paragraphs and subheadings; no title, byline or boilerplate). */
export function bodyWords(a: Pick<Article, 'paragraphs' | 'subheadings'>): number {
  let n = 0;
  for (const p of a.paragraphs) n += countWords(p.text);
  for (const s of a.subheadings) n += countWords(s.text);
  return n;
}

/** `bodyWords`, or the count the article already knows (one read back from the entry cache: its body is not read). */
export function articleWords(a: Article): number {
  const known = (a as { words?: unknown }).words;
  return typeof known === 'number' ? known : bodyWords(a);
}
