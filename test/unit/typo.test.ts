import * as assert from 'node:assert/strict';
import { fold } from '../../src/core/text/arabic';
import { tokenize } from '../../src/core/text/tokenize';
import { boundedDistance } from '../../src/core/search/fuzzy';
import { letterSignature, TypoIndex } from '../../src/core/search/typo';
import { EntityNameIndex } from '../../src/core/search/entityNames';
import { wordMatches } from '../../src/core/search/vocabulary';
import { builtInEntities } from '../../src/core/entities/kb';
import { seeded } from '../support/random';
import { readSeeds } from './helpers';

const LETTERS = 'ءابتثجحخدذرزسشصضطظعغفقكلمنهويlavrov2254';

/** One random edit of a word: a substitution, an insertion, a deletion or a transposition. */
function edit(word: string, r: ReturnType<typeof seeded>): string {
  const i = r.below(word.length + 1);
  const c = r.pick([...LETTERS]);
  switch (r.below(4)) {
    case 0: return word.slice(0, i) + c + word.slice(i + 1);
    case 1: return word.slice(0, i) + c + word.slice(i);
    case 2: return word.slice(0, i) + word.slice(i + 1);
    default: return i + 1 < word.length ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word + c;
  }
}

describe('search: typo index', () => {
  const words = [...new Set(readSeeds().flatMap(({ text }) => tokenize(fold(text)).map((t) => t.text)))].sort();
  const r = seeded(2254);
  // The vocabulary: the seeds' words and words one or two edits from them (the near misses a filter could drop).
  const forms = [...new Set([...words, ...words.flatMap((w) => [edit(w, r), edit(edit(w, r), r)])])].sort();
  const index = new TypoIndex(forms);

  it('finds exactly the forms a comparison with every form finds, at one and two edits', () => {
    const queries = [...words.filter((_, i) => i % 3 === 0), ...words.filter((_, i) => i % 5 === 0).map((w) => edit(edit(w, r), r))];
    let found = 0;
    for (const q of queries) {
      for (const k of [1, 2]) {
        const mine: string[] = [];
        index.within(q, k, (f, d) => {
          assert.equal(d, boundedDistance(q, f, k), `${q} → ${f}`);
          mine.push(f);
        });
        const all = forms.filter((f) => f !== q && boundedDistance(q, f, k) <= k);
        assert.deepEqual(mine.sort(), all, `${q} within ${k}`);
        found += all.length;
      }
    }
    assert.ok(queries.length > 500 && found > queries.length, `${queries.length} queries, ${found} forms found`);
  });

  it('gives each letter of folded Arabic a bit of its own', () => {
    // A word's letters: one bit a letter, so that انطونوف and انتونوف differ in two (ط and ت).
    assert.equal(letterSignature('انطونوف') ^ letterSignature('انتونوف'), letterSignature('ط') | letterSignature('ت'));
    assert.notEqual(letterSignature('ه'), letterSignature('ا'), 'ه and ا (in almost every word) do not share a bit');
  });
});

describe('search: entity name index', () => {
  // The knowledge base's names, folded into words as the entity matcher keeps them.
  const records = builtInEntities().map((e) => ({ words: [...new Set([e.nameAr, ...e.aliases, e.nameEn].flatMap((n) => tokenize(fold(n)).map((t) => t.text)))] }));
  const index = new EntityNameIndex(records);
  const r = seeded(7);
  const nameWords = [...new Set(records.flatMap((x) => x.words))].sort();

  it('finds every entity each query word can stand for a name word of, and few others', function () {
    this.timeout(120_000); // the comparison with every entity
    // Name words as written, with a clitic, cut short (typed), misspelt; and pairs of them.
    const words = nameWords.filter((_, i) => i % 150 === 0).flatMap((w) => [w, `و${w}`, w.slice(0, Math.max(2, w.length - 2)), edit(w, r)]);
    const queries = [...words.map((w) => [w]), ...words.slice(0, 60).map((w, i) => [w, words[(i * 7) % words.length]!])];
    let kept = 0;
    for (const q of queries) {
      const found = new Set(index.candidates(q));
      const matching = records.flatMap((x, i) => (q.every((w) => x.words.some((n) => wordMatches(w, n))) ? [i] : []));
      for (const i of matching) assert.ok(found.has(i), `${q.join(' ')} reaches ${records[i]!.words.join(' ')}`);
      kept += found.size;
    }
    assert.ok(kept < (queries.length * records.length) / 50, `${kept} candidates for ${queries.length} queries over ${records.length} entities`);
  });
});
