import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SEEDS } from './helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

describe('command line: articles', () => {
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

describe('command line: search', () => {
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
