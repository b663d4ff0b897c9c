/**
 * Search benchmark (`npm run bench [-- --json] [-- --folder <dir>] [-- --sizes 1000,5000,20000]`):
 * index time and MB/s, query latency p50/p95 over a fixed query mix, peak RSS, and the same queries
 * with fuse.js over passages (paragraphs) as a baseline. Synthetic corpora are recombined in memory
 * from the seed sentences (nothing is written anywhere). Prints numbers; asserts nothing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { fold } from '../src/core/arabic';
import { SearchIndex } from '../src/core/search/index';

const QUERIES = ['لافروف', 'انطونوف', 'الاسد', 'سوريه', 'الارهاب', 'وبايدن', 'بيدرسن', 'lavrof', 'Caesar Act', '2254', 'بوتين بايدن', 'روسيا واشنطن الحوار', '"منع الاصطدام"', 'بوتين -قيصر', 'type:person الاسد', 'after:2020 سوريا', 'لافر', 'العقوبات الامريكيه'];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function listTxt(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listTxt(p) : n.endsWith('.txt') ? [p] : [];
  });
}

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function synthetic(seedTexts: string[], count: number): { name: string; text: string }[] {
  const sentences = seedTexts.flatMap((t) => t.split(/(?<=[.!؟?])\s+|\n+/u)).map((s) => s.trim()).filter((s) => s.length > 20);
  const r = rng(42);
  const pick = (): string => sentences[Math.floor(r() * sentences.length)]!;
  const out: { name: string; text: string }[] = [];
  for (let i = 0; i < count; i++) {
    const paragraphs: string[] = [pick()];
    const n = 8 + Math.floor(r() * 10);
    for (let p = 0; p < n; p++) paragraphs.push([pick(), pick(), pick()].join(' '));
    out.push({ name: `synthetic_${String(i).padStart(6, '0')}.txt`, text: paragraphs.join('\n\n') });
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

let peakRss = 0;
const sampleRss = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

interface Run {
  articles: number;
  mb: number;
  indexMs: number;
  indexMBps: number;
  queryP50Ms: number;
  queryP95Ms: number;
  rssMB: number;
  baselineQueryP95Ms: number | null;
}

function run(docs: { name: string; text: string }[], baselineQueries: number): Run {
  const mb = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0) / 1048576;
  const index = new SearchIndex();
  const t0 = process.hrtime.bigint();
  for (const d of docs) {
    const firstLine = d.text.indexOf('\n');
    index.add({ id: d.name, name: d.name, text: d.text, title: { text: d.text.slice(0, firstLine < 0 ? d.text.length : firstLine), start: 0, end: firstLine < 0 ? d.text.length : firstLine } });
  }
  const indexMs = Number(process.hrtime.bigint() - t0) / 1e6;
  sampleRss();
  // Warm up (expansion caches are per query word; the measured runs below use them like a user retyping).
  for (const q of QUERIES) index.search(q);
  const times: number[] = [];
  for (let rep = 0; rep < 5; rep++) {
    for (const q of QUERIES) {
      const t = process.hrtime.bigint();
      index.search(q);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  // Cold: a fresh index cache for each query's words (first keystrokes of a new word).
  sampleRss();
  times.sort((a, b) => a - b);
  let baselineQueryP95Ms: number | null = null;
  if (baselineQueries > 0) {
    const passages = docs.flatMap((d) => d.text.split(/\n+/).filter((p) => p.trim()).map((p) => ({ file: d.name, text: fold(p) })));
    const fuse = new Fuse(passages, { keys: ['text'], ignoreLocation: true, threshold: 0.3, includeScore: true });
    const bt: number[] = [];
    for (const q of QUERIES.slice(0, baselineQueries)) {
      const t = process.hrtime.bigint();
      fuse.search(fold(q), { limit: 50 });
      bt.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    sampleRss();
    bt.sort((a, b) => a - b);
    baselineQueryP95Ms = percentile(bt, 95);
  }
  return { articles: docs.length, mb: round(mb), indexMs: round(indexMs), indexMBps: round(mb / (indexMs / 1000)), queryP50Ms: round(percentile(times, 50)), queryP95Ms: round(percentile(times, 95)), rssMB: Math.round(peakRss / 1048576), baselineQueryP95Ms: baselineQueryP95Ms === null ? null : round(baselineQueryP95Ms) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function main(): void {
  const json = process.argv.includes('--json');
  const folder = arg('--folder');
  const root = join(__dirname, '..');
  const corpora: { label: string; docs: { name: string; text: string }[] }[] = [];
  if (folder) {
    corpora.push({ label: folder, docs: listTxt(folder).map((p) => ({ name: p, text: readFileSync(p, 'utf8') })) });
  } else {
    const seeds = listTxt(join(root, 'seeds')).map((p) => readFileSync(p, 'utf8'));
    const sizes = (arg('--sizes') ?? '1000,5000,20000').split(',').map(Number);
    for (const n of sizes) corpora.push({ label: `synthetic ${n}`, docs: synthetic(seeds, n) });
  }
  const baselineQueries = Number(arg('--baseline-queries') ?? 6);
  let last: Run | undefined;
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}; ${QUERIES.length} queries × 5 runs; baseline: fuse.js over paragraphs, first ${baselineQueries} queries`);
  for (const c of corpora) {
    const r = run(c.docs, baselineQueries);
    last = r;
    const ratio = r.baselineQueryP95Ms === null ? '—' : `${round(r.baselineQueryP95Ms / Math.max(r.queryP95Ms, 0.001))}×`;
    console.log(
      `${c.label.padEnd(18)} ${String(r.articles).padStart(6)} articles ${r.mb.toFixed(1).padStart(6)} MB | index ${r.indexMs.toFixed(0).padStart(6)} ms ${r.indexMBps.toFixed(1).padStart(6)} MB/s | query p50 ${r.queryP50Ms.toFixed(2)} ms p95 ${r.queryP95Ms.toFixed(2)} ms | fuse.js p95 ${r.baselineQueryP95Ms ?? '—'} ms (${ratio} slower) | peak RSS ${r.rssMB} MB`,
    );
  }
  if (json && last) console.log(JSON.stringify(last));
}

main();
