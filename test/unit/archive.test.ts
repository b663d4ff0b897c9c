/**
 * The archive engine against a real cluster: two searchd agents with real-time indexes and a third holding a
 * distributed index over them, on loopback (test/support/sphinxCluster.ts). The seeds and a generated corpus go in
 * through the CLI's `index-to`; the same queries go to the in-process engine (words in their clitic forms only,
 * `fuzzy: false`, as the archive matches them) and to the archive: the same articles must come back, and the archive's
 * ranges must be the exact ranges our own engine finds. Without searchd these tests fail (they do not skip).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtInEntities } from '../../src/core/entities/kb';
import { Recognizer } from '../../src/core/entities/recognizer';
import { buildSearchIndex } from '../../src/core/search/corpusSearch';
import type { SearchIndex } from '../../src/core/search/index';
import { ArchiveSearch } from '../../src/node/archive/archiveSearch';
import { deletedSince, type Stored } from '../../src/node/archive/loader';
import { ArchiveError, parseServerAddress, type ServerAddress, SphinxClient, sqlString } from '../../src/node/archive/sphinxql';
import { ArchiveUpdater, type BatchReport, type ChangedFile, type UpdaterOptions } from '../../src/node/archive/updates';
import { type Cluster, startCluster } from '../support/sphinxCluster';
import { ROOT, readSeeds, syntheticArticles } from './helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

/** Queries of every part of the syntax; each must find something in the test corpus (checked). */
const QUERIES = [
  'لافروف',
  'سوريا',
  'الرئيس',
  'بوتين بايدن',
  'وزير الخارجية',
  '"وزير الخارجية"',
  '"مجلس الأمن"',
  'روسيا -بايدن',
  'سوريا -"وزير الخارجية"',
  'الخارجية outlet:"طيف بوست"',
  'سوريا after:2020',
  'سوريا before:2021-06',
  'موسكو after:2015-07-20 before:2016',
  'واشنطن',
  'للرئيس',
];

function address(text: string): ServerAddress {
  const a = parseServerAddress(text);
  if ('error' in a) throw new Error(a.error);
  return a;
}

function cli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
}

/** Files of the in-process engine's passages (every article holding every clause), with `fuzzy: false`. */
function inProcessFiles(index: SearchIndex, q: string): Set<string> {
  const r = index.search(q, { fuzzy: false, limit: { entity: 0, article: 0, passage: 100_000 } });
  return new Set(r.passages.map((p) => p.file));
}

