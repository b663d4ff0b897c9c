import * as assert from 'node:assert/strict';
import { fold } from '../../src/core/text/arabic';
import { Recognizer } from '../../src/core/entities/recognizer';
import { builtInEntities } from '../../src/core/entities/kb';
import { concordance } from '../../src/core/search/concordance';
import { buildSearchIndex } from '../../src/core/search/corpusSearch';
import { boundedDistance } from '../../src/core/search/fuzzy';
import { SearchIndex, SearchResult } from '../../src/core/search/index';
import { dateInBounds, parseQuery } from '../../src/core/search/query';
import { scanWords } from '../../src/core/text/scanner';
import { tokenize } from '../../src/core/text/tokenize';
import { Random } from '../support/random';
import { readSeeds, TODAY } from './helpers';

const seeds = readSeeds();
const textOf = new Map(seeds.map((s) => [s.name, s.text]));
const recognizer = new Recognizer(builtInEntities());
const index = buildSearchIndex(seeds, recognizer, { today: TODAY });

const short = (name: string): string => name.slice(0, 3);
const files = (rs: SearchResult[]): string[] => [...new Set(rs.map((r) => short(r.file)))].sort();
/** The original text of every matched word of the passages. */
const matched = (rs: SearchResult[]): string[] => [...new Set(rs.flatMap((r) => r.matches.map(([s, e]) => textOf.get(r.file)!.slice(s, e))))].sort();

describe('search: word scanner', () => {
  it('finds the same words and ranges as tokenize on every seed', () => {
    for (const { name, text } of seeds) {
      const mine: string[] = [];
      scanWords(text, (w, s, e) => mine.push(`${w}@${s}-${e}`));
      assert.deepEqual(mine, tokenize(text).map((t) => `${t.text}@${t.start}-${t.end}`), name);
    }
  });

  it('reads an evasion spelling as one word, and a full stop as a boundary', () => {
    const words: string[] = [];
    scanWords('عن الإرهـ.اب. ثم', (w) => words.push(w));
    assert.deepEqual(words, ['عن', 'الارهاب', 'ثم']);
  });
});

describe('search: query syntax', () => {
  it('parses words, phrases, exclusions and filters', () => {
    const q = parseQuery('لافروف "منع الاصطدام" -قيصر type:person outlet:"طيف بوست" before:2021-6 after:2020');
    assert.deepEqual(q.words, ['لافروف']);
    assert.deepEqual(q.phrases, [['منع', 'الاصطدام']]);
    assert.deepEqual(q.exclude, [['قيصر']]);
    assert.equal(q.type, 'person');
    assert.equal(q.outlet, 'طيف بوست');
    assert.equal(q.before, '2021-06');
    assert.equal(q.after, '2020');
    assert.deepEqual(q.problems, []);
    assert.deepEqual(parseQuery('type:planet').problems, ['unknown type "planet" (person, org, place or law)']);
    assert.equal(parseQuery('type:org').type, 'organisation');
  });

  it('compares dates at the precision given', () => {
    assert.ok(dateInBounds('2021-07-28', { after: '2021-01' }));
    assert.ok(!dateInBounds('2021-07-28', { after: '2021' }), 'after:2021 means from 2022');
    assert.ok(dateInBounds('2020-07-17', { before: '2021' }));
    assert.ok(!dateInBounds(undefined, { before: '2021' }), 'an undated article is left out by a date filter');
  });

  it('measures edit distance with transpositions, bounded', () => {
    assert.equal(boundedDistance('بيدرسن', 'بيدرسون', 1), 1);
    assert.equal(boundedDistance('انطونوف', 'انتونوف', 1), 1);
    assert.equal(boundedDistance('lavrov', 'lavorv', 1), 1);
    assert.equal(boundedDistance('بوتين', 'بايدن', 1), 2, 'stops past the bound');
    // Against the textbook table, on random words of 0–80 letters (its rows are reused from call to call).
    const osa = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      }
      return d[a.length]![b.length]!;
    };
    const next = Random.lcg(11).below;
    const word = (): string => Array.from({ length: next(3) === 0 ? next(81) : next(9) }, () => 'ابتث'[next(4)]).join('');
    for (let k = 0; k < 1500; k++) {
      const [a, b, max] = [word(), word(), next(4)];
      assert.equal(boundedDistance(a, b, max), Math.min(osa(a, b), max + 1), `${a} ${b} ${max}`);
    }
  });
});

