/**
 * Indexing at scale: parsing in a worker thread (dist/indexWorker.js, from `npm run build`) gives the same entries
 * as in this thread; the entry cache is taken for unchanged files and skipped for changed ones; a burst of changes
 * (a rename among them) is one step; a load can be cancelled; listeners hear progress while a load runs.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CacheFile, writeCacheFile, writeFileAtomically } from '../../src/node/cacheFile';
import { concatBytes } from '../../src/core/persist/binary';
import type { Article } from '../../src/core/article/article';
import { EntryCache, writeCache, writeCacheInSlices } from '../../src/core/persist/cache';
import { Corpus, CorpusFile } from '../../src/core/corpus/corpus';
import { Recognizer } from '../../src/core/entities/recognizer';
import { builtInEntities } from '../../src/core/entities/kb';
import { PartMention, plainMention } from '../../src/core/persist/mentionText';
import { WorkerParser } from '../../src/node/workerParser';
import { Random } from '../support/random';
import { MemoryHost, MemoryHostOptions } from '../support/memoryHost';
import { readSeeds, ROOT } from './helpers';

const TODAY = new Date('2025-01-01');

/** `count` files, the seeds over and over, listed sorted, with stats (reads are counted). */
function memoryHost(count: number, options: MemoryHostOptions = {}): MemoryHost {
  const seeds = readSeeds();
  const files = Array.from({ length: count }, (_, i) => ({ name: `${String(i).padStart(4, '0')}_${seeds[i % seeds.length]!.name}`, text: seeds[i % seeds.length]!.text }));
  return new MemoryHost(files, { sorted: true, stat: true, ...options });
}

const summary = (c: Corpus): string[] =>
  c
    .all()
    .map((e) => `${e.file.id} ${e.article.title.text} ${e.article.date?.iso ?? '-'} ${e.mentions.map((m) => m.entity).join(',')}`)
    .sort();