describe('archive: a Sphinx cluster answers as the in-process engine', function () {
  this.timeout(300_000);
  let cluster: Cluster;
  let folder: string;
  let index: SearchIndex;
  let archive: ArchiveSearch;
  let agents: string;
  const texts = new Map<string, string>();

  before(async () => {
    cluster = await startCluster(2);
    folder = mkdtempSync(join(tmpdir(), 'corpus-nav-archive-corpus-'));
    const inputs = [...readSeeds().map((s) => ({ name: `seeds/${s.name}`, text: s.text })), ...syntheticArticles(80).map((s) => ({ name: `gen/${s.name}`, text: s.text }))];
    for (const f of inputs) {
      mkdirSync(join(folder, f.name, '..'), { recursive: true });
      writeFileSync(join(folder, f.name), f.text);
      texts.set(f.name, f.text);
    }
    index = buildSearchIndex(inputs, new Recognizer(builtInEntities()));
    agents = cluster.agents.map((a) => a.address).join(',');
    const run = cli('index-to', agents, folder);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /85 files written \(0 replaced\), 0 unchanged/);
    archive = new ArchiveSearch(address(cluster.dist.address));
  });

  after(async () => {
    await archive?.close();
    await cluster?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('holds every file once, shared out between the two agents', async () => {
    assert.equal(await archive.size(), 85);
    const sizes = await Promise.all(cluster.agents.map((a) => new ArchiveSearch(address(a.address)).size()));
    assert.equal(sizes[0]! + sizes[1]!, 85);
    assert.ok(sizes.every((n) => n > 0), `both agents hold files: ${sizes}`);
  });

  for (const q of QUERIES) {
    it(`finds the same articles as the in-process engine: ${q}`, async () => {
      const expected = inProcessFiles(index, q);
      assert.ok(expected.size > 0, 'the query finds something');
      const r = await archive.search(q, { limit: { entity: 0, article: 1000, passage: 0 } });
      assert.deepEqual(new Set(r.articles.map((a) => a.file)), expected);
      // An article result is its title (as our parser gives it: a derived one is shortened), at its range.
      const titles = new Map(index.documents().map((d) => [d.id, d.title]));
      for (const a of r.articles) {
        assert.equal(a.snippet, titles.get(a.file));
        assert.ok(texts.get(a.file)!.slice(a.start, a.end).startsWith(a.snippet.replace(/…$/, '')), a.file);
      }
    });
  }

  it('gives every occurrence of a word or a phrase at the exact range our engine finds', async () => {
    for (const word of ['لافروف', 'الرئيس', 'للرئيس', 'سوريا', 'وزير الخارجية', 'مجلس الأمن']) {
      const expected = index.occurrences({ word }).map((o) => `${o.doc.id}:${o.start}-${o.end}`);
      assert.ok(expected.length > 0);
      const q = word.includes(' ') ? `"${word}"` : word;
      const r = await archive.search(q, { limit: { entity: 0, article: 0, passage: 100_000 } });
      const got = r.passages.flatMap((p) => p.matches.map(([s, e]) => `${p.file}:${s}-${e}`));
      assert.deepEqual(got.sort(), expected.sort(), word);
      for (const p of r.passages) {
        const text = texts.get(p.file)!;
        assert.equal(p.start, Math.min(...p.matches.map((m) => m[0])));
        assert.equal(p.end, Math.max(...p.matches.map((m) => m[1])));
        // The snippet shows the matched words where the highlights say.
        const matched = new Set(p.matches.map(([s, e]) => text.slice(s, e)));
        assert.ok(p.highlights.length > 0);
        for (const [s, e] of p.highlights) assert.ok(matched.has(p.snippet.slice(s, e)), p.snippet.slice(s, e));
      }
    }
  });

  it('keeps clitics out of a match as our engine does (للرئيس, وبايدن)', async () => {
    const r = await archive.search('بايدن', { limit: { entity: 0, article: 0, passage: 1000 } });
    const shown = new Set(r.passages.flatMap((p) => p.matches.map(([s, e]) => texts.get(p.file)!.slice(s, e))));
    assert.ok(shown.has('بايدن'));
    assert.ok(![...shown].some((w) => w.startsWith('وبايدن')), `${[...shown]}`);
  });

  it('counts the articles naming each entity with GROUP BY, as recognised on our side', async () => {
    const all = index.entities().map((e) => e.id).filter((id) => index.occurrences({ entity: id }).length > 0);
    assert.ok(all.length >= 10, `entities named: ${all.length}`);
    const counts = await archive.entityCounts(all);
    for (const id of all) {
      const occ = index.occurrences({ entity: id });
      const files = new Set(occ.map((o) => o.doc.id));
      const lines = new Set(occ.map((o) => `${o.doc.id}:${texts.get(o.doc.id)!.lastIndexOf('\n', o.start)}`));
      assert.deepEqual(counts.get(id), { articles: files.size, lines: lines.size }, id);
    }
  });

  it('skips unchanged files on a re-run, and replaces a changed one in place', async () => {
    const again = cli('index-to', agents, folder);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stderr, /0 files written \(0 replaced\), 85 unchanged/);
    const name = 'seeds/000_7244c6ac2c0b5fe9.txt';
    appendFileSync(join(folder, name), '\nزنجبيل مكتوب في النهاية.\n');
    const changed = cli('index-to', agents, folder);
    assert.equal(changed.status, 0, changed.stderr);
    assert.match(changed.stderr, /1 files written \(1 replaced\), 84 unchanged/);
    assert.equal(await archive.size(), 85, 'no second copy of the file');
    const text = readFileSync(join(folder, name), 'utf8');
    const r = await archive.search('زنجبيل', { limit: { entity: 0, article: 10, passage: 10 } });
    assert.deepEqual(r.articles.map((a) => a.file), [name]);
    assert.equal(r.passages.length, 1);
    assert.equal(text.slice(r.passages[0]!.start, r.passages[0]!.end), 'زنجبيل');
    // What the old version held is still found once, not twice.
    const lavrov = await archive.search('لافروف', { limit: { entity: 0, article: 0, passage: 1000 } });
    const found = lavrov.passages.flatMap((p) => p.matches.map(([s, e]) => `${p.file}:${s}-${e}`));
    assert.equal(found.length, new Set(found).size);
    assert.equal(found.length, index.occurrences({ word: 'لافروف' }).length);
  });

  it('removes the files deleted from the folder since the last load; --keep-deleted keeps them', async () => {
    const name = [...texts.keys()].find((n) => n.startsWith('gen/'))!;
    const dist = await SphinxClient.connect(address(cluster.dist.address));
    const rows = async (): Promise<number> => {
      const article = await dist.select(`SELECT file FROM corpus WHERE kind=0 AND path=${sqlString(name)}`);
      if (article.length === 0) return 0;
      return (await dist.select(`SELECT id FROM corpus WHERE file=${Number(article[0]!.file)} LIMIT 10000 OPTION max_matches=10000`)).length;
    };
    try {
      assert.ok((await rows()) > 2, 'the file is there, its lines with it');
      rmSync(join(folder, name));
      const kept = cli('index-to', agents, folder, '--keep-deleted');
      assert.equal(kept.status, 0, kept.stderr);
      assert.match(kept.stderr, /0 files written \(0 replaced\), 84 unchanged, 0 unreadable, 0 removed/);
      assert.equal(await archive.size(), 85);
      const run = cli('index-to', agents, folder);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /0 files written \(0 replaced\), 84 unchanged, 0 unreadable, 1 removed/);
      assert.equal(await archive.size(), 84);
      assert.equal(await rows(), 0, 'no row of the file is left, line or article');
      // Back in the folder: written again, as a new file.
      writeFileSync(join(folder, name), texts.get(name)!);
      const back = cli('index-to', agents, folder);
      assert.match(back.stderr, /1 files written \(0 replaced\), 84 unchanged, 0 unreadable, 0 removed/);
      assert.equal(await archive.size(), 85);
    } finally {
      await dist.close();
    }
  });

  it('answers the CLI search --server with the in-process output shape', () => {
    const run = cli('search', '--server', cluster.dist.address, 'لافروف', '--json');
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as Record<string, unknown>[];
    assert.ok(out.length > 0);
    for (const r of out) assert.deepEqual(Object.keys(r).sort(), ['end', 'file', 'kind', 'score', 'snippet', 'start']);
    const local = JSON.parse(cli('search', folder, 'لافروف', '--json').stdout) as { file: string }[];
    assert.deepEqual(new Set(out.map((r) => r.file)), new Set(local.filter((r) => (r as { kind?: string }).kind !== 'entity').map((r) => r.file)));
  });
});

