import * as assert from 'node:assert/strict';
import { fold, foldWithMap, originalSpan } from '../../src/core/text/arabic';

describe('Arabic folding for matching', () => {
  it('folds hamza forms, alef maqsura, ta marbuta; drops diacritics and tatweel', () => {
    assert.equal(fold('أإآٱ'), 'اااا');
    assert.equal(fold('مصطفى'), 'مصطفي');
    assert.equal(fold('سورية'), 'سوريه');
    assert.equal(fold('مُؤْتَمَر'), 'موتمر');
    assert.equal(fold('بـــوتين'), 'بوتين');
  });

  it('joins censorship-evasion spellings but keeps real full stops', () => {
    assert.equal(fold('الإرهـ.اب'), 'الارهاب');
    assert.equal(fold('الأسـ.لـ.حـ.ة'), 'الاسلحه');
    assert.equal(fold('بهــ.ــدف'), 'بهدف');
    assert.equal(fold('سوريا.. ما الجديد..؟'), 'سوريا.. ما الجديد..؟');
    assert.equal(fold('انتهى. وقال'), 'انتهي. وقال');
  });

  it('handles decomposed (NFD) hamza, digits and invisible controls', () => {
    assert.equal(fold('أنطونوف'.normalize('NFD')), 'انطونوف');
    assert.equal(fold('٢٠٢١ ۱۳'), '2021 13');
    assert.equal(fold('\u200fبوتين\u200e\u2067'), 'بوتين');
  });

  it('maps folded offsets back to the original text', () => {
    const original = 'قال الإرهـ.اب';
    const f = foldWithMap(original);
    const at = f.text.indexOf('الارهاب');
    const span = originalSpan(f, at, at + 'الارهاب'.length);
    assert.equal(original.slice(span.start, span.end), 'الإرهـ.اب');
  });
});
