import * as assert from 'node:assert/strict';
import { fold } from '../../src/core/text/arabic';
import { tokenize } from '../../src/core/text/tokenize';
import { boundedDistance } from '../../src/core/search/fuzzy';
import { letterSignature, TypoIndex } from '../../src/core/search/typo';
import { NamedEntities } from '../../src/core/search/entityNames';
import { foldedWords } from '../../src/core/search/query';
import { Vocabulary, wordMatches } from '../../src/core/search/vocabulary';
import { builtInEntities } from '../../src/core/entities/kb';
import { joinCompound } from '../../src/core/entities/names';
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

  it('finds exactly the forms a comparison with every form finds, at one and two edits', function () {
    this.timeout(30_000); // the comparison with every form
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

  it('finds forms added one by one in the order of an index made with them', () => {
    const half = new TypoIndex(forms.filter((_, i) => i % 2 === 0));
    for (const f of forms.filter((_, i) => i % 2 === 1).reverse()) half.add(f);
    for (const q of words.filter((_, i) => i % 7 === 0)) {
      const a: string[] = [];
      const b: string[] = [];
      index.within(q, 2, (f) => a.push(f));
      half.within(q, 2, (f) => b.push(f));
      assert.deepEqual(b, a, q);
    }
  });

  it('gives a vocabulary grown after its typo index was made the expansions of one made at once', () => {
    const queries = words.filter((_, i) => i % 11 === 0).flatMap((w) => [w, edit(w, r)]);
    const grown = new Vocabulary();
    const made = (n: number): Vocabulary => {
      const v = new Vocabulary();
      forms.slice(0, n).forEach((f) => v.term(f));
      return v;
    };
    // A few words (a file changed: put in place), then many (a corpus read: the index made again).
    const [few, all] = [1100, forms.length];
    forms.slice(0, 1000).forEach((f) => grown.term(f));
    queries.forEach((q) => grown.expansions(q)); // makes the sorted forms and the typo index
    for (const n of [few, all]) {
      forms.slice(grown.size, n).forEach((f) => grown.term(f));
      const once = made(n);
      for (const q of queries) assert.deepEqual(grown.expansions(q), once.expansions(q), `${q} (${n} words)`);
    }
  });

  it('gives each letter of folded Arabic a bit of its own', () => {
    // A word's letters: one bit a letter, so that انطونوف and انتونوف differ in two (ط and ت).
    assert.equal(letterSignature('انطونوف') ^ letterSignature('انتونوف'), letterSignature('ط') | letterSignature('ت'));
    assert.notEqual(letterSignature('ه'), letterSignature('ا'), 'ه and ا (in almost every word) do not share a bit');
  });
});

describe('search: entity name index', () => {
  const entities = builtInEntities();
  const r = seeded(7);

  /** The candidates against the filter they stand in for: every entity it accepts is among them. */
  function check(named: NamedEntities, live: readonly { id: string; words: string[] }[], queries: readonly string[][]): number {
    let kept = 0;
    for (const q of queries) {
      const found = new Set(named.candidates(q).map((x) => x.id));
      for (const x of live) if (q.every((w) => x.words.some((n) => wordMatches(w, n)))) assert.ok(found.has(x.id), `${q.join(' ')} reaches ${x.words.join(' ')}`);
      for (const id of found) assert.ok(live.some((x) => x.id === id), `${q.join(' ')}: ${id} is not named any more`);
      kept += found.size;
    }
    return kept;
  }

  it('finds every entity each query word can stand for a name word of, and few others', function () {
    this.timeout(120_000); // the comparison with every entity
    const named = new NamedEntities();
    for (const e of entities) named.add(e);
    const live = entities.map((e) => ({ id: e.id, words: wordsOf(e) }));
    const nameWords = [...new Set(live.flatMap((x) => x.words))].sort();
    // Name words as written, with a clitic, cut short (typed), misspelt; and pairs of them.
    const words = nameWords.filter((_, i) => i % 150 === 0).flatMap((w) => [w, `و${w}`, w.slice(0, Math.max(2, w.length - 2)), edit(w, r)]);
    const queries = [...words.map((w) => [w]), ...words.slice(0, 60).map((w, i) => [w, words[(i * 7) % words.length]!])];
    const kept = check(named, live, queries);
    assert.ok(kept < (queries.length * live.length) / 50, `${kept} candidates for ${queries.length} queries over ${live.length} entities`);
  });

  it('stays exact as entities are named and let go after its index was made', function () {
    this.timeout(60_000);
    const named = new NamedEntities();
    const first = entities.slice(0, 1500);
    for (const e of first) named.add(e);
    const queries = first.filter((_, i) => i % 25 === 0).flatMap((e) => wordsOf(e).slice(0, 1).map((w) => [w]));
    check(named, first.map((e) => ({ id: e.id, words: wordsOf(e) })), queries); // makes the index
    // Later entities come: a few (their forms loose beside the index), then many (past MAX_LOOSE_FORMS: the index
    // made again); some go.
    const gone = new Set(first.filter((_, i) => i % 3 === 0).map((e) => e.id));
    for (const id of gone) named.remove(id);
    const probe = (list: readonly typeof entities[number][]): string[][] => list.filter((_, i) => i % 20 === 0).flatMap((e) => wordsOf(e).slice(0, 1).flatMap((w) => [[w], [w.slice(0, Math.max(2, w.length - 2))], [edit(w, r)]]));
    const few = entities.slice(1500, 1700);
    for (const e of few) named.add(e);
    const liveNow = (list: readonly typeof entities[number][]): { id: string; words: string[] }[] => list.filter((e) => !gone.has(e.id)).map((e) => ({ id: e.id, words: wordsOf(e) }));
    check(named, liveNow([...first, ...few]), [...queries, ...probe(few)]);
    const later = entities.slice(1700, 4000);
    for (const e of later) named.add(e);
    const live = liveNow([...first, ...few, ...later]);
    const more = probe(later);
    check(named, live, [...queries, ...more]);
  });
});

/** An entity's name words, folded, as the matcher keeps them. */
/** A name's words as the index of names holds them: folded, compound names joined (عبد الرحمن as عبدالرحمن). */
function wordsOf(e: { nameAr: string; aliases: readonly string[]; nameEn?: string }): string[] {
  return [...new Set([e.nameAr, ...e.aliases, e.nameEn ?? ''].flatMap((n) => joinCompound(foldedWords(n).join(' ')).split(' ').filter(Boolean)))];
}
