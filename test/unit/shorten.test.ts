import * as assert from 'node:assert/strict';
import { roughWidth, shortenAround, shortenEnd } from '../../src/core/text/shorten';

const TITLE = 'حراك دبلوماسي روسي مكثف للدفع بعملية التسوية السياسية في سوريا.. ما الجديد؟';

describe('shortenEnd', () => {
  it('keeps a text that fits, with its white space runs as one space', () => {
    assert.equal(shortenEnd('مصير  قيصر\n', 20), 'مصير قيصر');
  });

  it('cuts at a word boundary, keeping the start, and ends in an ellipsis', () => {
    const short = shortenEnd(TITLE, 30);
    assert.equal(short, 'حراك دبلوماسي روسي مكثف للدفع…');
    assert.ok(roughWidth(short) <= 30);
    assert.ok(TITLE.startsWith(short.slice(0, -1)));
  });

  it('measures Latin letters, spaces and punctuation narrower than Arabic letters', () => {
    assert.equal(shortenEnd('Search Corpus results for a query', 14), 'Search Corpus…');
  });

  it('drops punctuation left dangling before the ellipsis', () => {
    assert.equal(shortenEnd('سوريا .. أول خطوة أمريكية روسية', 10), 'سوريا…');
  });

  it('cuts inside a word only when the first word is wider than the room', () => {
    assert.equal(shortenEnd('ابتثجحخدذرزسشصضط قق', 10), 'ابتثجحخدذ…');
    assert.equal(shortenEnd('قق ابتثجحخدذرزسشصضط', 10), 'قق…');
  });
});

describe('shortenAround', () => {
  const text = 'وقال وزير الخارجية الروسي سيرغي لافروف في مؤتمر صحفي عقده اليوم في موسكو مع نظيره';
  const start = text.indexOf('لافروف');
  const end = start + 'لافروف'.length;

  it('keeps the mention whole, with a word or two before it', () => {
    const short = shortenAround(text, start, end, 30);
    assert.ok(roughWidth(short) <= 30, short);
    assert.ok(short.includes('سيرغي لافروف'), short);
    assert.ok(short.startsWith('…') && short.endsWith('…'), short);
  });

  it('keeps a text that fits as it is', () => {
    assert.equal(shortenAround('قال لافروف', 4, 10, 40), 'قال لافروف');
  });

  it('keeps a mention near the start without a leading ellipsis', () => {
    const short = shortenAround(text, 0, 4, 20);
    assert.ok(short.startsWith('وقال'), short);
    assert.ok(short.endsWith('…'));
  });
});

describe('roughWidth', () => {
  it('counts Arabic letters and digits as one, Latin letters a little less, spaces and punctuation half', () => {
    assert.equal(roughWidth('الرياض'), 6);
    assert.equal(roughWidth('2015-03-12'), 9);
    assert.equal(roughWidth('\u2068الرياض\u2069 · \u20662015-03-12\u2069'), 16.5);
    assert.ok(roughWidth('derived') < 7);
  });
});