describe('in-process search with fuzzy: false (what the archive is compared with)', () => {
  it('matches each word in its clitic forms only: no prefixes, spelling variants or English names', () => {
    const index = buildSearchIndex(readSeeds(), new Recognizer(builtInEntities()));
    const files = (q: string, fuzzy: boolean) => new Set(index.search(q, { fuzzy, limit: { entity: 0, article: 0, passage: 1000 } }).passages.map((p) => p.file));
    for (const q of ['لافر', 'بيدرسن', 'lavrof']) {
      assert.ok(files(q, true).size > 0, `${q} finds something fuzzily`);
      assert.equal(files(q, false).size, 0, `${q} finds nothing as written`);
    }
    // A clitic form still finds the word: وبايدن → بايدن and its other forms.
    assert.deepEqual(files('وبايدن', false), files('بايدن', false));
    assert.ok(files('بايدن', false).size > 0);
  });
});

describe('archive: what index-to removes (deletedSince)', () => {
  const stored = new Map<string, Stored>(['a.txt', 'sub/b.txt', 'locked/c.txt', 'gone.txt'].map((p, i) => [p, { fileNo: i + 1, hash: 'h', lines: 1, target: 0 }]));
  it('the files the folder no longer lists, not those under a folder it could not read', () => {
    const listing = [{ name: 'a.txt' }, { name: 'sub/b.txt', problem: 'permission denied' }, { name: 'locked/', problem: 'folder cannot be read: permission denied' }];
    assert.deepEqual(deletedSince(stored, listing).map((s) => s.fileNo), [4]);
  });
  it('nothing when the folder lists no readable file (not mounted, a wrong path)', () => {
    assert.deepEqual(deletedSince(stored, []), []);
    assert.deepEqual(deletedSince(stored, [{ name: 'locked/', problem: 'folder cannot be read' }]), []);
  });
});