describe('search: seed query set', () => {
  it('انطونوف finds both spellings, أنطونوف and أنتونوف', () => {
    const r = index.search('انطونوف');
    assert.deepEqual(files(r.passages), ['000', '003', '004']);
    assert.deepEqual(matched(r.passages), ['أنتونوف', 'أنطونوف']);
    assert.equal(r.entities[0]?.entity?.id, 'anatoly-antonov');
  });

  it('الاسد finds الأسد (missing hamza)', () => {
    const r = index.search('الاسد');
    assert.deepEqual(matched(r.passages), ['الأسد']);
    assert.deepEqual(files(r.passages), ['001', '002', '004']);
    assert.equal(r.entities[0]?.entity?.id, 'bashar-al-assad');
  });

  it('سوريه finds سورية and سوريا (ta marbuta, ya, alef)', () => {
    const r = index.search('سوريه', { limit: { passage: 500 } });
    const words = matched(r.passages);
    assert.ok(words.includes('سورية') && words.includes('سوريا'), words.join(' '));
    assert.deepEqual(files(r.passages), ['000', '001', '002', '003', '004']);
  });

  it('diacritics in the query or the text do not matter', () => {
    assert.deepEqual(matched(index.search('بناء').passages).filter((w) => w.includes('ّ')), ['بنّاء']);
    const plain = index.search('لافروف').passages.map((p) => p.start);
    assert.deepEqual(index.search('لَافْرُوفُ').passages.map((p) => p.start), plain);
    assert.ok(plain.length >= 3);
  });

  it('الارهاب finds the evasion spelling الإرهـ.اب and the plain one', () => {
    const r = index.search('الارهاب');
    const words = matched(r.passages);
    assert.ok(words.includes('الإرهـ.اب') && words.includes('الإرهاب'), words.join(' '));
    assert.deepEqual(files(r.passages), ['000', '002', '003'], 'الإرهـ.ـابية in 002 too, as a longer word');
  });

  it('finds an evasion spelling in a generated text, whatever the dots and tatweel', () => {
    const ix = new SearchIndex();
    ix.add({ id: 'a', name: 'a.txt', text: 'حديث عن مكافحة الإرهـ.ـ.اب والأسـ.لـ.حـ.ة. ثم انتهى' });
    ix.add({ id: 'b', name: 'b.txt', text: 'لا شيء هنا عن ذلك' });
    const r = ix.search('الارهاب الاسلحه');
    assert.equal(r.passages.length, 1);
    assert.deepEqual(matched2(ix, r.passages), ['الأسـ.لـ.حـ.ة', 'الإرهـ.ـ.اب']);
  });

  it('وبايدن finds بايدن, highlighting the name without the clitic', () => {
    const r = index.search('وبايدن', { limit: { passage: 500 } });
    assert.deepEqual(files(r.passages), ['000', '002', '003', '004']);
    assert.deepEqual(matched(r.passages), ['بايدن', 'وبايدن'], 'وبايدن as written, and بايدن alone');
    const plain = index.search('بايدن', { limit: { passage: 500 } });
    assert.deepEqual(matched(plain.passages), ['بايدن'], 'بايدن highlights only the name in وبايدن');
    assert.ok(plain.passages.some((p) => textOf.get(p.file)!.slice(p.start - 1, p.end) === 'وبايدن'));
    for (const p of plain.passages) for (const [s, e] of p.highlights) assert.equal(p.snippet.slice(s, e), 'بايدن');
  });

  it('بيدرسن (a typo) finds بيدرسون', () => {
    const r = index.search('بيدرسن');
    assert.deepEqual(matched(r.passages), ['بيدرسون']);
    assert.equal(r.entities[0]?.entity?.id, 'geir-pedersen');
  });

  it('lavrof and Lavrov find Lavrov through his English name', () => {
    for (const q of ['lavrof', 'Lavrov']) {
      const r = index.search(q);
      assert.equal(r.entities[0]?.entity?.id, 'sergey-lavrov', q);
      assert.deepEqual(files(r.passages), ['000'], q);
      assert.ok(matched(r.passages).includes('لافروف'), q);
    }
    assert.equal(index.search('lavrentiev').entities.length, 0, 'an English name not in the seeds finds no entity');
  });

  it('"Caesar Act" and Geneva map to the Arabic names', () => {
    const caesar = index.search('Caesar Act');
    assert.equal(caesar.entities[0]?.entity?.id, 'caesar-act');
    assert.ok(matched(caesar.passages).includes('قانون قيصر'));
    assert.deepEqual(files(caesar.passages), ['000', '001']);
    const geneva = index.search('Geneva');
    assert.ok(geneva.entities.some((e) => e.entity?.id === 'geneva'));
    assert.deepEqual(matched(geneva.passages), ['جنيف']);
  });

  it('2254 finds the resolution, and a number is never spelled differently', () => {
    const r = index.search('2254');
    assert.deepEqual(files(r.passages), ['001']);
    assert.equal(r.entities[0]?.entity?.id, 'unsc-2254');
    assert.equal(index.search('2253').passages.length, 0);
  });

  it('a multi-word query wants every word and ranks close words first', () => {
    const r = index.search('بوتين بايدن');
    assert.ok(r.passages.length > 0);
    for (const p of r.passages) {
      const words = p.matches.map(([s, e]) => fold(textOf.get(p.file)!.slice(s, e)));
      assert.ok(words.some((w) => w.endsWith('بوتين')) && words.some((w) => w.endsWith('بايدن')), p.snippet);
    }
    const wordsBetween = r.passages.map((p) => tokenize(textOf.get(p.file)!.slice(p.start, p.end)).length);
    assert.equal(wordsBetween[0], 2, 'side by side first');
    assert.equal(wordsBetween[wordsBetween.length - 1], Math.max(...wordsBetween), `farthest last: ${wordsBetween.join(',')}`);
    const ix = new SearchIndex();
    ix.add({ id: 'far', name: 'far.txt', text: `بوتين ${'كلام '.repeat(30)}بايدن` });
    ix.add({ id: 'near', name: 'near.txt', text: 'التقى بوتين بايدن في جنيف' });
    assert.deepEqual(ix.search('بوتين بايدن').passages.map((p) => p.file), ['near', 'far']);
  });

  it('the first k passages are the same, whatever the limit (bounds never drop a better article)', () => {
    // Articles recombined from the seeds' sentences (deterministic), so every query word is in many.
    const sentences = seeds.flatMap((s) => s.text.split(/(?<=[.!؟?])\s+|\n+/u)).filter((x) => x.trim().length > 20);
    let r = 7;
    const next = (): number => (r = (r * 1103515245 + 12345) % 2147483648) / 2147483648;
    const ix = new SearchIndex();
    for (let i = 0; i < 300; i++) {
      const parts = Array.from({ length: 6 + Math.floor(next() * 12) }, () => sentences[Math.floor(next() * sentences.length)]!);
      ix.add({ id: `d${i}`, name: `d${String(i).padStart(3, '0')}.txt`, text: parts.join(i % 3 ? ' ' : '\n\n') });
    }
    const key = (p: SearchResult): string => `${p.file} ${p.start} ${p.end} ${p.score}`;
    for (const q of ['بوتين بايدن', 'روسيا واشنطن الحوار', 'العقوبات الامريكيه', 'سوريه', 'الارهاب سوريه']) {
      const all = ix.search(q, { limit: { passage: 5000 } }).passages.map(key);
      assert.ok(all.length > 20, q);
      for (const k of [1, 3, 10, 50]) assert.deepEqual(ix.search(q, { limit: { passage: k } }).passages.map(key), all.slice(0, k), `${q}, first ${k}`);
    }
  });

  it('"exact phrase" wants the words side by side, in order', () => {
    const r = index.search('"منع الاصطدام"');
    assert.deepEqual(files(r.passages), ['003']);
    assert.deepEqual(r.passages.map((p) => textOf.get(p.file)!.slice(p.start, p.end)), ['منع الاصطدام']);
    assert.equal(index.search('"الاصطدام منع"').passages.length, 0);
  });

  it('-word leaves out the articles holding it', () => {
    const withQaisar = files(index.search('قيصر').passages);
    const r = index.search('بوتين -قيصر');
    assert.ok(r.passages.length > 0);
    for (const f of files(r.passages)) assert.ok(!withQaisar.includes(f), f);
    assert.ok(files(index.search('بوتين').passages).some((f) => withQaisar.includes(f)), 'the exclusion removed something');
  });

  it('type: keeps entities of that type, and passages naming one', () => {
    const person = index.search('type:person الاسد');
    assert.ok(person.entities.length > 0 && person.entities.every((e) => e.entity?.type === 'person'));
    const law = index.search('type:law قيصر');
    assert.deepEqual(law.entities.map((e) => e.entity?.id), ['caesar-act']);
    const places = index.search('type:place');
    assert.ok(places.entities.some((e) => e.entity?.id === 'geneva') && places.entities.every((e) => e.entity?.type === 'place'));
  });

  it('outlet: keeps one outlet’s articles', () => {
    const r = index.search('outlet:"طيف بوست" سوريا');
    assert.deepEqual(files(r.passages), ['001', '002']);
    assert.ok([...r.articles, ...r.passages].every((x) => x.outlet === 'طيف بوست'));
    assert.deepEqual(files(index.search('الحل نت').articles), ['004'], 'an outlet name finds its articles');
  });

  it('before: and after: keep dated articles', () => {
    assert.deepEqual(files(index.search('after:2021-01-01 انطونوف').passages), ['003']);
    assert.deepEqual(files(index.search('before:2021 سوريا').passages), ['001']);
  });

  it('article results match titles; ranges map to the original text', () => {
    const r = index.search('حراك دبلوماسي');
    assert.equal(short(r.articles[0]!.file), '001');
    for (const x of [...r.entities, ...r.articles, ...r.passages]) {
      const text = textOf.get(x.file)!;
      assert.ok(x.start >= 0 && x.end <= text.length && x.start < x.end);
      for (const [s, e] of x.highlights) assert.ok(s >= 0 && e <= x.snippet.length && s < e);
      if (x.kind === 'article') assert.equal(text.slice(x.start, x.end), x.title);
      if (x.kind === 'passage') for (const [s, e] of x.matches) assert.ok(x.snippet.includes(text.slice(s, e)));
    }
  });

  it('prefixes complete words being typed', () => {
    assert.ok(matched(index.search('لافرو').passages).includes('لافروف'));
  });
});

