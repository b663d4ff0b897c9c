/**
 * Words written joined to their particle or apart from it (عبدالرحيم / عبد الرحيم, ابوظبي / ابو ظبي), typed either
 * way, find each other, names of no known entity included; highlights are the original text's ranges.
 */
import * as assert from 'node:assert/strict';
import { buildSearchIndex } from '../../src/core/search/corpusSearch';
import type { SearchResult, SearchResults } from '../../src/core/search/index';

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
