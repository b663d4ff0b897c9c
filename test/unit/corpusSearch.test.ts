/**
 * The live search index (CorpusSearch) kept in step with a changing corpus, one changed file at a time
 * (the corpus tells it which): after files change, come and go, it answers as an index built anew; so does
 * one restored from a snapshot and then changed.
 */
import * as assert from 'node:assert/strict';
import { concatBytes } from '../../src/core/persist/binary';
import { Corpus } from '../../src/core/corpus/corpus';
import { Recognizer } from '../../src/core/entities/recognizer';
import { builtInEntities } from '../../src/core/entities/kb';
import { buildSearchIndex, CorpusSearch } from '../../src/core/search/corpusSearch';
import { SearchIndex } from '../../src/core/search/index';
import { MemoryHost } from '../support/memoryHost';
import { readSeeds, syntheticArticles, TODAY } from './helpers';

/** Files listed sorted by name, with sizes and modification times (so the entry cache is keyed as in VS Code). */
const memoryHost = (): MemoryHost => new MemoryHost([], { sorted: true, stat: true });

const QUERIES = ['لافروف', 'سوريا', 'بوتين بايدن', 'قيصر', '"مجلس الأمن"', 'type:person الاسد', 'أنطونوف'];

/** What a user sees of the answers, as plain strings. */
function answers(index: SearchIndex): string[] {
  return QUERIES.flatMap((q) => {
    const r = index.search(q);
    return [
      `${q} entities: ${r.entities.map((x) => `${x.entity?.id}:${x.entity?.mentions}/${x.entity?.articles}`).join(' ')}`,
      `${q} articles: ${r.articles.map((x) => x.file).join(' ')}`,
      `${q} passages: ${r.passages.map((x) => `${x.file}@${x.start}-${x.end}:${x.score}`).join(' ')}`,
    ];
  });
}

/** A corpus over the host and its live search index, reading texts from the host. */
function liveSearch(host: MemoryHost, recognizer: Recognizer): { corpus: Corpus; search: CorpusSearch } {
  const corpus = new Corpus(host, { recognizer, today: TODAY });
  return { corpus, search: new CorpusSearch(corpus, async (f) => host.text(f)) };
}

async function fresh(host: MemoryHost, recognizer: Recognizer): Promise<SearchIndex> {
  return liveSearch(host, recognizer).search.ready();
}

/** Each seed twice (so that changes leave a copy behind), in memory. */
function doubledSeeds(): { seeds: { name: string; text: string }[]; host: MemoryHost } {
  const seeds = readSeeds();
  const host = memoryHost();
  for (const s of seeds) {
    host.put(s.name, s.text);
    host.put(`copy/${s.name}`, s.text);
  }
  return { seeds, host };
}