describe('archive: a server that is down', function () {
  this.timeout(30_000);

  async function closedPort(): Promise<number> {
    return new Promise((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => resolve(port));
      });
    });
  }

  it('gives a clear error naming the host and port', async () => {
    const port = await closedPort();
    const archive = new ArchiveSearch({ host: '127.0.0.1', port, index: 'corpus' }, { timeoutMs: 2000 });
    await assert.rejects(archive.search('سوريا'), (e: unknown) => e instanceof ArchiveError && e.message.startsWith(`127.0.0.1:${port}: connection refused`));
    const run = cli('search', '--server', `127.0.0.1:${port}/corpus`, 'سوريا');
    assert.equal(run.status, 1);
    assert.match(run.stderr, new RegExp(`corpus-navigator: 127\\.0\\.0\\.1:${port}: connection refused`));
    const load = cli('index-to', `127.0.0.1:${port}`, join(ROOT, 'seeds'));
    assert.equal(load.status, 1);
    assert.match(load.stderr, new RegExp(`127\\.0\\.0\\.1:${port}: connection refused`));
  });

  it('gives up on a server that accepts but never answers, naming it, within the timeout', async () => {
    // A listener that takes connections and says nothing (a hung searchd, a firewall that black-holes).
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    try {
      const archive = new ArchiveSearch({ host: '127.0.0.1', port, index: 'corpus' }, { timeoutMs: 1000 });
      const t0 = Date.now();
      await assert.rejects(archive.search('سوريا'), (e: unknown) => e instanceof ArchiveError && e.message === `127.0.0.1:${port}: no answer in time`);
      assert.ok(Date.now() - t0 < 10_000, `gave up after ${Date.now() - t0} ms`);
      await archive.close();
    } finally {
      silent.close();
    }
  });

  it('rejects an address that is not host:port[/index]', () => {
    assert.ok('error' in parseServerAddress('localhost'));
    assert.deepEqual(parseServerAddress('10.0.0.5:9306'), { host: '10.0.0.5', port: 9306, index: 'corpus' });
    assert.deepEqual(parseServerAddress('[::1]:9306/news'), { host: '::1', port: 9306, index: 'news' });
  });
});

