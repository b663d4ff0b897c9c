import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

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

/** snn-dev-like articles: seed sentences recombined into titled, dated, many-paragraph files (as the benchmark makes). */
export function syntheticArticles(count: number): { name: string; text: string }[] {
  const sentences = readSeeds()
    .flatMap((s) => s.text.split(/(?<=[.!؟?])\s+|\n+/u))
    .map((s) => s.trim())
    .filter((s) => s.length > 20);
  let seed = 7;
  const r = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const pick = (): string => sentences[Math.floor(r() * sentences.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const paragraphs = [pick(), `الرياض - ${1 + (i % 28)} تموز 2015`];
    for (let p = 0; p < 3 + (i % 5); p++) paragraphs.push([pick(), pick()].join(' '));
    return { name: `snn_${String(i).padStart(4, '0')}_alriyadh_2015-07-21.txt`, text: paragraphs.join('\n\n') };
  });
}
