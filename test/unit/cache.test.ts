import * as assert from 'node:assert/strict';
import { ENGINE_VERSION, EntryCache, knowledgeDigest, writeCache } from '../../src/core/cache';
import { Corpus, CorpusFile, CorpusHost } from '../../src/core/corpus';
import { Recognizer } from '../../src/core/entities';
import { builtInEntities } from '../../src/core/kb';
import { readSeeds, TODAY } from './helpers';

class SeedHost implements CorpusHost {
  readonly seeds = readSeeds();
  async listFiles(): Promise<CorpusFile[]> {
    return this.seeds.map((s) => ({ id: `mem:/${s.name}`, name: s.name }));
  }
  async readFile(file: CorpusFile): Promise<Uint8Array> {
    return new TextEncoder().encode(this.seeds.find((s) => `mem:/${s.name}` === file.id)!.text);
  }
}

describe('on-disk cache of parsed entries', () => {
  const recognizer = new Recognizer(builtInEntities());
  const knowledge = knowledgeDigest([...recognizer.entities.values()]);
  const corpus = new Corpus(new SeedHost(), { recognizer, today: TODAY });
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
      assert.deepEqual(back, { file: entry.file, article: entry.article, mentions: entry.mentions, statements: entry.statements, discovered: entry.discovered });
      assert.ok(back.mentions.length > 0, 'mentions survive');
    });
    const first = entries[0]!;
    assert.equal(cache.get({ ...stamp(first.file.id, 0), size: 999 }), undefined, 'a changed size misses');
    assert.equal(cache.get({ ...stamp(first.file.id, 0), mtime: 1 }), undefined, 'a changed mtime misses');
    assert.equal(cache.get(stamp('mem:/other.txt', 0)), undefined, 'another path misses');
  });

  it('reads a corrupt, foreign or outdated cache as empty, without throwing', async () => {
    await corpus.ready();
    const good = writeCache(knowledge, corpus.all().map((entry, i) => ({ stamp: stamp(entry.file.id, i), entry })));
    const text = new TextDecoder().decode(good);
    const variants: (Uint8Array | undefined)[] = [
      undefined,
      new Uint8Array(0),
      good.slice(0, good.length >> 1), // truncated
      good.slice(0, good.indexOf(0x0a) + 1), // the header alone
      new Uint8Array([0xff, 0xfe, 0x00, 0x41]), // not UTF-8 JSON
      new TextEncoder().encode('[1,2,3]'),
      new TextEncoder().encode(text.replace(`"engine":${ENGINE_VERSION}`, `"engine":${ENGINE_VERSION + 1}`)),
    ];
    for (const v of variants) assert.equal(EntryCache.read(v, knowledge).size, 0);
    assert.equal(EntryCache.read(good, knowledgeDigest(['another knowledge base'])).size, 0, 'another knowledge base');
    // A damaged entry is dropped; the others stay.
    const lines = text.split('\n');
    const damaged = JSON.parse(lines[1]!) as { stamp: { size: unknown } };
    damaged.stamp.size = 'big';
    lines[1] = JSON.stringify(damaged);
    assert.equal(EntryCache.read(new TextEncoder().encode(lines.join('\n')), knowledge).size, 4);
  });

  it('digests a knowledge base: the same entities give the same key, a changed one another', () => {
    const entities = [...recognizer.entities.values()];
    assert.equal(knowledgeDigest(entities), knowledge);
    assert.notEqual(knowledgeDigest([...entities, { id: 'x' }]), knowledge);
    assert.match(knowledge, /^[0-9a-f]{16}$/);
  });
});
