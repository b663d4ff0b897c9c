import * as assert from 'node:assert/strict';
import { parseArticle } from '../../src/core/article/article';
import { Corpus, CorpusEntry } from '../../src/core/corpus/corpus';
import { Entity, Recognizer } from '../../src/core/entities/recognizer';
import { type ArticleMentions, EntityIndex, firstArticles } from '../../src/core/corpus/entityIndex';
import { builtInEntities } from '../../src/core/entities/kb';
import { MemoryHost } from '../support/memoryHost';
import { Random } from '../support/random';
import { readSeeds, TODAY } from './helpers';

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

describe('entities named with an entity, past the dense matrix (more than 2,048 entities)', () => {
  it('gives the entities sharing most articles, as counted by hand, before and after changes', () => {
    const next = Random.lcg(9).below;
    const entities = new Map<string, Entity>();
    for (let i = 0; i < 3000; i++) entities.set(`e${i}`, { id: `e${i}`, type: 'person', nameAr: `اسم ${i}`, nameEn: `Name ${i}`, aliases: [] });
    const article = parseArticle('a.txt', 'عنوان\n\nنص قصير.');
    const entry = (k: number): CorpusEntry => {
      // Everyone names e0; the rest from a few hundred, with repeats (counts of shared articles tie often).
      const named = new Set([0, ...Array.from({ length: 1 + next(12) }, () => (next(2) === 0 ? next(3000) : next(300)))]);
      const mentions = [...named].map((e, i) => ({ entity: `e${e}`, type: 'person' as const, start: i, end: i + 1, text: 'x', range: { start: i, end: i + 1, line: 0, character: i, endLine: 0, endCharacter: i + 1 }, snippet: 'x' }));
      return { file: { id: `mem:/a${k}.txt`, name: `a${k}.txt` }, article, mentions, statements: [], discovered: [] };
    };
    let entries = Array.from({ length: 1500 }, (_, k) => entry(k));
    const byHand = (id: string, limit: number): string[] => {
      const shared = new Map<string, number>();
      for (const e of entries) {
        const ids = new Set(e.mentions.map((m) => m.entity));
        if (ids.has(id)) for (const o of ids) if (o !== id) shared.set(o, (shared.get(o) ?? 0) + 1);
      }
      const counts = new Map<string, number>();
      for (const e of entries) for (const m of e.mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
      const count = (o: string): number => counts.get(o) ?? 0;
      return [...shared]
        .sort(([a, x], [b, y]) => y - x || count(b) - count(a) || (a < b ? -1 : 1))
        .slice(0, limit)
        .map(([o, n]) => `${o}:${n}`);
    };
    const index = new EntityIndex(entries, entities);
    assert.ok(index.byId.size > 2048, `${index.byId.size} entities named`);
    const read = (id: string, limit: number): string[] => index.cooccurring(id, limit).map((w) => `${w.stats.entity.id}:${w.articles}`);
    for (const id of ['e0', 'e1', 'e17', 'e299', 'e2500']) for (const limit of [1, 5, 100000]) assert.deepEqual(read(id, limit), byHand(id, limit), `${id} ${limit}`);
    // Changes after the rows were made: they are kept current.
    entries = entries.map((e, k) => (k < 40 ? { ...entry(2000 + k), file: e.file } : e));
    entries.slice(0, 40).forEach((e) => index.update(e.file.id, e));
    index.update(entries[40]!.file.id, undefined);
    entries.splice(40, 1);
    for (const id of ['e0', 'e1', 'e17', 'e299']) for (const limit of [1, 5]) assert.deepEqual(read(id, limit), byHand(id, limit), `${id} ${limit} after changes`);
  });
});

describe('entities named with an entity named in most articles (sets of bits), past the dense matrix', () => {
  it('gives the entities sharing most articles, as counted by hand, before and after changes', () => {
    const next = Random.lcg(5).below;
    const entities = new Map<string, Entity>();
    for (let i = 0; i < 3000; i++) entities.set(`e${i}`, { id: `e${i}`, type: 'person', nameAr: `اسم ${i}`, nameEn: `Name ${i}`, aliases: [] });
    const article = parseArticle('a.txt', 'عنوان\n\nنص قصير.');
    const entry = (k: number): CorpusEntry => {
      // Twelve entities each named in most articles (shared counts close, ties among them), and a few of thousands.
      const named = new Set([...Array.from({ length: 12 }, (_, e) => e).filter(() => next(10) < 7), ...Array.from({ length: 4 }, () => 12 + next(2988))]);
      const mentions = [...named].map((e, i) => ({ entity: `e${e}`, type: 'person' as const, start: i, end: i + 1, text: 'x', range: { start: i, end: i + 1, line: 0, character: i, endLine: 0, endCharacter: i + 1 }, snippet: 'x' }));
      return { file: { id: `mem:/b${k}.txt`, name: `b${k}.txt` }, article, mentions, statements: [], discovered: [] };
    };
    let entries = Array.from({ length: 1200 }, (_, k) => entry(k));
    const byHand = (id: string, limit: number): string[] => {
      const shared = new Map<string, number>();
      const counts = new Map<string, number>();
      for (const e of entries) {
        const ids = new Set(e.mentions.map((m) => m.entity));
        if (ids.has(id)) for (const o of ids) if (o !== id) shared.set(o, (shared.get(o) ?? 0) + 1);
        for (const m of e.mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
      }
      const count = (o: string): number => counts.get(o) ?? 0;
      return [...shared].sort(([a, x], [b, y]) => y - x || count(b) - count(a) || (a < b ? -1 : 1)).slice(0, limit).map(([o, n]) => `${o}:${n}`);
    };
    const index = new EntityIndex(entries, entities);
    assert.ok(index.byId.size > 2048, `${index.byId.size} entities named`);
    const read = (id: string, limit: number): string[] => index.cooccurring(id, limit).map((w) => `${w.stats.entity.id}:${w.articles}`);
    const ids = ['e0', 'e3', 'e7', 'e11'];
    for (const id of ids) for (const limit of [1, 3, 5, 11]) assert.deepEqual(read(id, limit), byHand(id, limit), `${id} ${limit}`);
    // Files replaced, removed and added after the sets were made: they are kept current (and made longer).
    entries = entries.map((e, k) => (k < 60 ? { ...entry(5000 + k), file: e.file } : e));
    entries.slice(0, 60).forEach((e) => index.update(e.file.id, e));
    for (const e of entries.splice(60, 30)) index.update(e.file.id, undefined);
    for (let k = 0; k < 700; k++) {
      const e = entry(9000 + k);
      entries.push(e);
      index.update(e.file.id, e);
    }
    for (const id of ids) for (const limit of [1, 5]) assert.deepEqual(read(id, limit), byHand(id, limit), `${id} ${limit} after changes`);
  });
});

describe('entity index kept current', () => {
  it('gives the statement a hover shows (the person\'s first in this article, else in the corpus), before and after changes', async () => {
    const seeds = readSeeds();
    const host = new MemoryHost();
    seeds.forEach((s) => host.put(s.name, s.text));
    const recognizer = new Recognizer(builtInEntities());
    const corpus = new Corpus(host, { recognizer, today: TODAY });
    await corpus.ready();
    const index = corpus.entities();
    // As the hover read it: the whole list, searched.
    const expected = (id: string, file?: string) => {
      const said = index.statementsOf(id);
      return said.find((x) => x.entry.file.id === file) ?? said[0];
    };
    const check = (): number => {
      let people = 0;
      for (const st of index.byId.values()) {
        if (index.statementsOf(st.entity.id).length === 0) continue;
        people++;
        for (const file of [undefined, ...corpus.all().map((e) => e.file.id)]) assert.equal(index.statementFor(st.entity.id, file), expected(st.entity.id, file), `${st.entity.id} ${file}`);
      }
      return people;
    };
    assert.ok(check() > 3);
    // Each seed copied under a name first in the corpus: the people speaking there have their first statement there.
    for (const [i, seed] of seeds.entries()) {
      await corpus.update(host.put(`0-${i}.txt`, seed.text));
      assert.equal(corpus.entities(), index, 'updated in place');
      check();
    }
    assert.ok(index.statementsOf([...index.byId.keys()].find((id) => index.statementsOf(id).length > 0)!)[0]!.entry.file.name.startsWith('0-'));
    await corpus.remove(`mem:/0-0.txt`);
    assert.equal(corpus.entities(), index);
    assert.ok(check() > 3);
  });

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

    host.delete(`copy/${seeds[2]!.name}`);
    await corpus.remove(`mem:/copy/${seeds[2]!.name}`);
    await corpus.update(host.put('new.txt', seeds[2]!.text + '\n\n' + seeds[3]!.text));
    await corpus.update(host.put(seeds[4]!.name, 'خبر قصير بلا أسماء.\n\nلا شيء هنا سوى كلام عادي عن الطقس.'));
    assert.equal(corpus.entities(), index);
    assert.deepEqual(snapshot(index), snapshot(fresh(corpus, recognizer)));
  });

  it('kept current before any article list was read (their records not made yet), reads as an index built anew', async () => {
    const seeds = readSeeds();
    const host = new MemoryHost();
    seeds.forEach((s) => {
      host.put(s.name, s.text);
      host.put(`copy/${s.name}`, s.text);
    });
    const recognizer = new Recognizer(builtInEntities());
    const corpus = new Corpus(host, { recognizer, today: TODAY });
    await corpus.ready();
    const index = corpus.entities();
    // A file alone in naming an entity, replaced by one naming the same: the set of entities named is unchanged.
    const solo = 'أزمة حكومية في بيروت\n\nقال رئيس الوزراء اللبناني تمام سلام إن الحكومة باقية رغم الأزمة.';
    await corpus.update(host.put('solo.txt', solo));
    assert.equal(corpus.entities(), index, 'updated in place');
    assert.ok(index.get('tammam-salam'), corpus.get('mem:/solo.txt')?.mentions.map((m) => m.entity).join(' '));
    const named = index.namedVersion;
    await corpus.update(host.put('solo.txt', `${solo}\n\nوقال المتحدث إن الاجتماع انتهى.`));
    assert.equal(corpus.entities(), index);
    assert.equal(index.namedVersion, named, 'a file naming the same entities leaves the named set');
    await corpus.update(host.put('solo.txt', 'خبر قصير بلا أسماء.\n\nلا شيء هنا سوى كلام عادي عن الطقس.'));
    assert.equal(corpus.entities(), index);
    assert.ok(index.namedVersion > named && !index.get('tammam-salam'), 'one no longer named');
    await corpus.update(host.put(seeds[0]!.name, seeds[1]!.text));
    await corpus.update(host.put(`copy/${seeds[3]!.name}`, seeds[3]!.text + '\n\n' + seeds[2]!.text));
    host.delete(`copy/${seeds[4]!.name}`);
    await corpus.remove(`mem:/copy/${seeds[4]!.name}`);
    assert.equal(corpus.entities(), index, 'updated in place');
    assert.deepEqual(snapshot(index), snapshot(fresh(corpus, recognizer)));
  });

  it('gives an entity\'s first articles and their count before its list is made, the same records after', async () => {
    const seeds = readSeeds();
    const host = new MemoryHost();
    seeds.forEach((s) => {
      host.put(s.name, s.text);
      host.put(`copy/${s.name}`, s.text);
    });
    const corpus = new Corpus(host, { recognizer: new Recognizer(builtInEntities()), today: TODAY });
    await corpus.ready();
    const index = corpus.entities();
    const key = (a: ArticleMentions): string => `${a.entry.file.id}:${a.count}:${a.mentions.length}`;
    const heads = new Map([...index.byId].map(([id, st]) => [id, firstArticles(st, 3)]));
    const counts = new Map([...index.byId].map(([id, st]) => [id, st.articleCount ?? st.articles.length]));
    assert.ok([...counts.values()].some((n) => n > 3));
    for (const [id, st] of index.byId) {
      assert.equal(counts.get(id), st.articles.length, id);
      assert.deepEqual(heads.get(id)!.map(key), st.articles.slice(0, 3).map(key), id);
      heads.get(id)!.forEach((a, i) => assert.equal(a, st.articles[i], `${id}: the same record`));
    }
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
