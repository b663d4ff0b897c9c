/**
 * The .vsix: packages the built extension (dist/ from `npm run build`) with vsce, as `npm run package` does, reads
 * the zip's central directory and checks that it holds exactly what the installed extension needs.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { ROOT } from './helpers';

interface ZipEntry {
  name: string;
  size: number;
  /** The entry's bytes (stored or deflated entries). */
  read(): Buffer;
}

/** The entries of a zip file, from its central directory (no zip64, no encryption: what vsce writes). */
export function readZip(zip: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    const read = (): Buffer => {
      if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`${name}: compression method ${method}`);
    };
    entries.push({ name, size, read });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Every file the package may hold (paths inside the zip). Anything else fails the test. */
const ALLOWED: RegExp[] = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/dist\/(extension\.js|indexWorker\.js|archive\.js|web\/extension\.js|entities\.schema\.json)$/,
  // Icons, and the webviews' scripts and styles (not their type declarations or tsconfig).
  /^extension\/media\/[\w-]+\.(css|js|svg|png)$/,
  /^extension\/media\/walkthrough\/[\w-]+\.md$/,
  // Screenshots the README and the walkthrough show.
  /^extension\/docs\/[\w-]+\.png$/,
  /^extension\/syntaxes\/corpus-article\.[\w-]+\.json$/,
  // The runtime strings' translations (vscode.l10n): the English bundle and one per language.
  /^extension\/l10n\/bundle\.l10n(\.[\w-]+)?\.json$/,
  // The manifest's strings and their translations.
  /^extension\/package\.nls(\.[\w-]+)?\.json$/,
];

interface Manifest {
  name: string;
  version: string;
  publisher: string;
  main: string;
  browser?: string;
  icon: string;
  l10n?: string;
  scripts: Record<string, string>;
  contributes: {
    viewsContainers: { activitybar: { icon: string }[] };
    views: Record<string, { icon?: string }[]>;
    grammars?: { path: string }[];
    languages?: { configuration?: string }[];
    jsonValidation?: { url: string }[];
    walkthroughs?: { steps: { media: { markdown?: string; image?: string } }[] }[];
  };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
/** A path from package.json ("./dist/x.js", "media/y.png") as its name inside the zip. */
const inZip = (p: string): string => `extension/${posix.normalize(p).replace(/^\.\//, '')}`;

describe('the .vsix package', function () {
  this.timeout(120_000);
  let dir = '';
  let entries: ZipEntry[] = [];
  let bytes = 0;
  const vsixName = `${manifest.name}-${manifest.version}.vsix`;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-nav-vsix-'));
    // The flags of `npm run package` (minus its build: the test runs on the build `npm test` just made).
    const script = manifest.scripts['package'] ?? '';
    const flags = script.slice(script.indexOf('vsce package') + 'vsce package'.length).trim().split(/\s+/).filter(Boolean);
    assert.ok(script.includes('vsce package') && !flags.includes('-o') && !flags.includes('--out'), `npm run package writes ${vsixName}: ${script}`);
    const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const r = spawnSync(process.execPath, [vsce, 'package', ...flags, '-o', join(dir, vsixName)], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, `vsce package failed:\n${r.stdout}\n${r.stderr}`);
    const zip = readFileSync(join(dir, vsixName));
    bytes = zip.length;
    entries = readZip(zip);
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds only the bundle, media, grammar, screenshots and the manifest and docs: nothing unexpected', () => {
    const unexpected = entries.map((e) => e.name).filter((n) => !ALLOWED.some((re) => re.test(n)));
    assert.deepEqual(unexpected, [], `unexpected files in the .vsix: ${unexpected.join(', ')}`);
    for (const n of ['extension/package.json', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt', 'extension/dist/extension.js', 'extension/dist/indexWorker.js', 'extension/dist/archive.js']) {
      assert.ok(entries.some((e) => e.name === n), `${n} is packaged`);
    }
    // 3 MB, plus the archive client (dist/archive.js: mysql2, minified, ~110 KB compressed).
    assert.ok(bytes < 3.15 * 1024 * 1024, `the .vsix is lean (${(bytes / 1024).toFixed(0)} KB)`);
  });

  it('holds every file the manifest and the walkthrough pages point at', () => {
    const names = new Set(entries.map((e) => e.name));
    const c = manifest.contributes;
    const wanted = [
      manifest.main,
      manifest.browser,
      manifest.icon,
      ...c.viewsContainers.activitybar.map((x) => x.icon),
      ...Object.values(c.views).flatMap((vs) => vs.map((v) => v.icon)),
      ...(c.grammars ?? []).map((g) => g.path),
      ...(c.languages ?? []).map((l) => l.configuration),
      ...(c.jsonValidation ?? []).map((j) => j.url),
    ].filter((p): p is string => typeof p === 'string');
    for (const step of (c.walkthroughs ?? []).flatMap((w) => w.steps)) {
      const md = step.media.markdown;
      if (!md) continue;
      wanted.push(md);
      // Images of a walkthrough page resolve against the page's folder, anywhere inside the extension.
      for (const [, src] of readFileSync(join(ROOT, md), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) wanted.push(posix.join(posix.dirname(md), src!));
    }
    // Every translation of the manifest (package.nls*.json) and every bundle of package.json's l10n folder.
    wanted.push(...readdirSync(ROOT).filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f)));
    if (manifest.l10n) wanted.push(...readdirSync(join(ROOT, manifest.l10n)).filter((f) => f.endsWith('.json')).map((f) => posix.join(manifest.l10n!, f)));
    // The README's images: the Extensions view renders the README from the installed folder.
    for (const [, src] of readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) wanted.push(src!);
    assert.ok(wanted.length > 10);
    const missing = wanted.filter((p) => !names.has(inZip(p)));
    assert.deepEqual(missing, [], `referenced but not packaged: ${missing.join(', ')}`);
  });

  it('packages our package.json and the bundle as built', () => {
    const entry = (n: string): ZipEntry => entries.find((e) => e.name === n)!;
    const packaged = JSON.parse(entry('extension/package.json').read().toString('utf8')) as Manifest;
    assert.equal(`${packaged.publisher}.${packaged.name}@${packaged.version}`, `${manifest.publisher}.${manifest.name}@${manifest.version}`);
    assert.deepEqual(packaged.contributes, manifest.contributes);
    const bundle = entry('extension/dist/extension.js');
    assert.ok(bundle.read().equals(readFileSync(join(ROOT, 'dist', 'extension.js'))), 'dist/extension.js is packaged byte for byte');
    const vsixManifest = entry('extension.vsixmanifest').read().toString('utf8');
    assert.match(vsixManifest, /<Icon>extension\/media\/icon\.png<\/Icon>/);
  });
});

describe('the web extension bundle (dist/web/extension.js)', () => {
  const web = readFileSync(join(ROOT, 'dist', 'web', 'extension.js'), 'utf8');

  it('is the manifest\'s browser entry and needs no module but vscode', () => {
    assert.equal(manifest.browser, './dist/web/extension.js');
    const required = new Set([...web.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
    assert.deepEqual([...required], ['vscode']);
  });

  it('uses no Node global (process, Buffer, __dirname, setImmediate)', () => {
    const nodeOnly = web.match(/\bprocess\.(env|cwd|platform|argv|nextTick|versions|hrtime|memoryUsage)\b|\bBuffer\.(from|alloc|isBuffer|concat)\b|\b__dirname\b|\b__filename\b|\bsetImmediate\(/g);
    assert.equal(nodeOnly, null, `Node-only references: ${nodeOnly?.join(', ')}`);
  });
});
