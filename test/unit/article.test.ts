import * as assert from 'node:assert/strict';
import { Article, parseArticle } from '../../src/core/article/article';
import { parseCorpus } from '../../src/core/corpus/corpus';
import { TextRange } from '../../src/core/text/ranges';
import { readSeeds, TODAY } from './helpers';

const seeds = readSeeds();
const textOf = (name: string): string => seeds.find((s) => s.name === name)!.text;
const articles = parseCorpus(seeds, { today: TODAY });
const byName = (prefix: string): Article => articles.find((a) => a.name.startsWith(prefix))!;
const slice = (a: Article, r: TextRange): string => textOf(a.name).slice(r.start, r.end);

describe('article model on the five seeds', () => {
  it('parses all five seeds', () => {
    assert.deepEqual(
      articles.map((a) => a.name),
      ['000_7244c6ac2c0b5fe9.txt', '001_1f4fa77edfffa84d.txt', '002_05a3987f59bbebcb.txt', '003_3234aa2de2427313.txt', '004_6289974790d4febf.txt'],
    );
  });

  describe('000: title repeated, outlet byline, subheadings, no final newline', () => {
    const a = byName('000');
    it('title, its repeat, outlet and no date', () => {
      assert.equal(a.title.text, 'سوريا .. أول خطوة أمريكية روسية مشتركة بعد تسلم بايدن الرئاسة');
      assert.equal(a.title.derived, false);
      assert.deepEqual(a.title.repeats.map((r) => r.line), [2]);
      assert.deepEqual(a.alternativeTitles, []);
      assert.equal(a.outlet?.text, 'مدى بوست');
      assert.equal(a.outlet?.source, 'byline');
      assert.equal(a.date, undefined);
    });
    it('subheadings with their lines and sections', () => {
      assert.deepEqual(
        a.subheadings.map((s) => [s.text, s.range.line]),
        [['لقاء أمريكي روسي', 8], ['حوار بناء', 12], ['روسيا تعيد حساباتها', 17], ['مصير قيصر', 23]],
      );
      const qaisar = a.sections.find((s) => s.heading?.text === 'مصير قيصر')!;
      assert.equal(qaisar.range.line, 23);
      assert.equal(qaisar.range.endLine, 26); // the last line, which has no newline after it
      assert.equal(qaisar.paragraphs.length, 3);
      assert.equal(a.sections[0]!.heading, undefined, 'the lead comes before the first subheading');
    });
  });

  describe('001: alternative title, dateline without a year, "اقرأ أيضاً" links', () => {
    const a = byName('001');
    it('title, alternative title, outlet', () => {
      assert.equal(a.title.text, 'حراك دبلوماسي روسي مكثف للدفع بعملية التسوية السياسية في سوريا.. ما الجديد؟');
      assert.deepEqual(a.alternativeTitles.map((t) => t.text), ['حراك دبلوماسي روسي مكثف بشأن سوريا .. ما الجديد..؟']);
      assert.equal(a.outlet?.text, 'طيف بوست');
    });
    it('dates the article 2020-07-17 from the weekday (Friday 17 July), saying how', () => {
      assert.equal(a.date?.iso, '2020-07-17');
      assert.equal(a.date?.text, 'الجمعة 17 تموز/ يوليو');
      assert.equal(a.date?.role, 'dateline');
      assert.equal(a.date?.yearSource, 'weekday');
      assert.ok(a.date?.candidates?.includes(2015) && a.date.candidates.includes(2026), 'other Fridays 17 July are listed');
      assert.match(a.date!.inference!, /Friday 17 July/);
      assert.equal(slice(a, a.date!.range!), 'الجمعة 17 تموز/ يوليو');
    });
    it('dates "السابع عشر من شهر حزيران/ يونيو الماضي" from the article date', () => {
      const caesar = a.dates.find((d) => d.role === 'mention')!;
      assert.equal(caesar.text, 'السابع عشر من شهر حزيران/ يونيو الماضي');
      assert.equal(caesar.iso, '2020-06-17');
      assert.equal(caesar.yearSource, 'relative');
    });
    it('"اقرأ أيضاً" lines are boilerplate, not paragraphs', () => {
      const links = a.boilerplate.filter((b) => b.kind === 'read-also');
      assert.deepEqual(links.map((b) => b.range.line), [15, 23]);
      assert.ok(!a.paragraphs.some((p) => p.text.startsWith('اقرأ أيضاً')));
    });
    it('subheadings', () => {
      assert.deepEqual(a.subheadings.map((s) => s.text), ['مباحثات روسية أمريكية حول الحل في سوريا', 'حديث أمريكي عن انهيار نظام الأسد']);
    });
  });

  describe('002: web chrome first, quoted alternative title, source line and footer at the end', () => {
    const a = byName('002');
    it('title after the chrome, alternative title, outlet from "المصدر"', () => {
      assert.equal(a.title.text, 'مصدر روسي ينشر تفاصيل جديدة و يكشف ما تم الاتفاق عليه بين بوتين وبايدن بشأن سوريا');
      assert.equal(a.title.range.line, 3);
      assert.deepEqual(a.alternativeTitles.map((t) => t.text), [
        '“تفاصيل جديدة”.. مصدر مقرب من القيادة الروسية يكشف ما تم الاتفاق عليه بين بوتين وبايدن بشأن سوريا',
      ]);
      assert.equal(a.outlet?.text, 'طيف بوست');
      assert.equal(a.outlet?.source, 'source-line');
      assert.equal(slice(a, a.outlet!.range), 'طيف بوست');
      assert.equal(a.date, undefined);
    });
    it('boilerplate: chrome, source, related, back-to-top', () => {
      assert.deepEqual(
        a.boilerplate.map((b) => [b.kind, b.text]),
        [
          ['web-chrome', 'close'],
          ['web-chrome', 'أخبار العالم'],
          ['source', 'المصدر : طيف بوست'],
          ['related', 'مقالات ذات صلة'],
          ['navigation', 'زر الذهاب إلى الأعلى'],
        ],
      );
      assert.equal(a.paragraphs.length, 13);
    });
  });

  describe('003: no title, no outlet, a lone dash at the end', () => {
    const a = byName('003');
    it('derives the title from the first sentence and says so', () => {
      assert.equal(a.title.derived, true);
      assert.equal(a.title.text, 'قال السفير الروسي لدى الولايات المتحدة، أناتولي أنتونوف، إن موسكو وواشنطن تجريان حوارًا…');
      assert.equal(a.title.range.line, 0);
      assert.equal(a.paragraphs[0]!.range.line, 0, 'the first line stays a paragraph');
      assert.equal(a.outlet, undefined);
    });
    it('dates the article 2021-07-28 (Wednesday 28 July) and its relative dates', () => {
      assert.equal(a.date?.iso, '2021-07-28');
      assert.equal(a.date?.text, 'الأربعاء 28 من تموز');
      assert.deepEqual(
        a.dates.map((d) => [d.text, d.iso, d.yearSource]),
        [
          ['الأربعاء 28 من تموز', '2021-07-28', 'weekday'],
          ['13 من تموز الحالي', '2021-07-13', 'relative'],
          ['16 من حزيران الماضي', '2021-06-16', 'relative'],
        ],
      );
    });
    it('the lone "–" is a separator', () => {
      assert.deepEqual(a.boilerplate.map((b) => [b.kind, b.range.line]), [['separator', 10]]);
    });
  });

  describe('004: title repeated, outlet only in the newsletter footer, blank lines between paragraphs', () => {
    const a = byName('004');
    it('title, outlet from the footer, no article date', () => {
      assert.equal(a.title.text, 'التواصل الروسي الأميركي في سوريا.. علاقة غير واضحة لهذه الأسباب');
      assert.deepEqual(a.title.repeats.map((r) => r.line), [2]);
      assert.equal(a.outlet?.text, 'الحل نت');
      assert.equal(a.outlet?.source, 'newsletter');
      assert.equal(slice(a, a.outlet!.range), 'الحل نت');
      assert.equal(a.date, undefined);
    });
    it('a date without a year stays without one unless its paragraph gives the year', () => {
      assert.deepEqual(
        a.dates.map((d) => [d.text, d.iso, d.yearSource]),
        [
          ['17 كانون الأول/ ديسمبر', '--12-17', undefined],
          ['حزيران/ يونيو 2021', '2021-06', 'explicit'],
          ['16 حزيران/ يونيو', '2021-06-16', 'paragraph'],
        ],
      );
    });
    it('newsletter footer and "اقرأ أيضاً" links are boilerplate; four subheadings', () => {
      assert.deepEqual(
        a.boilerplate.map((b) => [b.kind, b.range.line]),
        [['read-also', 14], ['read-also', 38], ['newsletter', 54], ['newsletter', 55]],
      );
      assert.deepEqual(a.subheadings.map((s) => s.range.line), [16, 26, 40, 48]);
      assert.equal(a.paragraphs.length, 19);
    });
  });

  it('every part of every seed maps back to its exact text', () => {
    for (const a of articles) {
      const parts = [
        ...(a.title.derived ? [] : [a.title]),
        ...a.alternativeTitles,
        ...a.subheadings,
        ...a.paragraphs,
        ...a.boilerplate,
        ...(a.outlet ? [a.outlet] : []),
      ];
      for (const p of parts) assert.equal(slice(a, p.range), p.text, `${a.name}: ${p.text}`);
      for (const d of a.dates) assert.equal(slice(a, d.range!), d.text, `${a.name}: ${d.text}`);
      for (const r of a.title.repeats) assert.equal(slice(a, r), a.title.text);
    }
  });

  it('no line is both a paragraph and boilerplate, and sections hold every paragraph once', () => {
    for (const a of articles) {
      const bp = new Set(a.boilerplate.map((b) => b.range.line));
      assert.ok(!a.paragraphs.some((p) => bp.has(p.range.line)), a.name);
      const inSections = a.sections.flatMap((s) => s.paragraphs);
      assert.deepEqual(inSections, a.paragraphs.map((_, i) => i), a.name);
    }
  });
});

