import * as assert from 'node:assert/strict';
import { Corpus, CorpusFile, CorpusHost } from '../../src/core/corpus';
import { Entity, Recognizer } from '../../src/core/entities';
import { EntityIndex } from '../../src/core/entityIndex';
import { builtInEntities } from '../../src/core/kb';
import { readSeeds, TODAY } from './helpers';

class MemoryHost implements CorpusHost {
  readonly files = new Map<string, Uint8Array>();
  async listFiles(): Promise<CorpusFile[]> {
    return [...this.files.keys()].map((name) => ({ id: `mem:/${name}`, name }));
  }
  async readFile(file: CorpusFile): Promise<Uint8Array> {
    const bytes = this.files.get(file.name);
    if (!bytes) throw Object.assign(new Error(`ENOENT: no such file, ${file.name}`), { code: 'ENOENT' });
    return bytes;
  }
  put(name: string, text: string): CorpusFile {
    this.files.set(name, new TextEncoder().encode(text));
    return { id: `mem:/${name}`, name };
  }
}

/** Everything a caller can read of an index, as plain data. */
function snapshot(index: EntityIndex): unknown {
  return [...index.byId.keys()].sort().map((id) => {
    const s = index.get(id)!;
    return {
      id,
      count: s.count,
      articles: s.articles.map((a) => `${a.entry.file.id}:${a.mentions.length}`),
      roles: (s.entity.roles ?? []).map((r) => r.titleAr).sort(),
      with: index.cooccurring(id, 5).map((w) => `${w.stats.entity.id}:${w.articles}`),
      said: index.statementsOf(id).map((x) => `${x.entry.file.id}@${x.statement.start}`),
    };
  });
}

function fresh(corpus: Corpus, recognizer: Recognizer): EntityIndex {
  const all = new Map<string, Entity>(recognizer.entities);
  for (const e of corpus.all()) {
    for (const d of e.discovered) {
      const seen = all.get(d.id);
      if (!seen) all.set(d.id, { ...d, roles: [...(d.roles ?? [])] });
      else for (const r of d.roles ?? []) if (!seen.roles?.some((x) => x.titleAr === r.titleAr)) seen.roles?.push(r);
    }
  }
  return new EntityIndex(corpus.all(), all);
}

describe('entity index kept current', () => {
  it('after files change, come and go, reads as an index built anew', async () => {
    const seeds = readSeeds();
    const host = new MemoryHost();
    // Each seed twice, so that entities share articles and ties in ordering occur.
    seeds.forEach((s) => {
      host.put(s.name, s.text);
      host.put(`copy/${s.name}`, s.text);
    });
    const recognizer = new Recognizer(builtInEntities());
    const corpus = new Corpus(host, { recognizer, today: TODAY });
    await corpus.ready();
    const index = corpus.entities();
    assert.ok(index.byId.size > 10);
    // Read the rows and caches before the changes, so that they must be kept current.
    for (const id of index.byId.keys()) {
      index.cooccurring(id, 5);
      index.statementsOf(id);
    }
    const version = index.version;
    // An entity's record in one article, found through the article.
    for (const st of index.byId.values()) for (const a of st.articles) assert.equal(index.articleIn(st.entity.id, a.entry.file.id), a);
    assert.equal(index.articleIn('no-such-entity', corpus.all()[0]!.file.id), undefined);

    await corpus.update(host.put(seeds[0]!.name, seeds[1]!.text));
    assert.equal(corpus.entities(), index, 'updated in place');
    assert.ok(index.version > version);
    assert.deepEqual(snapshot(index), snapshot(fresh(corpus, recognizer)));

    host.files.delete(`copy/${seeds[2]!.name}`);
    await corpus.remove(`mem:/copy/${seeds[2]!.name}`);
    await corpus.update(host.put('new.txt', seeds[2]!.text + '\n\n' + seeds[3]!.text));
    await corpus.update(host.put(seeds[4]!.name, 'خبر قصير بلا أسماء.\n\nلا شيء هنا سوى كلام عادي عن الطقس.'));
    assert.equal(corpus.entities(), index);
    assert.deepEqual(snapshot(index), snapshot(fresh(corpus, recognizer)));
  });

  it('is built anew when most of the corpus changed, and reads the same', async () => {
    const seeds = readSeeds();
    const host = new MemoryHost();
    for (let i = 0; i < 80; i++) host.put(`f${i}.txt`, seeds[i % seeds.length]!.text);
    const recognizer = new Recognizer(builtInEntities());
    const corpus = new Corpus(host, { recognizer, today: TODAY });
    await corpus.ready();
    const index = corpus.entities();
    // A few changes: the same index, updated.
    await corpus.update(host.put('f0.txt', seeds[1]!.text));
    assert.equal(corpus.entities(), index);
    // Most files changed at once (a checkout): a new index, equal to one built from scratch.
    const changed = Array.from({ length: 70 }, (_, i) => host.put(`f${i}.txt`, seeds[(i + 2) % seeds.length]!.text));
    await corpus.applyChanges({ changed, removed: [] });
    const rebuilt = corpus.entities();
    assert.notEqual(rebuilt, index);
    assert.deepEqual(snapshot(rebuilt), snapshot(fresh(corpus, recognizer)));
    // Its long lists (an entity in 80 articles, sorted by counting) then take single changes in place.
    assert.ok([...rebuilt.byId.values()].some((st) => st.articles.length >= 64));
    await corpus.update(host.put('f3.txt', seeds[4]!.text));
    await corpus.update(host.put('f77.txt', seeds[0]!.text + '\n\n' + seeds[2]!.text));
    assert.equal(corpus.entities(), rebuilt);
    assert.deepEqual(snapshot(rebuilt), snapshot(fresh(corpus, recognizer)));
  });
});