function matched2(ix: SearchIndex, rs: SearchResult[]): string[] {
  const texts = new Map(ix.documents().map((d) => [d.id, d.text]));
  return [...new Set(rs.flatMap((r) => r.matches.map(([s, e]) => texts.get(r.file)!.slice(s, e))))].sort();
}

describe('search: incremental index', () => {
  it('adds, replaces and removes one document at a time', () => {
    const ix = buildSearchIndex(seeds, recognizer, { today: TODAY });
    assert.equal(ix.search('ميدفيديف').passages.length, 0);
    ix.add({ id: 'new', name: 'new.txt', text: 'قال ميدفيديف إن الحوار مستمر' });
    assert.deepEqual(ix.search('ميدفيديف').passages.map((p) => p.file), ['new']);
    ix.add({ id: 'new', name: 'new.txt', text: 'نص آخر تماما' });
    assert.equal(ix.search('ميدفيديف').passages.length, 0);
    assert.equal(ix.size, 6);
    ix.remove('000_7244c6ac2c0b5fe9.txt');
    assert.equal(ix.search('لافروف').passages.length, 0);
    assert.equal(ix.search('Lavrov').entities.length, 0);
    for (const s of seeds) ix.remove(s.name);
    assert.equal(ix.size, 1);
    assert.deepEqual(ix.search('نص').passages.map((p) => p.file), ['new']);
  });
});

