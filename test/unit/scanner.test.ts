/**
 * One tokenizer: `scanWords` (indexing, queries) and `tokenize` (recognition) cut words by the rules of
 * src/core/text/wordRules.ts, and give the same words with the same ranges on text written to exercise each rule.
 */
import * as assert from 'node:assert/strict';
import { scanWords } from '../../src/core/text/scanner';
import { tokenize } from '../../src/core/text/tokenize';
import { evasionDotEnd, isAllWord, markedEnd, wordUnitsAt } from '../../src/core/text/wordRules';

const scanned = (text: string): string[] => {
  const out: string[] = [];
  scanWords(text, (w, s, e) => out.push(`${w}@${s}-${e}`));
  return out;
};
const tokens = (text: string): string[] => tokenize(text).map((t) => `${t.text}@${t.start}-${t.end}`);

/** Each line exercises a rule of wordRules.ts. */
const CASES: [string, string][] = [
  ['marks on the last letter belong to the word', 'قال لافروفُ إنّ الوزيرَ وصلَ'],
  ['an evasion dot (and tatweel) inside a word is dropped', 'الإرهـ.اب والأسـ..ـد'],
  ['a full stop after an Arabic word ends it', 'وصل الوزير. ثم غادر.'],
  ['a dot between Latin letters ends a word', 'U.S. and U.N. officials'],
  ['a decomposed hamza folds like the composed one', 'ا\u0654حمد مسو\u0654ول'],
  ['Arabic-Indic and Persian digits are numbers', 'عام ٢٠١٥ و۱۳۹۴ و2015'],
  ['controls inside a word are dropped, not breaks', 'سو\u200cريا \u200fحلب\u200e عـــمان'],
  ['astral letters are letters; emoji are not', '𝐀𝐁 نص 😀 آخر'],
  ['punctuation and brackets end words', '«دمشق»، (حلب)؛ حمص—ادلب'],
];

describe('one tokenizer (wordRules.ts)', () => {
  for (const [rule, text] of CASES) {
    it(`scanWords and tokenize agree: ${rule}`, () => {
      assert.deepEqual(scanned(text), tokens(text));
      assert.ok(scanned(text).length > 0);
    });
  }

  it('the rules themselves: marks, evasion dots, letters and numbers', () => {
    const t = 'لافروفُّ.';
    assert.equal(markedEnd(t, 6), 8, 'shadda and damma on the last letter are in the range');
    assert.equal(markedEnd(t, 8), 8, 'a full stop is not');
    const e = 'الإرهـ..ـاب';
    assert.equal(evasionDotEnd(e, 6, 'x'.charCodeAt(0)), -1, 'after a Latin letter: a full stop');
    assert.equal(evasionDotEnd(e, 6, 'ه'.charCodeAt(0)), 9, 'after a letter, up to the next letter past dots and tatweel');
    assert.equal(evasionDotEnd('حلب. ', 3, 'ب'.charCodeAt(0)), -1, 'no letter after it: a full stop');
    assert.equal(wordUnitsAt('𝐀', 0), 2);
    assert.equal(wordUnitsAt('😀', 0), 0);
    assert.equal(wordUnitsAt('\ud800x', 0), 0, 'a lone surrogate is no letter');
    assert.ok(isAllWord('ab١'));
    assert.ok(!isAllWord('i\u0307'), 'a letter and a combining dot: not all word characters');
    assert.ok(!isAllWord(''));
  });
});
