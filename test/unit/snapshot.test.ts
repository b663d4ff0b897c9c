import * as assert from 'node:assert/strict';
import { Recognizer } from '../../src/core/entities/recognizer';
import { builtInEntities } from '../../src/core/entities/kb';
import { buildSearchIndex } from '../../src/core/search/corpusSearch';
import { SearchIndex } from '../../src/core/search/index';
import { Random } from '../support/random';
import { readSeeds, syntheticArticles, TODAY } from './helpers';

const recognizer = new Recognizer(builtInEntities());
const entities = [...recognizer.entities.values()];
const QUERIES = ['لافروف', 'روسيا واشنطن', '"وزير الخارجية"', 'Putin', 'type:person بوتين', 'العقوبات الامريكيه', 'سوريا', 'outlet:الرياض'];

function roundTrip(inputs: { name: string; text: string }[]): { original: SearchIndex; loaded: SearchIndex; reads: string[] } {
  const original = buildSearchIndex(inputs, recognizer, { today: TODAY });
  const texts = new Map(inputs.map((i) => [i.name, i.text]));
  const reads: string[] = [];
  // The entities the corpus knows: the recognizer's and those discovered in these texts.
  const loaded = SearchIndex.fromSnapshot(original.toSnapshot('k1'), 'k1', (id) => (reads.push(id), texts.get(id)), original.entities());
  assert.ok(loaded, 'the snapshot loads');
  return { original, loaded, reads };
}

