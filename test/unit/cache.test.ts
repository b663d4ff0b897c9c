import * as assert from 'node:assert/strict';
import { ENGINE_VERSION, EntryCache, knowledgeDigest, writeCache } from '../../src/core/persist/cache';
import { Corpus, CorpusEntry } from '../../src/core/corpus/corpus';
import { Recognizer } from '../../src/core/entities/recognizer';
import { builtInEntities } from '../../src/core/entities/kb';
import { plainMention, PartStatement } from '../../src/core/persist/mentionText';
import { MemoryHost } from '../support/memoryHost';
import { Random } from '../support/random';
import { readSeeds, syntheticArticles, TODAY } from './helpers';

/** An entry as plain data: what a caller reads of it (mentions with their text, range and snippet). */
function plain(e: CorpusEntry | undefined): unknown {
  if (!e) return e;
  const { file, article, statements, discovered, notice, contextYear } = e;
  // (An article read back serialises whole: its body parsed for the comparison.)
  const said = statements.map(({ entity, text, start, end }) => ({ entity, text, start, end }));
  return { file, article: JSON.parse(JSON.stringify(article)) as unknown, mentions: e.mentions.map(plainMention), statements: said, discovered, notice, contextYear };
}

describe('on-disk cache of parsed entries', () => {
  const recognizer = new Recognizer(builtInEntities());
  const knowledge = knowledgeDigest([...recognizer.entities.values()]);
  const corpus = new Corpus(new MemoryHost(readSeeds()), { recognizer, today: TODAY });
  const stamp = (id: string, i: number) => ({ id, size: 1000 + i, mtime: 1_700_000_000_000 + i });

  it('gives back every entry as parsed, for files whose path, size and mtime are unchanged', async () => {
    await corpus.ready();
    const entries = corpus.all();
    assert.equal(entries.length, 5);
    const bytes = writeCache(knowledge, entries.map((entry, i) => ({ stamp: stamp(entry.file.id, i), entry })));
    const cache = EntryCache.read(bytes, knowledge);
    assert.equal(cache.size, 5);
    entries.forEach((entry, i) => {
      const back = cache.get(stamp(entry.file.id, i));
      assert.ok(back, entry.file.name);
      assert.deepEqual(plain(back), plain(entry));
      assert.ok(back.mentions.length > 0, 'mentions survive');
    });
    const first = entries[0]!;
    assert.equal(cache.get({ ...stamp(first.file.id, 0), size: 999 }), undefined, 'a changed size misses');
    assert.equal(cache.get({ ...stamp(first.file.id, 0), mtime: 1 }), undefined, 'a changed mtime misses');
    assert.equal(cache.get(stamp('mem:/other.txt', 0)), undefined, 'another path misses');
    // The corpus folder changed (seeds/ → the workspace folder itself): the same file, named as it is now.
    const renamed = cache.get(stamp(first.file.id, 0), { id: first.file.id, name: `seeds/${first.file.name}` });
    assert.equal(renamed?.file.name, `seeds/${first.file.name}`);
    assert.equal(renamed.article.title.text, first.article.title.text);
  });

  it('reads a corrupt, foreign or outdated cache as empty, without throwing', async () => {
    await corpus.ready();
    const good = writeCache(knowledge, corpus.all().map((entry, i) => ({ stamp: stamp(entry.file.id, i), entry })));
    const variants: (Uint8Array | undefined)[] = [
      undefined,
      new Uint8Array(0),
      good.slice(0, good.length >> 1), // truncated
      good.slice(0, 40), // the header alone
      good.slice(0, good.length - 1),
      new Uint8Array([0xff, 0xfe, 0x00, 0x41]), // not a cache
      new TextEncoder().encode('{"magic":"corpus-navigator-cache","engine":1}\n'), // the old JSON lines
      new TextEncoder().encode('[1,2,3]'),
    ];
    for (const v of variants) assert.equal(EntryCache.read(v, knowledge).size, 0);
    // Another engine version: the header's number after the magic and format version.
    const otherEngine = good.slice();
    const at = 4 + 4 + 2 * 'corpus-navigator-entries'.length + 4; // the front's length, the magic's length, its UTF-16 bytes, the format version
    assert.equal(new DataView(otherEngine.buffer).getUint32(at, true), ENGINE_VERSION);
    new DataView(otherEngine.buffer).setUint32(at, ENGINE_VERSION + 1, true);
    assert.equal(EntryCache.read(otherEngine, knowledge).size, 0, 'another engine');
    assert.equal(EntryCache.read(good, knowledgeDigest(['another knowledge base'])).size, 0, 'another knowledge base');
    // Flipped bytes: an empty cache, or entries read back (a damaged one missing) — never an error.
    const random = Random.lcg(3);
    for (let k = 0; k < 60; k++) {
      const bad = good.slice();
      const seed = random.uint32();
      bad[seed % bad.length] ^= 1 + ((seed >>> 24) % 255);
      const cache = EntryCache.read(bad, knowledge);
      // Mentions are made when first read: from a damaged cache, never an error either.
      corpus.all().forEach((e, i) => cache.get(stamp(e.file.id, i))?.mentions.forEach((m) => m.snippet + m.text + m.range.line));
    }
  });

  it('digests a knowledge base: the same entities give the same key, a changed one another', () => {
    const entities = [...recognizer.entities.values()];
    assert.equal(knowledgeDigest(entities), knowledge);
    assert.notEqual(knowledgeDigest([...entities, { id: 'x' }]), knowledge);
    assert.match(knowledge, /^[0-9a-f]{16}$/);
  });
});

describe('compact entry cache', () => {
  it('gives back snn-dev-like synthetic entries exactly (mentions from numbers, text, range and snippet derived)', async () => {
    const articles = syntheticArticles(150);
    const host = new MemoryHost(articles);
    const recognizer = new Recognizer(builtInEntities());
    const knowledge = knowledgeDigest([...recognizer.entities.values()]);
    const corpus = new Corpus(host, { recognizer, today: TODAY });
    await corpus.ready();
    const entries = corpus.all();
    assert.ok(entries.reduce((n, e) => n + e.mentions.length, 0) > 500);
    const stamp = (id: string, i: number) => ({ id, size: 10 + i, mtime: 1_700_000_000_123.5 + i });
    const bytes = writeCache(knowledge, entries.map((entry, i) => ({ stamp: stamp(entry.file.id, i), entry })));
    const cache = EntryCache.read(bytes, knowledge);
    let [said, derived] = [0, 0];
    entries.forEach((e, i) => {
      const back = cache.get(stamp(e.file.id, i), e.file)!;
      said += back.statements.length;
      derived += back.statements.filter((s) => s instanceof PartStatement).length;
      // Counted without making the mentions, then made: the same as the entry's.
      const counts = new Map<string, number>();
      for (const m of e.mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
      const told = new Map<string, number>();
      back.countMentions?.((entity, n) => told.set(entity, n));
      assert.deepEqual(told, counts, e.file.name);
      assert.deepEqual(plain(back), plain(e), e.file.name);
    });
    // Statements are stored without their sentence where the article's parts give it back (their text above is equal).
    assert.ok(said > 50 && derived / said > 0.9, `${derived} of ${said} statements read off the parts`);
  });
});
