import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CachedArticle, ENGINE_VERSION, EntryCache, knowledgeDigest, writeCache } from '../../src/core/persist/cache';
import { BinaryWriter } from '../../src/core/persist/binary';
import { bodyWords } from '../../src/core/article/bodyWords';
import { Corpus, CorpusEntry } from '../../src/core/corpus/corpus';
import { Recognizer } from '../../src/core/entities/recognizer';
import { builtInEntities } from '../../src/core/entities/kb';
import { plainMention } from '../../src/core/persist/mentionText';
import { CacheFile } from '../../src/node/cacheFile';
import { corpusSummary } from '../../src/core/summary/model';
import { buildSearchIndex } from '../../src/core/search/corpusSearch';
import { SearchIndex } from '../../src/core/search/index';
import { MemoryHost } from '../support/memoryHost';
import { heapsArticles } from '../support/synthetic';
import { readSeeds, syntheticArticles, TODAY } from './helpers';

/** An entry as plain data (mentions with their text, range and snippet; the article as its JSON). */
function plain(e: CorpusEntry | undefined): unknown {
  if (!e) return e;
  const { file, article, statements, discovered, notice, contextYear } = e;
  const said = statements.map(({ entity, text, start, end }) => ({ entity, text, start, end }));
  return { file, article: JSON.parse(JSON.stringify(article)) as unknown, mentions: e.mentions.map(plainMention), statements: said, discovered, notice, contextYear };
}

