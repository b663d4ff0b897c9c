import * as assert from 'node:assert/strict';
import { foldWithMap } from '../../src/core/text/arabic';
import { dateFromFileName, findDates, resolveDate, YearContext } from '../../src/core/article/dates';

const find = (s: string) => findDates(s, foldWithMap(s));
const latest = { year: 2026, month: 11, day: 22 };

describe('dates in Arabic text', () => {
  it('reads Levantine, Gregorian and paired month names, weekdays, "من", ordinal days and years', () => {
    const cases: Array<[string, { day?: number; month: number; year?: number; weekday?: number }]> = [
      ['اليوم الجمعة 17 تموز/ يوليو، قالت', { day: 17, month: 7, weekday: 5 }],
      ['الأربعاء 28 من تموز', { day: 28, month: 7, weekday: 3 }],
      ['في 17 كانون الأول/ ديسمبر، إن', { day: 17, month: 12 }],
      ['في 16 حزيران/ يونيو 2021 بين', { day: 16, month: 6, year: 2021 }],
      ['في السابع عشر من شهر حزيران/ يونيو الماضي', { day: 17, month: 6 }],
      ['يوم الثلاثاء 14يوليو 2015', { day: 14, month: 7, year: 2015, weekday: 2 }],
      ['في ٣ آذار ٢٠٢٠', { day: 3, month: 3, year: 2020 }],
      ['الحادي والعشرين من أيلول', { day: 21, month: 9 }],
    ];
    for (const [text, want] of cases) {
      const [d] = find(text);
      assert.ok(d, text);
      assert.deepEqual({ day: d.day, month: d.month, year: d.year, weekday: d.weekday }, { day: undefined, year: undefined, weekday: undefined, ...want }, text);
      assert.equal(text.slice(d.start, d.end), d.text);
    }
  });

  it('ignores a bare month word ("آب" is also "father") and mismatched month pairs', () => {
    assert.deepEqual(find('زار آب المدينة'), []);
    assert.deepEqual(find('في 3 تموز/ ديسمبر'), []);
  });

  it('marks "اليوم" datelines and relative words', () => {
    const [a] = find('اليوم، الأربعاء 28 من تموز');
    assert.equal(a!.today, true);
    const [b] = find('في 13 من تموز الحالي');
    assert.equal(b!.today, false);
    assert.equal(b!.relative, 'current');
  });

  it('infers the year from the weekday, preferring the context year, never a future day', () => {
    const [m] = find('الجمعة 17 تموز');
    const ctx: YearContext = { latest, preferYear: 2021 };
    const r = resolveDate(m!, ctx);
    assert.deepEqual([r.iso, r.yearSource], ['2020-07-17', 'weekday']);
    assert.deepEqual(r.candidates, [1992, 1998, 2009, 2015, 2020, 2026]);
    const early = resolveDate(m!, { latest: { year: 2026, month: 7, day: 16 }, preferYear: 2026 });
    assert.equal(early.year, 2020, '17 July 2026 is after the latest allowed day');
  });

  it('flags a weekday that contradicts an explicit year', () => {
    const [m] = find('الجمعة 17 تموز 2021');
    const r = resolveDate(m!, { latest });
    assert.equal(r.iso, '2021-07-17');
    assert.equal(r.weekdayMismatch, true);
  });

  it('counts relative dates from the article date, across a year boundary', () => {
    const articleDate = { year: 2021, month: 1, day: 10 };
    const [past] = find('في 20 كانون الأول الماضي');
    assert.equal(resolveDate(past!, { latest, articleDate }).iso, '2020-12-20');
    const [next] = find('في 5 شباط المقبل');
    assert.equal(resolveDate(next!, { latest, articleDate }).iso, '2021-02-05');
    const [none] = find('في 5 شباط');
    assert.equal(resolveDate(none!, { latest }).iso, '--02-05', 'no article date: no year');
  });

  it('reads dates from file names', () => {
    assert.deepEqual(dateFromFileName('snn_0141_alwatan_2015-07-21.txt'), { year: 2015, month: 7, day: 21, text: '2015-07-21' });
    assert.equal(dateFromFileName('000_7244c6ac2c0b5fe9.txt'), undefined);
    assert.equal(dateFromFileName('2015-02-30.txt'), undefined);
  });
});

describe('dates without a relative word, near the article date', () => {
  const articleDate = { year: 2015, month: 8, day: 5 };
  const iso = (s: string): string => resolveDate(find(s)[0]!, { latest, articleDate }).iso;
  it('a day a few days ahead is upcoming; months ahead is last year', () => {
    assert.equal(iso('في 10 أغسطس'), '2015-08-10');
    assert.equal(iso('في 25 يناير'), '2015-01-25');
    assert.equal(iso('في 20 ديسمبر'), '2014-12-20');
  });
  it('keeps "من" out of a month-only date', () => {
    const [d] = find('منذ من أكتوبر من العام 2014');
    assert.equal(d!.text, 'أكتوبر من العام 2014');
  });
});
