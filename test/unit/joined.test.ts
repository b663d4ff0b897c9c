/**
 * Words written joined to their particle or apart from it (عبدالرحيم / عبد الرحيم, ابوظبي / ابو ظبي), typed either
 * way, find each other, names of no known entity included; highlights are the original text's ranges.
 */
import * as assert from 'node:assert/strict';
import { buildSearchIndex } from '../../src/core/search/corpusSearch';
import { SearchIndex, type SearchResult, type SearchResults } from '../../src/core/search/index';
import { concordance } from '../../src/core/search/concordance';
import type { Entity } from '../../src/core/entities/recognizer';

/** The original text of each of a result's matched ranges. */
function matched(texts: Record<string, string>, r: SearchResult): string[] {
  return r.matches.map(([s, e]) => texts[r.file]!.slice(s, e));
}

function passageFiles(r: SearchResults): string[] {
  return r.passages.map((p) => p.file);
}

describe('search: words joined to their particle or apart', () => {
  // Texts of our own (no recognizer: these names are no known entity's); tatweel and a shadda to check the offsets.
  const texts: Record<string, string> = {
    'joined.txt': 'خبر أول\n\nالتقى الوزير وعبدالرحيم الفلاني في مكتبه صباح الأحد.\n',
    'split.txt': 'خبر ثان\n\nوصل عبـد الرَّحيم الفلاني إلى المدينة مساء السبت.\n',
    'place.txt': 'خبر ثالث\n\nعقد الاجتماع في أبو ظبي بحضور الوفود.\n',
    'apart.txt': 'خبر رابع\n\nقال ابن خلدون إن التاريخ علم. ثم زار بن سالم سوق غازي القديم.\n',
    'benghazi.txt': 'خبر خامس\n\nوقعت اشتباكات في بنغازي أمس.\n',
  };
  const index = buildSearchIndex(Object.entries(texts).map(([name, text]) => ({ name, text })));

  it('a split query finds the joined word, highlighting the whole word without its clitic', () => {
    const r = index.search('عبد الرحيم');
    const p = r.passages.find((x) => x.file === 'joined.txt');
    assert.ok(p, `passages: ${passageFiles(r).join(', ')}`);
    assert.deepEqual([...new Set(matched(texts, p))], ['عبدالرحيم']);
    assert.equal(texts['joined.txt']!.slice(p.start, p.end), 'عبدالرحيم');
  });

  it('a joined query finds the words written apart, each highlighted as written', () => {
    const r = index.search('عبدالرحيم');
    const p = r.passages.find((x) => x.file === 'split.txt');
    assert.ok(p, `passages: ${passageFiles(r).join(', ')}`);
    assert.deepEqual(matched(texts, p), ['عبـد', 'الرَّحيم']);
    assert.equal(texts['split.txt']!.slice(p.start, p.end), 'عبـد الرَّحيم');
  });

  it('either spelling typed finds both, ranked alike', () => {
    const split = index.search('عبد الرحيم');
    const joined = index.search('عبدالرحيم');
    assert.deepEqual(passageFiles(split).sort(), ['joined.txt', 'split.txt']);
    assert.deepEqual(
      joined.passages.map((p) => [p.file, p.start, p.end, p.score]),
      split.passages.map((p) => [p.file, p.start, p.end, p.score]),
    );
    assert.deepEqual(
      joined.articles.map((a) => a.file),
      split.articles.map((a) => a.file),
    );
  });

  it('a place: ابوظبي typed joined finds أبو ظبي written apart', () => {
    const r = index.search('أبوظبي');
    const p = r.passages.find((x) => x.file === 'place.txt');
    assert.ok(p, `passages: ${passageFiles(r).join(', ')}`);
    assert.deepEqual(matched(texts, p), ['أبو', 'ظبي']);
  });

  it('a word that only starts like a particle is not split when its parts never stand side by side', () => {
    // "بن" and "غازي" are in apart.txt, but not side by side: بنغازي stays one word (غازي is a spelling variant
    // of it, two letters shorter, as before; "بن" is nothing of it).
    const r = index.search('بنغازي');
    assert.equal(r.passages[0]?.file, 'benghazi.txt');
    for (const p of r.passages) assert.ok(!matched(texts, p).includes('بن'), `${p.file}: ${matched(texts, p).join(' ')}`);
  });
});