describe('entry cache format (heads as columns)', function () {
  this.timeout(60_000);
  const recognizer = new Recognizer(builtInEntities());
  const knowledge = knowledgeDigest([...recognizer.entities.values()]);
  const stamp = (id: string, i: number) => ({ id, size: 100 + i, mtime: 1_700_000_000_000 + i });
  let entries: CorpusEntry[] = [];
  // The benchmark's articles and snn-dev-like ones (titled, dated, with outlets and subheadings).
  const articles = [...heapsArticles(readSeeds().map((s) => s.text), 30), ...syntheticArticles(30).map((a) => ({ ...a, name: `snn-${a.name}` }))];

  before(async () => {
    const corpus = new Corpus(new MemoryHost(articles), { recognizer, today: TODAY });
    await corpus.ready();
    entries = corpus.all();
  });

  it('gives back generated entries exactly, their heads and word counts without reading a body', () => {
    assert.equal(entries.length, 60);
    for (const [what, some] of [
      ['an outlet', (e: CorpusEntry) => e.article.outlet],
      ['a date', (e: CorpusEntry) => e.article.date],
      ['subheadings', (e: CorpusEntry) => e.article.subheadings.length],
      ['statements', (e: CorpusEntry) => e.statements.length],
      ['people discovered', (e: CorpusEntry) => e.discovered.length],
    ] as const) assert.ok(entries.some(some), `some article has ${what}`);
    const cache = EntryCache.read(writeCache(knowledge, entries.map((entry, i) => ({ stamp: stamp(entry.file.id, i), entry }))), knowledge);
    assert.equal(cache.problem, undefined);
    entries.forEach((e, i) => {
      const back = cache.get(stamp(e.file.id, i), e.file)!;
      const a = back.article as CachedArticle;
      assert.ok(a instanceof CachedArticle);
      // What the trees, dates and the Summary's counts read, from the head alone.
      assert.deepEqual(JSON.parse(JSON.stringify([a.title, a.alternativeTitles, a.outlet ?? null, a.date ?? null, a.subheadings, a.yearsMentioned, a.lineCount, a.length])), JSON.parse(JSON.stringify([e.article.title, e.article.alternativeTitles, e.article.outlet ?? null, e.article.date ?? null, e.article.subheadings, e.article.yearsMentioned, e.article.lineCount, e.article.length])), e.file.name);
      assert.equal(a.words, bodyWords(e.article), e.file.name);
      assert.equal(a.bodyRead, false, `${e.file.name}: its body was read`);
      assert.deepEqual(plain(back), plain(e), e.file.name);
    });
  });

  it('the Summary panel sums up a reopened corpus as the parsed one, without reading a body or making a mention', () => {
    const cache = EntryCache.read(writeCache(knowledge, entries.map((entry, i) => ({ stamp: stamp(entry.file.id, i), entry }))), knowledge);
    const back = entries.map((e, i) => cache.get(stamp(e.file.id, i), e.file)!);
    const entities = new Map(recognizer.entities);
    for (const e of entries) for (const d of e.discovered) entities.set(d.id, d);
    const fresh = corpusSummary(entries, entities);
    const reopened = corpusSummary(back, entities);
    assert.deepEqual(reopened, fresh);
    assert.ok(fresh.counts.words > 10_000 && fresh.network.edges.length > 5, `${fresh.counts.words} words, ${fresh.network.edges.length} links`);
    for (const e of back) assert.equal((e.article as CachedArticle).bodyRead, false, `${e.file.name}: its body was read`);
  });

  it('keeps an article named otherwise than its file (a folder renamed since) in the columns', () => {
    const e = entries[0]!;
    const renamed: CorpusEntry = { ...e, article: { ...e.article, name: `seeds/${e.article.name}` } };
    const back = EntryCache.read(writeCache(knowledge, [{ stamp: stamp(e.file.id, 0), entry: renamed }]), knowledge).get(stamp(e.file.id, 0), e.file)!;
    assert.equal(back.article.name, `seeds/${e.article.name}`);
    assert.equal(back.file.name, e.file.name);
    assert.deepEqual(plain(back), plain(renamed));
  });

  it('keeps a head the columns would not give back exactly as it was', () => {
    const e = entries.find((x) => x.article.outlet)!;
    // Another name for the article than its file's, and a title with a field of its own.
    const odd: CorpusEntry = { ...e, article: { ...e.article, name: 'elsewhere.txt', title: { ...e.article.title, note: 'x' } as typeof e.article.title } };
    const cache = EntryCache.read(writeCache(knowledge, [{ stamp: stamp(e.file.id, 0), entry: odd }]), knowledge);
    const back = cache.get(stamp(e.file.id, 0), e.file)!;
    assert.equal(back.article.name, 'elsewhere.txt');
    assert.deepEqual(plain(back), plain(odd));
  });

  /** How many reads a load of the host's files makes without a cache (some files are parsed twice: dated with the corpus's year). */
  async function readsWithoutCache(host: MemoryHost): Promise<number> {
    host.reads = 0;
    await new Corpus(host, { recognizer, today: TODAY }).ready();
    const reads = host.reads;
    host.reads = 0;
    return reads;
  }

  it('reads a cache of the previous layout as empty, says so, and the corpus parses every file again', async () => {
    // The previous layout's header (format 5), with this engine and knowledge base: only its layout differs.
    const w = new BinaryWriter('corpus-navigator-entries', 5);
    w.u32(ENGINE_VERSION);
    w.string(knowledge);
    w.u32(0);
    const front = w.bytes();
    const old = new Uint8Array(4 + front.length);
    new DataView(old.buffer).setUint32(0, front.length, true);
    old.set(front, 4);
    const cache = EntryCache.read(old, knowledge);
    assert.equal(cache.size, 0);
    assert.match(cache.problem ?? '', /layout 5, not \d+/);
    const host = new MemoryHost(articles.slice(0, 8), { stat: true });
    const reads = await readsWithoutCache(host);
    const corpus = new Corpus(host, { recognizer, today: TODAY, loadCache: async () => cache });
    await corpus.ready();
    assert.equal(corpus.all().length, 8);
    assert.equal(host.reads, reads, 'every file read and parsed again');
  });

  it('a truncated or damaged cache file: a clear problem, a rebuild, never a crash', async () => {
    const host = new MemoryHost(articles.slice(0, 10), { stat: true });
    const first = new Corpus(host, { recognizer, today: TODAY });
    await first.ready();
    const dir = mkdtempSync(join(tmpdir(), 'corpus-nav-cache-format-'));
    try {
      const path = join(dir, 'entries.bin');
      const bytes = writeCache(knowledge, first.cacheable());
      // Read in place (as the Node extension does): whole, then cut short, then with its front damaged.
      const reopen = async (): Promise<EntryCache> => {
        const opened = await CacheFile.open(path);
        try {
          return opened ? EntryCache.read(opened.split, knowledge) : EntryCache.empty('none');
        } finally {
          await opened?.file.close();
        }
      };
      writeFileSync(path, bytes);
      assert.equal((await reopen()).size, 10);
      truncateSync(path, bytes.length - 100);
      const cut = await reopen();
      assert.equal(cut.size, 0);
      assert.match(cut.problem ?? '', /truncated/);
      const damaged = bytes.slice();
      // The heads' string table's length, made to run past the front.
      const view = new DataView(damaged.buffer, damaged.byteOffset, damaged.length);
      const n = view.getUint32(0, true);
      for (let at = 4 + n - 8; at > 4 + n - 4096; at -= 4) view.setUint32(at, 0xfffffff0, true);
      writeFileSync(path, damaged);
      const bad = await reopen();
      assert.equal(bad.size, 0);
      assert.match(bad.problem ?? '', /damaged/);
      // The corpus reopened with it parses every file, and gives what a first parse gave.
      const reads = await readsWithoutCache(host);
      const again = new Corpus(host, { recognizer, today: TODAY, loadCache: async () => bad });
      await again.ready();
      assert.equal(host.reads, reads);
      assert.deepEqual(again.all().map(plain), first.all().map(plain));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('search snapshot: words and positions in 16 or 32 bits', function () {
  this.timeout(120_000);
  const recognizer = new Recognizer(builtInEntities());
  const QUERIES = ['لافروف', 'روسيا واشنطن', '"وزير الخارجية"', 'سوريا', 'الاسد'];
  const seeds = readSeeds();

  for (const [label, inputs] of [
    ['ordinary articles (16 bits)', seeds],
    // 70,000 words, 400,000 characters: starts and positions past 65,535.
    ['an article of 70,000 words among them (32 bits)', [...seeds, { name: 'long.txt', text: `عنوان طويل\n${Array.from({ length: 7000 }, (_, i) => `${seeds[i % seeds.length]!.text.split(/\s+/).slice(0, 10).join(' ')}`).join('\n')}\nلافروف في واشنطن مع سوريا` }]],
  ] as const) {
    it(`restores the index it was taken from: ${label}`, () => {
      const original = buildSearchIndex([...inputs], recognizer, { today: TODAY });
      const bytes = original.toSnapshot('k');
      const loaded = SearchIndex.fromSnapshot(bytes, 'k', (id) => inputs.find((i) => i.name === id)?.text, original.entities())!;
      assert.ok(loaded);
      for (const q of QUERIES) assert.deepEqual(loaded.search(q), original.search(q), q);
      assert.deepEqual(loaded.occurrences({ word: 'سوريا' }).map((o) => [o.doc.id, o.start, o.end]), original.occurrences({ word: 'سوريا' }).map((o) => [o.doc.id, o.start, o.end]));
      assert.deepEqual(loaded.toSnapshot('k'), bytes);
      if (inputs.length > seeds.length) {
        const hits = loaded.occurrences({ word: 'لافروف' }).filter((o) => o.doc.id === 'long.txt');
        assert.ok(hits.some((o) => o.start > 0x10000), 'a word found past 65,535 characters');
      }
    });
  }
});