describe('article model on generated shapes', () => {
  it('handles CRLF line ends with exact offsets', () => {
    const text = 'عنوان الخبر هنا\r\nالوطن\r\n\r\nقال الوزير إن الاجتماع انتهى.\r\n';
    const a = parseArticle('x.txt', text, { today: TODAY });
    assert.equal(a.title.text, 'عنوان الخبر هنا');
    assert.equal(a.outlet?.text, 'الوطن');
    assert.equal(a.outlet?.source, 'header');
    assert.equal(text.slice(a.paragraphs[0]!.range.start, a.paragraphs[0]!.range.end), 'قال الوزير إن الاجتماع انتهى.');
    assert.equal(a.paragraphs[0]!.range.line, 3);
  });

  it('takes the date from the file name when the text has no dateline', () => {
    const a = parseArticle('snn_0001_alwatan_2015-07-21.txt', 'عنوان\nالوطن\n\nنص الخبر في 16 تموز الماضي.', { today: TODAY });
    assert.equal(a.date?.iso, '2015-07-21');
    assert.equal(a.date?.role, 'file-name');
    assert.equal(a.dates[0]!.iso, '2015-07-16');
    assert.equal(a.dates[0]!.yearSource, 'relative');
  });

  it('an empty file has an empty derived title and no parts', () => {
    const a = parseArticle('empty.txt', '', { today: TODAY });
    assert.equal(a.title.derived, true);
    assert.equal(a.title.text, '');
    assert.deepEqual([a.paragraphs.length, a.sections.length, a.dates.length], [0, 0, 0]);
  });

  it('folds diacritics and tatweel when comparing a repeated title', () => {
    const a = parseArticle('t.txt', 'الإرهـ.اب في سوريا\nالإرهاب في سوريا\nطيف بوست – فريق التحرير\nنص الخبر الأول هنا وهو طويل بما يكفي.', { today: TODAY });
    assert.equal(a.title.repeats.length, 1);
    assert.equal(a.outlet?.text, 'طيف بوست');
  });
});
