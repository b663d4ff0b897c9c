// Bundles scripts/recognitionBench.ts with esbuild and runs it (see that file). `--keep FILE` also keeps the bundle.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'corpus-nav-recognition-'));
try {
  const outfile = join(dir, 'recognitionBench.js');
  await esbuild.build({ entryPoints: [join(root, 'scripts/recognitionBench.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node18', outfile, logLevel: 'warning', define: { __dirname: JSON.stringify(join(root, 'scripts')) } });
  const keep = process.argv.indexOf('--keep');
  if (keep >= 0) copyFileSync(outfile, process.argv[keep + 1]);
  const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
