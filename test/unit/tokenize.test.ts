import * as assert from 'node:assert/strict';
import { fold, foldWithMap } from '../../src/core/text/arabic';
import { proclitic, tokenize, WordClass } from '../../src/core/text/tokenize';

const forms = (w: string): string[] => proclitic(fold(w)).map((s) => s.form);

describe('tokens and clitics', () => {
  it('tokens keep their exact original range, across evasion dots, tatweel and diacritics', () => {
    const text = 'عن الإرهـ.اب وعودة اللاجئين، قال لافروفُ.';
    const tokens = tokenize(text);
    assert.deepEqual(tokens.map((t) => t.text), ['عن', 'الارهاب', 'وعوده', 'اللاجيين', 'قال', 'لافروف']);
    assert.deepEqual(tokens.map((t) => text.slice(t.start, t.end)), ['عن', 'الإرهـ.اب', 'وعودة', 'اللاجئين', 'قال', 'لافروفُ']);
  });

  it('a clitic written apart with tatweel ("لـ بلينكن", "لـ”الحل نت”") is a token of its own', () => {
    assert.deepEqual(tokenize('لـ بلينكن').map((t) => t.text), ['ل', 'بلينكن']);
    assert.deepEqual(tokenize('لـ”الحل نت”').map((t) => t.text), ['ل', 'الحل', 'نت']);
  });

  it('strips و ف ب ل ك, ال and لل without stemming the name', () => {
    assert.deepEqual(forms('وبلينكن'), ['وبلينكن', 'بلينكن', 'لينكن']);
    assert.ok(forms('والأسد').includes('الاسد') && forms('والأسد').includes('اسد'));
    assert.ok(forms('للرئيس').includes(fold('الرئيس')) && forms('للرئيس').includes(fold('رئيس')));
    assert.ok(forms('بالكونغرس').includes('الكونغرس'));
    assert.ok(forms('فلافروف').includes('لافروف'));
    assert.deepEqual(forms('بوتين')[0], 'بوتين', 'the word itself comes first');
  });

  it('maps the stripped prefix back to the original text', () => {
    const text = 'وللرئيس';
    const [t] = tokenize(text);
    const s = proclitic(t!.text).find((x) => x.form === fold('الرئيس'));
    assert.ok(s);
    assert.equal(text.slice(s.prefix), 'لرئيس'); // the article's lam: و + ل stripped
  });
});

describe('word classes', () => {
  it('each class answers for itself, by any form of the word, the same for every token of it', () => {
    const titles = WordClass.of(new Set([fold('الرئيس')]));
    const towns = WordClass.of(new Set([fold('مدينة')]));
    const [president, town, other, again] = tokenize('وللرئيس لمدينة قال للرئيس');
    assert.deepEqual([titles.has(president), towns.has(president)], [true, false]);
    assert.deepEqual([titles.has(town), towns.has(town)], [false, true]);
    assert.deepEqual([titles.has(other), towns.has(other)], [false, false]);
    assert.equal(titles.has(again), true);
    assert.equal(towns.has(undefined), false);
  });
});

describe('tokens shared by the passes over a text', () => {
  it('are made once for a folded text, and again for another text or another folding', () => {
    const a = 'قال لافروف';
    const b = 'وقال بلينكن';
    const foldedA = foldWithMap(a);
    const first = tokenize(a, foldedA);
    assert.equal(tokenize(a, foldedA), first, 'the same folded text: the same tokens');
    const other = tokenize(b, foldWithMap(b));
    assert.deepEqual(other.map((t) => t.text), ['وقال', 'بلينكن']);
    assert.deepEqual(tokenize(a, foldedA).map((t) => t.text), ['قال', 'لافروف'], 'the first text again: its own words');
    assert.notEqual(tokenize(a, foldWithMap(a)), first, 'the same text folded anew: tokens made anew');
  });
});