describe('live search index kept current', () => {
  const recognizer = new Recognizer(builtInEntities());

  async function change(host: MemoryHost, corpus: Corpus, seeds: { name: string; text: string }[]): Promise<void> {
    await corpus.update(host.put(seeds[0]!.name, seeds[1]!.text + '\n\nقال لافروف إن الحوار مع واشنطن مستمر.'));
    host.delete(`copy/${seeds[2]!.name}`);
    await corpus.remove(`mem:/copy/${seeds[2]!.name}`);
    await corpus.update(host.put('new.txt', seeds[2]!.text + '\n\n' + seeds[3]!.text));
    await corpus.applyChanges({ changed: [host.put(seeds[4]!.name, 'خبر قصير عن الطقس.\n\nلا أسماء هنا.')], removed: [] });
  }

  it('after files change, come and go, answers as an index built anew', async () => {
    const { seeds, host } = doubledSeeds();
    const { corpus, search } = liveSearch(host, recognizer);
    const before = await search.ready();
    assert.equal(before.size, 10);
    await change(host, corpus, seeds);
    const after = await search.ready();
    assert.equal(after, before, 'the same index, updated');
    assert.equal(after.size, 10);
    assert.deepEqual(after.search('الطقس').passages.map((p) => p.file), [`mem:/${seeds[4]!.name}`], 'the changed text is found');
    assert.ok(!answers(after).some((line) => line.includes(`copy/${seeds[2]!.name}`)), 'the removed file is not');
    assert.deepEqual(answers(after), answers(await fresh(host, recognizer)));
  });

  it('restored from a snapshot and then changed, answers as an index built anew', async () => {
    const { seeds, host } = doubledSeeds();
    const { search: firstSearch } = liveSearch(host, recognizer);
    await firstSearch.ready();
    const snapshot = firstSearch.snapshot();
    assert.ok(snapshot);
    const corpus = new Corpus(host, { recognizer, today: TODAY });
    let reads = 0;
    const search = new CorpusSearch(
      corpus,
      async (f) => {
        reads++;
        return host.text(f);
      },
      { readTextSync: (f) => host.text(f), loadSnapshot: async () => snapshot },
    );
    await search.ready();
    assert.equal(reads, 0, 'restored, not indexed from the texts');
    assert.equal(search.snapshot(true), undefined, 'unchanged since restored: the snapshot on disk holds it');
    assert.ok(firstSearch.snapshot(true) === undefined, 'nor since last taken');
    await change(host, corpus, seeds);
    const after = await search.ready();
    assert.equal(reads, 3, 'the three changed files, read once each');
    assert.ok(search.snapshot(true), 'changed: a new snapshot');
    assert.equal(search.snapshot(true), undefined);
    assert.deepEqual(answers(after), answers(await fresh(host, recognizer)));
  });

  it('makes its snapshot in slices: the same bytes, or none when the index changed meanwhile', async () => {
    const { seeds, host } = doubledSeeds();
    const { corpus, search } = liveSearch(host, recognizer);
    await search.ready();
    let pauses = 0;
    const sliced = await search.snapshotInSlices(false, async () => void pauses++, 0);
    assert.ok(sliced && pauses > 3, `${pauses} pauses`);
    assert.deepEqual(concatBytes(sliced.parts), search.snapshot());
    // A change synced while the snapshot is being made: none (the next write takes another), and none kept as taken.
    let changed = false;
    const during = await search.snapshotInSlices(false, async () => {
      if (changed) return;
      changed = true;
      await change(host, corpus, seeds);
      await search.ready();
    }, 0);
    assert.ok(changed);
    assert.equal(during, undefined);
    assert.ok(search.snapshotParts(true), 'the index as changed is still to be written');
  });

  it('prepares in slices what first queries make; answers as an index built anew after changes', async () => {
    const { seeds, host } = doubledSeeds();
    const { corpus, search } = liveSearch(host, recognizer);
    await search.ready();
    let pauses = 0;
    assert.equal(await search.prepareInSlices(async () => void pauses++, 0), true);
    assert.ok(pauses >= 2, `${pauses} pauses`);
    // Entities and words that come after (kept in the prepared indexes in place), then answers.
    await change(host, corpus, seeds);
    await corpus.update(host.put('more.txt', 'قال وزير الخارجية الفنلندي بيكا هافيستو إن أنطونوف ولافروف التقيا.'));
    const after = await search.ready();
    assert.deepEqual(answers(after), answers(await fresh(host, recognizer)));
    assert.ok(after.search('هافيستو').entities.length > 0, 'the person discovered in the new file is found');
    // The index changed while preparing: it stops (a query makes what is left).
    let changed = false;
    const prepared = await search.prepareInSlices(async () => {
      if (changed) return;
      changed = true;
      await corpus.update(host.put('more.txt', 'خبر آخر عن الطقس.'));
      await search.ready();
    }, 0);
    assert.equal(prepared, false);
    assert.deepEqual(answers(await search.ready()), answers(await fresh(host, recognizer)));
  });

  it('shows passages read off the articles\' lines exactly as from the whole texts, reading few files', async () => {
    const host = memoryHost();
    const inputs = [...readSeeds(), ...syntheticArticles(60)];
    for (const a of inputs) host.put(a.name, a.text);
    const corpus = new Corpus(host, { recognizer, today: TODAY });
    let reads = 0;
    const search = new CorpusSearch(corpus, async (f) => host.text(f), {
      readTextSync: (f) => {
        reads++;
        return host.text(f);
      },
    });
    const index = await search.ready();
    const whole = buildSearchIndex(inputs.map((a) => ({ ...a, id: `mem:/${a.name}` })), recognizer, { today: TODAY });
    let shown = 0;
    for (const q of [...QUERIES, 'وبايدن', 'ولافروف', 'الارهاب', 'روسيا واشنطن الحوار', 'بيدرسن', 'Lavrov', 'العقوبات']) {
      const got = index.search(q);
      assert.ok(got.passages.length > 0, q);
      assert.deepEqual(got, whole.search(q), q);
      shown += got.passages.length;
    }
    // A file is read only for a passage across lines, or on a line that is no part of the article (a dateline).
    assert.ok(shown > 300 && reads < shown / 20, `${reads} files read for ${shown} passages`);
  });
});
