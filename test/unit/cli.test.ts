import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SEEDS } from './helpers';
import { HOSTILE_FILES, KEPT_SEEDS, writeHostileCorpus } from './hostileFixtures';

const CLI = join(ROOT, 'dist', 'cli.js');

describe('command line: articles', function () {
  this.timeout(30_000); // each test starts Node processes: slow on a loaded machine
  it('prints every seed as JSON keyed by file name', () => {
    const out = JSON.parse(execFileSync(process.execPath, [CLI, 'articles', SEEDS, '--json'], { encoding: 'utf8' }));
    assert.equal(Object.keys(out).length, 5);
    const a = out['001_1f4fa77edfffa84d.txt'];
    assert.equal(a.outlet.text, 'طيف بوست');
    assert.equal(a.date.iso, '2020-07-17');
    assert.ok(Array.isArray(a.sections) && a.sections.length === 3);
    assert.ok(out['003_3234aa2de2427313.txt'].title.derived);
  });

  it('prints a readable summary and fails clearly on a missing folder', () => {
    const ok = spawnSync(process.execPath, [CLI, 'articles', SEEDS], { encoding: 'utf8' });
    assert.equal(ok.status, 0);
    assert.match(ok.stdout, /5 articles/);
    const bad = spawnSync(process.execPath, [CLI, 'articles', join(ROOT, 'no-such-folder')], { encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /cannot read folder .*no-such-folder/);
    const usage = spawnSync(process.execPath, [CLI], { encoding: 'utf8' });
    assert.equal(usage.status, 2);
  });
});

describe('command line: search', function () {
  this.timeout(30_000);
  const search = (...args: string[]) => spawnSync(process.execPath, [CLI, 'search', SEEDS, ...args], { encoding: 'utf8' });

  it('prints ranked entities, articles and passages as JSON with offsets into the files', () => {
    const run = search('لافروف', '--json');
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { file: string; kind: string; start: number; end: number; score: number; snippet: string }[];
    assert.deepEqual([...new Set(out.map((r) => r.kind))], ['entity', 'article', 'passage']);
    for (const r of out) {
      assert.deepEqual(Object.keys(r).sort(), ['end', 'file', 'kind', 'score', 'snippet', 'start']);
      assert.equal(r.file, '000_7244c6ac2c0b5fe9.txt', 'only 000 names Lavrov');
      const text = readFileSync(join(SEEDS, r.file), 'utf8');
      if (r.kind === 'article') assert.equal(text.slice(r.start, r.end), r.snippet, 'an article result is its title');
      else assert.match(text.slice(r.start, r.end), /لافروف/);
    }
    assert.equal(out[0]!.snippet, 'سيرغي لافروف');
  });

  it('honours --limit, an exclusion as the query, and English names', () => {
    const limited = JSON.parse(search('سوريا', '--json', '--limit', '3').stdout) as unknown[];
    assert.equal(limited.length, 3);
    const excluded = JSON.parse(search('بوتين -قيصر', '--json').stdout) as { file: string }[];
    assert.ok(excluded.length > 0 && excluded.every((r) => !['000_7244c6ac2c0b5fe9.txt', '001_1f4fa77edfffa84d.txt'].includes(r.file)));
    const text = search('Caesar Act');
    assert.equal(text.status, 0);
    assert.match(text.stdout, /entity\s+\S+\s+000_7244c6ac2c0b5fe9\.txt:\d+-\d+\s+قانون قيصر/);
    assert.equal(search().status, 2, 'a query is required');
    assert.equal(search('x', '--limit', 'many').status, 2);
  });
});

describe('command line: search --queries', function () {
  this.timeout(30_000);
  let dir = '';
  before(() => (dir = mkdtempSync(join(tmpdir(), 'corpus-nav-queries-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('answers every query of a file from one indexing, a JSON line each, as the single query would', () => {
    const file = join(dir, 'queries.txt');
    writeFileSync(file, 'لافروف\n\n  Caesar Act  \r\nأنطونوف\n');
    const run = spawnSync(process.execPath, [CLI, 'search', SEEDS, '--queries', file, '--limit', '5'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { query: string; results: unknown[] });
    assert.deepEqual(lines.map((l) => l.query), ['لافروف', 'Caesar Act', 'أنطونوف'], 'blank lines skipped, spaces trimmed');
    for (const l of lines) {
      const single = JSON.parse(execFileSync(process.execPath, [CLI, 'search', SEEDS, l.query, '--json', '--limit', '5'], { encoding: 'utf8' }));
      assert.deepEqual(l.results, single, l.query);
    }
    const both = spawnSync(process.execPath, [CLI, 'search', SEEDS, 'لافروف', '--queries', file], { encoding: 'utf8' });
    assert.equal(both.status, 2);
    const missing = spawnSync(process.execPath, [CLI, 'search', SEEDS, '--queries', join(dir, 'none.txt')], { encoding: 'utf8' });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /cannot read the queries file .*none\.txt/);
  });
});

describe('command line: bad input (issue #7)', function () {
  this.timeout(60_000);
  let dir = '';
  before(() => {
    dir = writeHostileCorpus(mkdtempSync(join(tmpdir(), 'corpus-nav-cli-')));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  /** One line on stderr, naming the problem, and no stack trace. */
  const assertOneLine = (stderr: string, pattern: RegExp): void => {
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1, `one line: ${stderr}`);
    assert.match(lines[0]!, pattern);
    assert.doesNotMatch(stderr, /^\s+at |Error:/m, 'no stack trace');
  };

  it('reads a hostile folder: each skipped file on stderr with its reason, UTF-16 files noted, the rest printed', () => {
    const run = cli('articles', dir, '--json');
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as Record<string, { title: { text: string } }>;
    const stderr = run.stderr.trim().split('\n');
    for (const f of HOSTILE_FILES) {
      if ('skipped' in f.expected) {
        const line = stderr.find((l) => l.startsWith(`corpus-navigator: skipped ${f.name}: `));
        assert.ok(line, `${f.name} is reported on stderr`);
        assert.match(line.slice(`corpus-navigator: skipped ${f.name}: `.length), f.expected.skipped);
        assert.equal(out[f.name], undefined);
      } else {
        assert.equal(out[f.name]?.title.text, f.expected.article.title, f.name);
        if (f.expected.article.notice) assert.ok(stderr.some((l) => l.startsWith(`corpus-navigator: ${f.name}: decoded as UTF-16`)), `${f.name} noted`);
      }
    }
    assert.ok(stderr.includes('corpus-navigator: skipped loop.txt: cannot be read: symbolic link loop'));
    assert.ok(stderr.some((l) => l.startsWith('corpus-navigator: skipped loop/: cannot be read: symbolic link loop')));
    for (const s of KEPT_SEEDS) assert.ok(out[s], `${s} is printed`);
    assert.doesNotMatch(run.stderr, /^\s+at /m, 'no stack trace');
    const entities = cli('entities', dir);
    assert.equal(entities.status, 0, entities.stderr);
    assert.match(entities.stderr, /skipped binary\.txt: binary file/);
  });

  it('a missing folder, a file as the folder, a bad option, an unknown command: non-zero, one line, no stack trace', () => {
    const missing = cli('articles', join(dir, 'no-such-folder'));
    assert.equal(missing.status, 1);
    assertOneLine(missing.stderr, /^corpus-navigator: cannot read folder .*no-such-folder: no such folder$/);
    const file = cli('entities', join(dir, 'latin.txt'));
    assert.equal(file.status, 1);
    assertOneLine(file.stderr, /^corpus-navigator: cannot read folder .*latin\.txt: not a folder$/);
    const option = cli('articles', SEEDS, '--jsn');
    assert.equal(option.status, 2);
    assertOneLine(option.stderr, /^corpus-navigator: unknown option --jsn \(see --help\)$/);
    assert.equal(option.stdout, '', 'nothing printed on stdout');
    const searchOption = cli('search', SEEDS, 'سوريا', '--limt', '3');
    assert.equal(searchOption.status, 2);
    assertOneLine(searchOption.stderr, /^corpus-navigator: unknown option --limt \(see --help\)$/);
    const searchMissing = cli('search', join(dir, 'gone'), 'سوريا');
    assert.equal(searchMissing.status, 1);
    assertOneLine(searchMissing.stderr, /no such folder$/);
    const command = cli('artcles', SEEDS);
    assert.equal(command.status, 2);
    assertOneLine(command.stderr, /^corpus-navigator: unknown command "artcles" \(see --help\)$/);
    const noFolder = cli('articles', '--json');
    assert.equal(noFolder.status, 2);
    assertOneLine(noFolder.stderr, /^corpus-navigator: articles needs a folder/);
  });

  it('a folder where every file is skipped exits 1, each named', () => {
    const bad = mkdtempSync(join(tmpdir(), 'corpus-nav-cli-bad-'));
    try {
      writeFileSync(join(bad, 'a.txt'), new Uint8Array([0, 1, 2]));
      writeFileSync(join(bad, 'b.txt'), '');
      const run = cli('articles', bad);
      assert.equal(run.status, 1);
      assert.deepEqual(run.stderr.trim().split('\n'), [
        'corpus-navigator: skipped a.txt: binary file (it contains NUL bytes; or UTF-16 without a byte-order mark)',
        'corpus-navigator: skipped b.txt: empty file',
      ]);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