describe('search: joined or split in quoted phrases, with fuzzy: false, in the concordance and the entity list', () => {
  // Texts of our own; the tatweel and the shadda check that ranges are the original text's.
  const texts: Record<string, string> = {
    'joined.txt': 'خبر أول\n\nالتقى الوزير وعبدالرحيم الفلاني في مكتبه صباح الأحد.\n',
    'split.txt': 'خبر ثان\n\nوصل عبـد الرَّحيم الفلاني إلى المدينة مساء السبت.\n',
    'other.txt': 'خبر ثالث\n\nقال عبد الله الرحيم إن الرحيم اسم آخر.\n',
  };
  const index = buildSearchIndex(Object.entries(texts).map(([name, text]) => ({ name, text })));
  const files = (r: SearchResults): string[] => [...new Set(r.passages.map((p) => p.file))].sort();

  it('a quoted phrase finds the words written apart and joined, either way typed', () => {
    for (const q of ['"عبد الرحيم"', '"عبدالرحيم"', '"عبد الرحيم الفلاني"', '"عبدالرحيم الفلاني"']) {
      assert.deepEqual(files(index.search(q)), ['joined.txt', 'split.txt'], q);
    }
    const r = index.search('"عبد الرحيم الفلاني"');
    const joined = r.passages.find((p) => p.file === 'joined.txt')!;
    assert.deepEqual(matched(texts, joined), ['عبدالرحيم الفلاني'], 'the joined word without its clitic, and the next');
    const split = r.passages.find((p) => p.file === 'split.txt')!;
    assert.deepEqual(matched(texts, split), ['عبـد الرَّحيم الفلاني']);
    // Side by side only: "عبد الله الرحيم" holds both words, apart.
    assert.ok(!files(index.search('"عبد الرحيم"')).includes('other.txt'));
  });

  it('fuzzy: false folds them as ordinary queries do', () => {
    // (Words, not a phrase: other.txt holds both, apart.)
    for (const q of ['عبد الرحيم', 'عبدالرحيم']) assert.deepEqual(files(index.search(q, { fuzzy: false })), ['joined.txt', 'other.txt', 'split.txt'], q);
    const joined = index.search('عبد الرحيم', { fuzzy: false }).passages.find((p) => p.file === 'joined.txt')!;
    assert.deepEqual([...new Set(matched(texts, joined))], ['عبدالرحيم'], 'both words hit at the joined word');
  });

  it('the concordance lists both spellings, typed either way', () => {
    for (const word of ['عبد الرحيم', 'عبدالرحيم']) {
      const lines = concordance(index, { word });
      assert.deepEqual(
        lines.map((l) => [l.file, l.keyword]),
        [
          ['joined.txt', 'عبدالرحيم'],
          ['split.txt', 'عبـد الرَّحيم'],
        ],
        word,
      );
    }
  });

  it('the entities a query lists are the same whichever spelling is typed', () => {
    const people: Entity[] = [
      { id: 'split-name', type: 'person', nameAr: 'عبد الرحيم الفلاني', nameEn: 'Abd al-Rahim one', aliases: [] },
      { id: 'joined-name', type: 'person', nameAr: 'عبدالرحيم العلاني', nameEn: 'Abd al-Rahim two', aliases: [] },
      { id: 'other', type: 'person', nameAr: 'الرحيم الثالث', nameEn: 'Third', aliases: [] },
    ];
    const named = new SearchIndex(people);
    people.forEach((e, i) => {
      const text = `خبر ${i}\n\nقال ${e.nameAr} إن الاجتماع انتهى.\n`;
      const start = text.indexOf(e.nameAr);
      named.add({ id: `${e.id}.txt`, name: `${e.id}.txt`, text, mentions: [{ entity: e.id, type: 'person', start, end: start + e.nameAr.length }] });
    });
    const listed = (q: string): string[] => named.search(q).entities.map((r) => r.entity!.id).sort();
    assert.deepEqual(listed('عبد الرحيم'), ['joined-name', 'split-name']);
    assert.deepEqual(listed('عبدالرحيم'), ['joined-name', 'split-name']);
    assert.deepEqual(listed('عبدالرحيم الفلاني'), listed('عبد الرحيم الفلاني'));
    assert.deepEqual(listed('عبدالرحيم الفلاني'), ['split-name']);
  });
});