describe('search index snapshot', () => {
  for (const [label, inputs] of [
    ['the seeds', readSeeds()],
    ['snn-dev-like synthetic articles', syntheticArticles(120)],
  ] as const) {
    it(`answers every query as the index it was taken from (${label})`, () => {
      const { original, loaded, reads } = roundTrip([...inputs]);
      assert.equal(reads.length, 0, 'no text is read on load');
      assert.equal(loaded.size, original.size);
      for (const q of QUERIES) assert.deepEqual(loaded.search(q), original.search(q), q);
      assert.deepEqual(loaded.occurrences({ word: 'روسيا' }).map((o) => [o.doc.id, o.start, o.end]), original.occurrences({ word: 'روسيا' }).map((o) => [o.doc.id, o.start, o.end]));
      // A snapshot of the loaded index is the same bytes.
      assert.deepEqual(loaded.toSnapshot('k1'), original.toSnapshot('k1'));
    });
  }

  it('keeps working after documents are added, replaced and removed', () => {
    const seeds = readSeeds();
    const { original, loaded } = roundTrip(seeds);
    for (const ix of [original, loaded]) {
      ix.remove(seeds[0]!.name);
      ix.add({ id: 'new.txt', name: 'new.txt', text: seeds[0]!.text + '\nميدفيديف' });
    }
    for (const q of [...QUERIES, 'ميدفيديف']) assert.deepEqual(loaded.search(q), original.search(q), q);
  });

  it('after a restore, many changes (compacting what was restored and what came since) answer as the same changes without one', () => {
    const inputs = syntheticArticles(120);
    const { original, loaded } = roundTrip(inputs);
    // Words the restored vocabulary lacks: a new word, and a new term whose stripped form it holds (ف + لافروف).
    const extra = syntheticArticles(140).slice(120).map((a, i) => (i % 3 ? a : { ...a, text: `${a.text}\nوقال ميدفيديف فلافروف` }));
    for (const ix of [original, loaded]) {
      // Added and replaced after the restore (their postings follow the restored ones), then most removed: the
      // removals pass the compaction threshold (more than 64, and a quarter of the documents).
      extra.forEach((a) => ix.add({ id: a.name, name: a.name, text: a.text }));
      ix.add({ id: inputs[5]!.name, name: inputs[5]!.name, text: inputs[7]!.text });
      inputs.slice(10, 90).forEach((a) => ix.remove(a.name));
      extra.slice(0, 5).forEach((a) => ix.remove(a.name));
    }
    assert.equal(loaded.size, original.size);
    for (const q of QUERIES) assert.deepEqual(loaded.search(q), original.search(q), q);
    assert.deepEqual(loaded.occurrences({ word: 'روسيا' }).map((o) => [o.doc.id, o.start, o.end]), original.occurrences({ word: 'روسيا' }).map((o) => [o.doc.id, o.start, o.end]));
    // The entities' counts (documents per entity, compacted after the removals) as in an index of the survivors alone.
    // (Documents added as above, without mentions; the others recognized.)
    const anew = buildSearchIndex([...inputs.slice(0, 10), ...inputs.slice(90)].filter((a) => a !== inputs[5]), recognizer, { today: TODAY });
    anew.add({ id: inputs[5]!.name, name: inputs[5]!.name, text: inputs[7]!.text });
    extra.slice(5).forEach((a) => anew.add({ id: a.name, name: a.name, text: a.text }));
    assert.equal(anew.size, loaded.size);
    const counts = (ix: SearchIndex, q: string): string[] => ix.search(q).entities.map((e) => `${e.entity?.id} ${e.entity?.mentions} ${e.entity?.articles}`);
    for (const q of ['type:person', 'type:place', 'لافروف', 'Putin']) assert.deepEqual(counts(loaded, q), counts(anew, q), q);
    // And once more through a snapshot: the restored and the added postings are written as one.
    const texts = new Map([...inputs, ...extra].map((i) => [i.name, i.text]));
    texts.set(inputs[5]!.name, inputs[7]!.text);
    const again = SearchIndex.fromSnapshot(loaded.toSnapshot('k2'), 'k2', (id) => texts.get(id), original.entities())!;
    const more = [...QUERIES, 'ميدفيديف', 'ميدفيدف', 'ميدف', 'فلافروف', 'لافروف'];
    assert.ok(original.search('ميدفيديف').passages.length > 0);
    for (const q of more) assert.deepEqual(loaded.search(q), original.search(q), q);
    for (const q of more) assert.deepEqual(again.search(q), original.search(q), q);
    // Words added since are written in the vocabulary's order, as if the index had been built in one go.
    for (const q of ['فلافروف', 'ميدف', 'ميدفيدف']) assert.deepEqual(again.expansions(q), original.expansions(q), q);
  });

  it('restores a vocabulary of 250,000 words (a 20k-article news corpus has about 400,000)', function () {
    this.timeout(60_000);
    const next = Random.lcg(5).below;
    const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
    const words = new Set<string>();
    while (words.size < 250_000) words.add(Array.from({ length: 5 + next(4) }, () => letters[next(letters.length)]).join(''));
    const list = [...words];
    const inputs = Array.from({ length: 50 }, (_, i) => ({ name: `v${i}.txt`, text: `عنوان ${i}\n\n${list.slice(i * 5000, i * 5000 + 5000).join(' ')}` }));
    const { original, loaded } = roundTrip(inputs);
    assert.ok(original.vocabularySize >= 250_000);
    assert.equal(loaded.vocabularySize, original.vocabularySize);
    for (const q of [list[0]!, list[123_456]!, list[249_999]!, `${list[77]!.slice(0, -1)}`, 'عنوان']) assert.deepEqual(loaded.search(q), original.search(q), q);
  });

  it('keeps removed documents out after a round trip', () => {
    const seeds = readSeeds();
    const original = buildSearchIndex(seeds, recognizer, { today: TODAY });
    original.remove(seeds[1]!.name);
    const loaded = SearchIndex.fromSnapshot(original.toSnapshot('k'), 'k', () => undefined, entities)!;
    assert.equal(loaded.size, seeds.length - 1);
    assert.equal(loaded.has(seeds[1]!.name), false);
  });

  it('gives undefined (rebuild) for another key, a truncated or corrupt buffer, never an error', () => {
    const original = buildSearchIndex(syntheticArticles(30), recognizer, { today: TODAY });
    const bytes = original.toSnapshot('k');
    const load = (b: Uint8Array | undefined, key = 'k'): SearchIndex | undefined => SearchIndex.fromSnapshot(b, key, () => 'x', entities);
    assert.equal(load(bytes, 'other'), undefined);
    assert.equal(load(undefined), undefined);
    assert.equal(load(new Uint8Array(0)), undefined);
    assert.equal(load(new TextEncoder().encode('{"magic":"corpus-navigator-cache"}\n')), undefined);
    for (const cut of [3, 10, 100, bytes.length >> 1, bytes.length - 1]) assert.equal(load(bytes.subarray(0, cut)), undefined, `cut at ${cut}`);
    // Flipped bytes: either refused or an index that answers without throwing.
    const random = Random.lcg(1);
    for (let k = 0; k < 40; k++) {
      const bad = bytes.slice();
      for (let j = 0; j < 8; j++) {
        const seed = random.uint32();
        bad[seed % bad.length] ^= 1 + (seed >>> 24) % 255;
      }
      const ix = load(bad);
      if (ix) for (const q of QUERIES) ix.search(q);
    }
  });
});
