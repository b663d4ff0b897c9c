/**
 * Recognition alone, as `npm run bench` measures it ("recognition alone"), for profiling and for comparing two
 * builds: tokenizing and recognizing (`recognizeArticle`: known entities, patterns, discovery) the fresh texts of a
 * folder, in one thread, `--runs` times after a warm-up run. Prints each run's CPU milliseconds (process.cpuUsage,
 * all threads: GC included) and wall milliseconds, then the medians and MB per CPU-second.
 *   node scripts/recognitionBench.mjs [--folder DIR] [--runs N] [--keep FILE] [--against FILE]
 * (`--keep` writes the bundle to FILE too, to run an old build against a new one: `node FILE [--folder …]`.)
 * Run it with `node --cpu-prof` for a profile. The folder defaults to ../shared/corpora/snn-dev.
 * `--against FILE` (a bundle kept with `--keep`) loads that build too and alternates the two builds' runs in this one
 * process, run by run: on a shared machine the load then weighs on both alike. It prints both builds' figures.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { foldWithMap } from '../src/core/text/arabic';
import { Recognizer, recognizeArticle } from '../src/core/entities/recognizer';
import { builtInEntities } from '../src/core/entities/kb';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function listTxt(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? listTxt(p) : n.endsWith('.txt') ? [p] : [];
    });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One run: folds the texts afresh (as the bench does: no tokens kept from the run before), then times recognition. */
export function runOnce(texts: readonly string[]): { cpu: number; wall: number; mentions: number } {
  recognizer ??= new Recognizer(builtInEntities());
  const folded = texts.map((t) => foldWithMap(t));
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let mentions = 0;
  for (let i = 0; i < texts.length; i++) mentions += recognizeArticle(recognizer, texts[i]!, folded[i]!).mentions.length;
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall, mentions };
}
let recognizer: Recognizer | undefined;

function main(): void {
  const folder = arg('--folder') ?? join(__dirname, '../../shared/corpora/snn-dev');
  const runs = Number(arg('--runs') ?? 5);
  const texts = listTxt(folder).map((p) => readFileSync(p, 'utf8'));
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1048576; // MB as the bench counts them (MiB)
  const against = arg('--against');
  // The other build's own copy of the code and of its tables (a bundle has its own modules).
  const builds: Array<{ name: string; run: typeof runOnce; cpu: number[]; wall: number[]; mentions: number }> = [{ name: 'this build', run: runOnce, cpu: [], wall: [], mentions: 0 }];
  if (against !== undefined) builds.push({ name: against, run: (require(resolve(against)) as { runOnce: typeof runOnce }).runOnce, cpu: [], wall: [], mentions: 0 });
  for (let k = 0; k <= runs; k++) {
    // Alternate which build goes first; the first round is the warm-up (the word table and the caches filled).
    for (const b of k % 2 === 0 ? builds : [...builds].reverse()) {
      const r = b.run(texts);
      b.mentions = r.mentions;
      if (k === 0) continue;
      b.cpu.push(r.cpu);
      b.wall.push(r.wall);
    }
  }
  console.log(`${texts.length} files, ${mb.toFixed(2)} MB`);
  for (const b of builds) {
    if (builds.length > 1) console.log(`${b.name}:`);
    console.log(`${b.mentions} mentions; cpu ms: ${b.cpu.map((x) => x.toFixed(0)).join(' ')} | wall ms: ${b.wall.map((x) => x.toFixed(0)).join(' ')}`);
    console.log(`median cpu ${median(b.cpu).toFixed(0)} ms (${(mb / (median(b.cpu) / 1000)).toFixed(2)} MB per CPU-second), wall ${median(b.wall).toFixed(0)} ms`);
  }
}

// Run as a script; required by another build's bench (`--against`), only lend `runOnce`.
if (require.main === module) main();