describe('indexing at scale', function () {
  this.timeout(60_000);
  const recognizer = new Recognizer(builtInEntities());

  it('a worker thread parses exactly as this thread does', async () => {
    const parser = new WorkerParser(join(ROOT, 'dist', 'indexWorker.js'), (why) => assert.fail(`fell back: ${why}`), 2);
    try {
      const inWorker = new Corpus(memoryHost(40), { recognizer, today: TODAY, parser });
      const inThread = new Corpus(memoryHost(40), { recognizer, today: TODAY });
      await Promise.all([inWorker.ready(), inThread.ready()]);
      assert.equal(inWorker.size, 40);
      assert.deepEqual(summary(inWorker), summary(inThread));
      // Every mention whole (text, range, snippet), though most crossed as references to their article's parts.
      const whole = (c: Corpus): unknown[] =>
        c
          .all()
          .sort((a, b) => (a.file.id < b.file.id ? -1 : 1))
          .map((e) => [e.file.id, e.mentions.map(plainMention), e.statements, e.discovered.map((d) => d.id)]);
      assert.deepEqual(whole(inWorker), whole(inThread));
      const mentions = inWorker.all().flatMap((e) => e.mentions);
      assert.ok(mentions.length > 500 && mentions.filter((m) => m instanceof PartMention).length > mentions.length * 0.95);
    } finally {
      parser.dispose();
    }
  });

  it('a worker that cannot start hands its work to this thread', async () => {
    let why = '';
    const parser = new WorkerParser(join(ROOT, 'dist', 'no-such-worker.js'), (w) => (why = w), 1);
    const corpus = new Corpus(memoryHost(10), { recognizer, today: TODAY, parser });
    await corpus.ready();
    assert.equal(corpus.size, 10);
    assert.match(why, /no-such-worker|Cannot find/);
    parser.dispose();
  });

  it('takes unchanged files from the entry cache and parses changed ones', async () => {
    const host = memoryHost(30);
    const first = new Corpus(host, { recognizer, today: TODAY });
    await first.ready();
    const bytes = (await writeCacheInSlices(first.knowledge(), first.cacheable(), () => new Promise((r) => setTimeout(r, 0)), 1)).bytes();
    const changedId = host.put(host.list()[3]!.name, 'عنوان جديد\n\nنص الخبر الجديد عن سوريا.').id;
    host.reads = 0;
    let loads = 0;
    const warm = new Corpus(host, {
      recognizer,
      today: TODAY,
      loadCache: async (knowledge) => {
        loads++;
        return EntryCache.readInSlices(bytes, knowledge, () => new Promise((r) => setTimeout(r, 0)), 1);
      },
    });
    await warm.ready();
    assert.equal(loads, 1);
    assert.equal(warm.size, 30);
    assert.equal(warm.get(changedId)?.article.title.text, 'عنوان جديد');
    // Only the changed file is read: entries dated with the corpus's central year come back dated with it.
    assert.equal(host.reads, 1);
    assert.ok(warm.all().some((e) => e.contextYear !== undefined), 'some articles are dated with the central year');
    const cold = new Corpus(host, { recognizer, today: TODAY });
    await cold.ready();
    assert.deepEqual(summary(warm), summary(cold));
    // Another knowledge base: the cache is not used.
    const other = new Corpus(host, { today: TODAY, loadCache: async (k) => EntryCache.read(bytes, k) });
    host.reads = 0;
    await other.ready();
    assert.ok(host.reads >= 30, `every file read (${host.reads} reads, re-dating included)`);
  });

  it('counts the changes the entry cache does not hold: none after reopening an unchanged corpus', async () => {
    const host = memoryHost(20);
    const first = new Corpus(host, { recognizer, today: TODAY });
    await first.ready();
    assert.ok(first.revision >= 20, 'every file parsed');
    const bytes = writeCache(first.knowledge(), first.cacheable());
    const warm = new Corpus(host, { recognizer, today: TODAY, loadCache: async (k) => EntryCache.read(bytes, k) });
    await warm.ready();
    assert.equal(warm.revision, 0, 'all from the cache: nothing to write');
    // Written again (as after an edit elsewhere), the entries read back give the same bytes: their mentions copied
    // as numbers, or made (a few read) and packed again.
    assert.deepEqual(writeCache(warm.knowledge(), warm.cacheable()), bytes);
    warm.all().slice(0, 5).forEach((e) => e.mentions.length);
    assert.deepEqual(writeCache(warm.knowledge(), warm.cacheable()), bytes);
    const [a, b] = host.list();
    await warm.update(host.put(a!.name, 'عنوان\n\nنص جديد.'));
    assert.equal(warm.revision, 1);
    host.delete(b!.name);
    await warm.remove(b!.id);
    assert.equal(warm.revision, 2);
  });

  it('reads the cache file in place: bodies stay on disk until read, and follow the cache when it is written again', async () => {
    const host = memoryHost(40);
    const first = new Corpus(host, { recognizer, today: TODAY });
    await first.ready();
    const dir = mkdtempSync(join(tmpdir(), 'corpus-nav-cache-'));
    const path = join(dir, 'entry-cache.bin');
    const opened: CacheFile[] = [];
    try {
      const written = await writeCacheInSlices(first.knowledge(), first.cacheable(), async () => undefined);
      writeFileSync(`${path}.99999.tmp`, 'half a cache from a window closed mid-write');
      writeFileSync(join(dir, 'other.bin'), 'kept');
      opened.push(await writeCacheFile(path, written));
      assert.deepEqual(readdirSync(dir).sort(), ['entry-cache.bin', 'other.bin'], 'a leftover temporary file is removed');
      assert.deepEqual(new Uint8Array(readFileSync(path)), written.bytes(), 'the file holds the parts, in order');
      // Reopened: the front read, bodies counted as they are read from the file.
      const open = (await CacheFile.open(path))!;
      opened.push(open.file);
      assert.equal(4 + open.split.front.length + open.file.length, statSync(path).size);
      assert.ok(open.file.length > 2 * open.split.front.length, `bodies ${open.file.length} B, front ${open.split.front.length} B`);
      let reads = 0;
      const counted = { length: open.file.length, read: (s: number, e: number) => (reads++, open.file.read(s, e)) };
      const warm = new Corpus(host, { recognizer, today: TODAY, loadCache: async (k) => EntryCache.read({ front: open.split.front, bodies: counted }, k) });
      await warm.ready();
      warm.entities();
      assert.equal(reads, 0, 'a warm start reads no body');
      const firstTen = warm.all().slice(0, 10);
      assert.deepEqual(firstTen.map(article), firstTen.map((e) => article(first.get(e.file.id)!)));
      assert.equal(reads, 10, 'one read per article asked for');
      // Written again (the file replaced), and the file it was read from closed: bodies never read come from the new file.
      const again = await writeCacheInSlices(warm.knowledge(), warm.cacheable(), async () => undefined);
      assert.deepEqual(again.bytes(), written.bytes(), 'the same bytes');
      opened.push(await writeCacheFile(path, again, [open.file]));
      await open.file.close();
      assert.deepEqual(warm.all().map(article), warm.all().map((e) => article(first.get(e.file.id)!)));
      assert.deepEqual(summary(warm), summary(first));
      // Articles whose cache was closed before their bodies were read (their files left the corpus): without
      // paragraphs, no error, their mentions only those in their heads (title, subheadings); a cache written then
      // holds only the articles whose bodies were read (the others' files are parsed again on the next warm start).
      const reopened = (await CacheFile.open(path))!;
      opened.push(reopened.file);
      const lost = new Corpus(host, { recognizer, today: TODAY, loadCache: async (k) => EntryCache.read(reopened.split, k) });
      await lost.ready();
      lost.all().slice(0, 5).forEach((e) => assert.ok(e.article.paragraphs.length > 0));
      await reopened.file.close();
      const entry = lost.all()[5]!;
      assert.equal(entry.article.paragraphs.length, 0);
      const made = entry.mentions.map((m) => `${m.start} ${m.text}`);
      const all = first.get(entry.file.id)!.mentions.map((m) => `${m.start} ${m.text}`);
      assert.ok(made.length < all.length && made.every((m) => all.includes(m)), `${made.length} of ${all.length} mentions`);
      const kept = EntryCache.read(writeCache(lost.knowledge(), lost.cacheable()), lost.knowledge());
      assert.equal(kept.size, 5);
    } finally {
      await Promise.all(opened.map((f) => f.close()));
      rmSync(dir, { recursive: true, force: true });
    }
    /** An article as JSON with its keys sorted (an article read back from the cache lists them in another order). */
    function article(e: { file: CorpusFile; article: Article }): string {
      const sorted = (v: unknown): unknown =>
        Array.isArray(v) ? v.map(sorted) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sorted(x)])) : v;
      return JSON.stringify([e.file.id, sorted(JSON.parse(JSON.stringify(e.article)))]);
    }
  });

  it('writes a file of thousands of parts, large and empty among them, as they are joined', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-nav-parts-'));
    try {
      const random = Random.lcg(1);
      const parts = Array.from({ length: 3000 }, (_, i) => {
        const seed = random.uint32();
        const n = i === 1234 ? 3 << 20 : i % 7 === 0 ? 0 : seed % 300;
        return Uint8Array.from({ length: n }, (_, k) => (k * 31 + i) & 255);
      });
      const length = parts.reduce((n, p) => n + p.length, 0);
      await writeFileAtomically(join(dir, 'parts.bin'), { parts, length });
      assert.deepEqual(new Uint8Array(readFileSync(join(dir, 'parts.bin'))), concatBytes(parts));
      assert.deepEqual(readdirSync(dir), ['parts.bin']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('while a load runs, views asking for the entity index as batches arrive do not rebuild it each time', async () => {
    const host = memoryHost(600);
    const first = new Corpus(host, { recognizer, today: TODAY });
    await first.ready();
    const bytes = writeCache(first.knowledge(), first.cacheable());
    // Reopened from the cache, telling listeners after every batch (as VS Code's views are, every half second).
    const warm = new Corpus(host, { recognizer, today: TODAY, progressIntervalMs: 0, loadCache: async (k) => EntryCache.read(bytes, k) });
    const seen = new Set<unknown>();
    let asked = 0;
    warm.onDidChange(() => {
      asked++;
      seen.add(warm.entities());
    });
    await warm.ready();
    const index = warm.entities();
    seen.add(index);
    assert.ok(asked >= 4, `${asked} progress reports`);
    // One index while loading (behind by the entries read since), and one for the whole corpus at the end.
    assert.ok(seen.size <= 2, `${seen.size} entity indexes built`);
    assert.equal(index.get('bashar-al-assad')?.articles.length, first.entities().get('bashar-al-assad')?.articles.length);
    // Counted from the cache's numbers, every mention made only when read: the same articles, order and mentions.
    const read = (ix: ReturnType<Corpus['entities']>): string[] =>
      [...ix.byId.values()].map((st) => `${st.entity.id} ${st.count} ${st.articles.map((a) => `${a.entry.file.id}:${a.mentions.map((m) => `${m.start}-${m.end}@${m.range.line}`).join(',')}`).join(' ')}`).sort();
    assert.deepEqual(read(index), read(first.entities()));
  });

  it('applies a burst of changes, a rename among them, as one step', async () => {
    const host = memoryHost(12);
    const corpus = new Corpus(host, { today: TODAY });
    await corpus.ready();
    let changes = 0;
    corpus.onDidChange(() => changes++);
    const [first, second] = host.list();
    const [a, b] = [first!.id, second!.id];
    const renamed = host.rename(first!.name, 'renamed.txt');
    const changed = host.put(second!.name, 'عنوان معدل\n\nنص.');
    await corpus.applyChanges({ changed: [renamed, changed], removed: [a] });
    assert.equal(changes, 1);
    assert.equal(corpus.size, 12);
    assert.equal(corpus.get(a!), undefined);
    assert.ok(corpus.get('mem:/renamed.txt'));
    assert.equal(corpus.get(b!)?.article.title.text, 'عنوان معدل');
  });

  it('tells listeners as a load goes, and a cancelled load keeps what it read', async () => {
    const slow = memoryHost(400, { readDelayMs: 1 });
    const corpus = new Corpus(slow, { today: TODAY, progressIntervalMs: 0 });
    const seen: number[] = [];
    const listening = corpus.onDidChange(() => {
      const p = corpus.indexing;
      if (p) seen.push(p.done);
      if (p && p.done >= 128) corpus.cancel();
    });
    await corpus.ready();
    listening.dispose();
    assert.ok(seen.length >= 3, `progress events: ${seen.join(' ')}`);
    assert.ok(corpus.cancelled);
    assert.ok(corpus.size >= 128 && corpus.size < 400, `${corpus.size} read before stopping`);
    assert.equal(corpus.indexing, undefined);
    await corpus.reload();
    assert.equal(corpus.size, 400);
    assert.equal(corpus.cancelled, false);
  });
});