describe('archive: live updates of the agents (ArchiveUpdater)', function () {
  this.timeout(120_000);
  let cluster: Cluster;
  let folder: string;
  let archive: ArchiveSearch;
  let dist: SphinxClient;
  const recognizer = new Recognizer(builtInEntities());
  const seeds = readSeeds();
  const source = (name: string, text: string | undefined): ChangedFile => ({ name, read: async () => text });
  const updater = (options: UpdaterOptions = {}): ArchiveUpdater =>
    new ArchiveUpdater(cluster.agents.map((a) => address(a.address)), { recognizer: () => recognizer, quietMs: 300, ...options });
  /** The rows of a file as the distributed index answers them, without what numbers and names it. */
  const rowsOf = async (path: string): Promise<Record<string, unknown>[]> => {
    const article = await dist.select(`SELECT file FROM corpus WHERE kind=0 AND path=${sqlString(path)}`);
    if (article.length === 0) return [];
    const rows = await dist.select(`SELECT * FROM corpus WHERE file=${Number(article[0]!.file)} ORDER BY id ASC LIMIT 10000 OPTION max_matches=10000`);
    return rows.map(({ id, file, path, ...rest }) => (void [id, file, path], rest));
  };
  const found = async (word: string): Promise<string[]> => (await archive.search(word, { limit: { entity: 0, article: 1000, passage: 0 } })).articles.map((a) => a.file).sort();

  before(async () => {
    cluster = await startCluster(2);
    folder = mkdtempSync(join(tmpdir(), 'corpus-nav-archive-live-'));
    for (const s of seeds) writeFileSync(join(folder, s.name), s.text);
    const run = cli('index-to', cluster.agents.map((a) => a.address).join(','), folder);
    assert.equal(run.status, 0, run.stderr);
    archive = new ArchiveSearch(address(cluster.dist.address));
    dist = await SphinxClient.connect(address(cluster.dist.address));
  });

  after(async () => {
    await dist?.close();
    await archive?.close();
    await cluster?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('writes a burst once it stops, as the rows index-to writes for that file', async () => {
    const batches: BatchReport[] = [];
    const u = updater({ quietMs: 1000, onBatch: (b) => batches.push(b) });
    const seed = seeds[0]!;
    // Ten events for one file, 20 ms apart: nothing is sent before the burst has stopped for a second.
    for (let i = 0; i < 10; i++) {
      u.changed([source('live/copy.txt', seed.text)]);
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.deepEqual(batches, []);
    assert.deepEqual(await rowsOf('live/copy.txt'), []);
    await u.idle();
    assert.deepEqual(batches, [{ written: 1, replaced: 0, unchanged: 0, deleted: 0 }]);
    const live = await rowsOf('live/copy.txt');
    assert.ok(live.length > 5, `${live.length} rows`);
    assert.deepEqual(live, await rowsOf(seed.name));
    await u.close();
  });

  it('skips an unchanged file, and replaces a changed one with no old line left behind', async () => {
    const batches: BatchReport[] = [];
    const u = updater({ onBatch: (b) => batches.push(b) });
    u.changed([source('live/copy.txt', seeds[0]!.text)]);
    await u.idle();
    assert.deepEqual(batches, [{ written: 0, replaced: 0, unchanged: 1, deleted: 0 }]);
    const before = await archive.size();
    u.changed([source('live/copy.txt', 'كركديه في العنوان\n\nسطر واحد عن الكركديه.\n')]);
    await u.idle();
    assert.deepEqual(batches[1], { written: 1, replaced: 1, unchanged: 0, deleted: 0 });
    assert.equal(await archive.size(), before);
    assert.equal((await rowsOf('live/copy.txt')).length, 3, 'the article row and its two lines');
    assert.deepEqual(await found('كركديه'), ['live/copy.txt']);
    await u.close();
  });

  it('sends a burst of 120 files in batches, numbered after the archive\'s files on both agents', async () => {
    const batches: BatchReport[] = [];
    const u = updater({ batchFiles: 50, onBatch: (b) => batches.push(b) });
    const before = await archive.size();
    const burst = syntheticArticles(120).map((a, i) => source(`burst/${i}.txt`, `${a.text}\nتمرهندي ${i}\n`));
    u.changed(burst);
    await u.idle();
    assert.deepEqual(batches.map((b) => b.written), [50, 50, 20]);
    assert.equal(await archive.size(), before + 120);
    assert.equal((await found('تمرهندي')).length, 120);
    const sizes = await Promise.all(cluster.agents.map((a) => new ArchiveSearch(address(a.address)).size()));
    assert.ok(sizes.every((n) => n > 30), `both agents took new files: ${sizes}`);
    await u.close();
  });

  it('deletes every row of a deleted file', async () => {
    const u = updater();
    const before = await archive.size();
    u.removed(['live/copy.txt', 'burst/7.txt', 'never/there.txt']);
    await u.idle();
    assert.deepEqual(await rowsOf('live/copy.txt'), []);
    assert.deepEqual(await rowsOf('burst/7.txt'), []);
    assert.deepEqual(await found('كركديه'), []);
    assert.equal((await found('تمرهندي')).length, 119);
    assert.equal(await archive.size(), before - 2);
    await u.close();
  });

  it('sends what still waits when closed, at once, within the time given', async () => {
    const batches: BatchReport[] = [];
    const u = updater({ quietMs: 60_000, maxWaitMs: 60_000, onBatch: (b) => batches.push(b) });
    u.changed([source('closing/a.txt', 'زعفران أول\n\nعن الزعفران.\n')]);
    u.removed(['burst/9.txt']);
    const t0 = Date.now();
    await u.close(20_000);
    assert.ok(Date.now() - t0 < 15_000, `closed in ${Date.now() - t0} ms`);
    assert.equal(u.waiting, 0);
    assert.deepEqual(batches, [{ written: 1, replaced: 0, unchanged: 0, deleted: 1 }]);
    assert.deepEqual(await found('زعفران'), ['closing/a.txt']);
    assert.deepEqual(await rowsOf('burst/9.txt'), []);
  });

  it('closes within the time given when the server never answers, counting what was not sent', async () => {
    const sockets: import('node:net').Socket[] = [];
    const silent = createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    const failures: Error[] = [];
    try {
      const u = new ArchiveUpdater([{ host: '127.0.0.1', port, index: 'corpus' }], { quietMs: 60_000, timeoutMs: 30_000, onFailure: (e) => failures.push(e) });
      u.changed([source('silent/a.txt', 'نص\n'), source('silent/b.txt', 'نص آخر\n')]);
      const t0 = Date.now();
      await u.close(500);
      assert.ok(Date.now() - t0 < 3000, `closed in ${Date.now() - t0} ms`);
      assert.equal(u.waiting, 2, 'both files counted as not sent');
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(failures, [], 'no failure reported after closing');
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  it('keeps the files while an agent is down, says so once naming it, and sends them when it is back', async () => {
    const failures: { message: string; first: boolean }[] = [];
    let recovered = 0;
    const u = updater({ retryMs: [200, 400], onFailure: (e, _n, first) => failures.push({ message: e.message, first }), onRecovery: () => recovered++ });
    await cluster.stopAgent(0);
    try {
      u.changed([source('down/a.txt', 'قرنفل أول\n\nعن القرنفل.\n'), source('down/b.txt', 'قرنفل ثان\n\nعن القرنفل أيضا.\n')]);
      u.removed(['burst/8.txt']);
      const deadline = Date.now() + 20_000;
      while (failures.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      assert.ok(failures.length >= 3, `${failures.length} tries`);
      assert.deepEqual(failures.map((f) => f.first), [true, ...failures.slice(1).map(() => false)]);
      assert.match(failures[0]!.message, new RegExp(`^127\\.0\\.0\\.1:${cluster.agents[0]!.port}: connection refused`));
      assert.equal(u.waiting, 3);
      assert.equal(recovered, 0);
    } finally {
      await cluster.startAgent(0);
    }
    await u.idle();
    assert.equal(recovered, 1);
    assert.deepEqual(await found('قرنفل'), ['down/a.txt', 'down/b.txt']);
    assert.deepEqual(await rowsOf('burst/8.txt'), []);
    await u.close();
  });
});
