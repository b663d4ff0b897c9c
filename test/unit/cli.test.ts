import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
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
