/**
 * Recognition alone, as `npm run bench` measures it ("recognition alone"), for profiling and for comparing two
 * builds: tokenizing and recognizing (`recognizeArticle`: known entities, patterns, discovery) the fresh texts of a
 * folder, in one thread, `--runs` times after a warm-up run. Prints each run's CPU milliseconds (process.cpuUsage,
 * all threads: GC included) and wall milliseconds, then the medians and MB per CPU-second.
 *   node scripts/recognitionBench.mjs [--folder DIR] [--runs N] [--keep FILE]
 * (`--keep` writes the bundle to FILE too, to run an old build against a new one: `node FILE [--folder …]`.)
 * Run it with `node --cpu-prof` for a profile. The folder defaults to ../shared/corpora/snn-dev.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

function main(): void {
  const folder = arg('--folder') ?? join(__dirname, '../../shared/corpora/snn-dev');
  const runs = Number(arg('--runs') ?? 5);
  const texts = listTxt(folder).map((p) => readFileSync(p, 'utf8'));
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1048576; // MB as the bench counts them (MiB)
  const recognizer = new Recognizer(builtInEntities());
  const cpu: number[] = [];
  const wall: number[] = [];
  let mentions = 0;
  for (let k = 0; k <= runs; k++) {
    // Fresh folded texts each run, as the bench does: no tokens kept from the run before (the word table is).
    const folded = texts.map((t) => foldWithMap(t));
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    let found = 0;
    for (let i = 0; i < texts.length; i++) found += recognizeArticle(recognizer, texts[i]!, folded[i]!).mentions.length;
    const w = Number(process.hrtime.bigint() - t0) / 1e6;
    const c = process.cpuUsage(c0);
    mentions = found;
    if (k === 0) continue; // the warm-up: the word table and the caches filled
    cpu.push((c.user + c.system) / 1000);
    wall.push(w);
  }
  console.log(`${texts.length} files, ${mb.toFixed(2)} MB, ${mentions} mentions`);
  console.log(`cpu ms: ${cpu.map((x) => x.toFixed(0)).join(' ')} | wall ms: ${wall.map((x) => x.toFixed(0)).join(' ')}`);
  console.log(`median cpu ${median(cpu).toFixed(0)} ms (${(mb / (median(cpu) / 1000)).toFixed(2)} MB per CPU-second), wall ${median(wall).toFixed(0)} ms`);
}

main();
