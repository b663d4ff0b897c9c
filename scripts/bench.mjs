// `npm run bench`: bundles scripts/bench.ts with esbuild into a temporary folder and runs it with the given arguments.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'corpus-nav-bench-'));
try {
  const outfile = join(dir, 'bench.js');
  await esbuild.build({ entryPoints: [join(root, 'scripts/bench.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node18', outfile, logLevel: 'warning', define: { __dirname: JSON.stringify(join(root, 'scripts')) } });
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', '--expose-gc', outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
