import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { snnLikeArticles, SyntheticArticle } from '../support/synthetic';

/** The project's root (tests run from out/test/unit). */
export const ROOT = resolve(__dirname, '../../..');
export const SEEDS = join(ROOT, 'seeds');

export function readSeeds(): { name: string; text: string }[] {
  return readdirSync(SEEDS)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(SEEDS, name), 'utf8') }));
}

/** A fixed "today" so that weekday inference does not drift as years pass. */
export const TODAY = new Date(Date.UTC(2026, 10, 22));

/** snn-dev-like articles: seed sentences recombined into titled, dated, many-paragraph files (test/support/synthetic.ts). */
export function syntheticArticles(count: number): SyntheticArticle[] {
  return snnLikeArticles(readSeeds().map((s) => s.text), count);
}