describe('search: concordance', () => {
  it('lists every occurrence of a word with its context, sortable by the left or right word', () => {
    const lines = concordance(index, { word: 'بايدن' }, { sort: 'left', width: 40 });
    const total = seeds.reduce((n, s) => n + tokenize(s.text).filter((t) => t.text.endsWith('بايدن')).length, 0);
    assert.equal(lines.length, total);
    for (const l of lines) {
      assert.equal(l.keyword, 'بايدن');
      assert.equal(textOf.get(l.file)!.slice(l.start, l.end), 'بايدن');
      assert.ok(l.left.length <= 41 && l.right.length <= 41);
    }
    const collator = new Intl.Collator('ar');
    for (let i = 1; i < lines.length; i++) assert.ok(collator.compare(lines[i - 1]!.leftWord, lines[i]!.leftWord) <= 0);
    const right = concordance(index, { word: 'بايدن' }, { sort: 'right' });
    for (let i = 1; i < right.length; i++) assert.ok(collator.compare(right[i - 1]!.rightWord, right[i]!.rightWord) <= 0);
    assert.ok(lines.some((l) => l.leftWord === 'بوتين'));
  });

  it('lists an entity’s mentions, and spelling variants on request', () => {
    const lavrov = concordance(index, { entity: 'sergey-lavrov' });
    assert.equal(lavrov.length, recognizer.recognize(textOf.get('000_7244c6ac2c0b5fe9.txt')!).filter((m) => m.entity === 'sergey-lavrov').length);
    assert.ok(lavrov.every((l) => l.keyword.includes('لافروف')));
    const plain = concordance(index, { word: 'أنطونوف' });
    const variants = concordance(index, { word: 'أنطونوف' }, { variants: true });
    assert.ok(plain.every((l) => l.keyword === 'أنطونوف'));
    assert.ok(variants.some((l) => l.keyword === 'أنتونوف') && variants.length > plain.length);
  });
});
