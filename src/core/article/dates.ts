/**
 * Dates in Arabic news text: "الجمعة 17 تموز/ يوليو", "الأربعاء 28 من تموز", "17 كانون الأول/ ديسمبر",
 * "16 حزيران/ يونيو 2021", "السابع عشر من شهر حزيران/ يونيو الماضي". Most carry no year: it is
 * inferred from the weekday, from a relative word (الماضي, المقبل, الحالي) and the article's own date,
 * or left unknown — and every inference says how it was made.
 */
import { FoldedText, originalSpan } from '../text/arabic';

/** Month names as they fold (see arabic.ts): Levantine, Egyptian/Gulf and Maghrebi forms. */
const MONTHS: ReadonlyArray<readonly [string, number]> = [
  ['كانون الثاني', 1], ['شباط', 2], ['اذار', 3], ['نيسان', 4], ['ايار', 5], ['حزيران', 6],
  ['تموز', 7], ['اب', 8], ['ايلول', 9], ['تشرين الاول', 10], ['تشرين الثاني', 11], ['كانون الاول', 12],
  ['يناير', 1], ['فبراير', 2], ['مارس', 3], ['ابريل', 4], ['افريل', 4], ['مايو', 5], ['ماي', 5],
  ['يونيو', 6], ['يونيه', 6], ['جوان', 6], ['يوليو', 7], ['يوليه', 7], ['جويليه', 7],
  ['اغسطس', 8], ['اغسطس', 8], ['اوت', 8], ['غشت', 8], ['سبتمبر', 9], ['شتنبر', 9], ['اكتوبر', 10],
  ['نوفمبر', 11], ['نونبر', 11], ['ديسمبر', 12], ['دجنبر', 12], ['جانفي', 1], ['فيفري', 2],
];

/** Weekdays as they fold; index = JavaScript's getUTCDay(). */
const WEEKDAYS = ['الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'السبت'];
export const MONTH_NAMES_EN = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];
export const WEEKDAY_NAMES_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Ordinal day words, folded: الاول … الحادي والثلاثين. */
const ORDINALS: ReadonlyArray<readonly [string, number]> = (() => {
  const units = ['', 'الاول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع'];
  const list: Array<[string, number]> = [];
  for (let d = 1; d <= 9; d++) list.push([units[d]!, d]);
  list.push(['العاشر', 10], ['الحادي عشر', 11]);
  for (let d = 2; d <= 9; d++) list.push([`${units[d]} عشر`, 10 + d]);
  list.push(['العشرين', 20], ['الحادي والعشرين', 21], ['الثلاثين', 30], ['الحادي والثلاثين', 31]);
  for (let d = 2; d <= 9; d++) list.push([`${units[d]} والعشرين`, 20 + d]);
  return list;
})();

const alt = (xs: readonly string[]): string =>
  [...xs].sort((a, b) => b.length - a.length).map((x) => x.replace(/ /g, '\\s+')).join('|');

const MONTH_RE = alt(MONTHS.map(([m]) => m));
const WEEKDAY_RE = alt(WEEKDAYS);
const ORDINAL_RE = alt(ORDINALS.map(([o]) => o));

// On folded text. Groups: weekday, day (digits), day (ordinal), month, second month, year, relative word.
// Either a day is present, or a year is (month precision: "حزيران/ يونيو 2021").
const DATE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])` +
    String.raw`(?:(?:يوم\s+)?(?<weekday>${WEEKDAY_RE})\s*[،,]?\s*)?` +
    String.raw`(?:(?:(?<day>\d{1,2})|(?<ordinal>${ORDINAL_RE}))\s*(?:من\s+)?)?` +
    String.raw`(?:شهر\s+)?` +
    String.raw`(?<month>${MONTH_RE})(?:\s*[/(-]\s*(?<month2>${MONTH_RE})\s*\)?)?` +
    String.raw`(?:\s*[،,]?\s*(?:من\s+)?(?:عام|العام|سنه)?\s*(?<year>(?:19|20)\d\d)(?!\d))?` +
    String.raw`(?:\s+(?<relative>الماضي|المنصرم|الفائت|المقبل|القادم|الحالي|الجاري))?` +
    String.raw`(?![\p{L}\p{N}])`,
  'gu',
);

// DATE_RE tried at one position only.
const DATE_AT = new RegExp(DATE_RE.source, 'uy');

// Month names anywhere (a fast scan), and whether a weekday or an ordinal ends right before a place.
// A date's month stands after anything but a letter, or right after a weekday or an ordinal (DATE_RE
// lets them touch); every date holds one, at most 8 words after the date's start.
const MONTH_ANY = new RegExp(MONTH_RE, 'gu');
const AFTER_DAY_WORD = new RegExp(String.raw`(?<=${WEEKDAY_RE}|${ORDINAL_RE})`, 'uy');
const LETTER = /\p{L}/u;

/** Words a date may span before its month, and a margin. */
const WORDS_BEFORE_MONTH = 10;

const isSpace = (c: string): boolean => c === ' ' || c === '\n' || /\s/.test(c);

/**
 * The matches `text.matchAll(DATE_RE)` gives, without trying the pattern at every position: only
 * from a few words before each place a month can stand (no date can start earlier, or its month
 * would come first).
 */
function* dateMatches(text: string): Generator<RegExpExecArray> {
  // No date starts before `from`; no month a date can hold stands in [from, scan).
  let from = 0;
  let scan = 0;
  for (;;) {
    MONTH_ANY.lastIndex = scan;
    const month = MONTH_ANY.exec(text);
    if (!month) return;
    const p = month.index;
    scan = p + 1;
    if (p > 0 && LETTER.test(text[p - 1]!)) {
      AFTER_DAY_WORD.lastIndex = p;
      if (!AFTER_DAY_WORD.test(text)) continue;
    }
    let j = p;
    for (let w = 0; w < WORDS_BEFORE_MONTH && j > from; w++) {
      while (j > from && isSpace(text[j - 1]!)) j--;
      while (j > from && !isSpace(text[j - 1]!)) j--;
    }
    let m: RegExpExecArray | null = null;
    for (let i = j; i <= p && !m; i++) {
      DATE_AT.lastIndex = i;
      m = DATE_AT.exec(text);
    }
    if (!m) {
      from = p + 1;
      continue;
    }
    yield m;
    from = scan = m.index + m[0].length;
  }
}

const MONTH_OF = new Map(MONTHS);
const ORDINAL_OF = new Map(ORDINALS);

export type DateRelative = 'past' | 'next' | 'current';

/** A date as written, before any year is inferred. */
export interface DateMention {
  /** The original text of the date. */
  text: string;
  start: number;
  end: number;
  day?: number;
  month: number;
  year?: number;
  /** 0 = Sunday … 6 = Saturday, when the text names the weekday. */
  weekday?: number;
  relative?: DateRelative;
  /** True when "اليوم" ("today") introduces the date: the article's own date line. */
  today: boolean;
}

/** Finds every date in folded text; offsets are mapped back to the original. */
export function findDates(original: string, folded: FoldedText): DateMention[] {
  const found: DateMention[] = [];
  for (const m of dateMatches(folded.text)) {
    const g = m.groups!;
    const day = g.day !== undefined ? Number(g.day) : g.ordinal !== undefined ? ORDINAL_OF.get(g.ordinal.replace(/\s+/g, ' ')) : undefined;
    const year = g.year !== undefined ? Number(g.year) : undefined;
    if (day === undefined && year === undefined) continue; // a bare month name ("آب" is also "father")
    if (day !== undefined && (day < 1 || day > 31)) continue;
    const month = MONTH_OF.get(g.month!.replace(/\s+/g, ' '))!;
    if (g.month2 !== undefined && MONTH_OF.get(g.month2.replace(/\s+/g, ' ')) !== month) continue;
    // Trim the white space the pattern may have swallowed at the start.
    let from = m.index!;
    let to = m.index! + m[0].length;
    while (from < to && /\s/.test(folded.text[from]!)) from++;
    while (to > from && /\s/.test(folded.text[to - 1]!)) to--;
    const span = originalSpan(folded, from, to);
    const before = folded.text.slice(Math.max(0, from - 12), from);
    const mention: DateMention = {
      text: original.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      month,
      today: /اليوم\s*[،,]?\s*$/u.test(before),
    };
    if (day !== undefined) mention.day = day;
    if (year !== undefined) mention.year = year;
    if (g.weekday !== undefined) mention.weekday = WEEKDAYS.indexOf(g.weekday);
    if (g.relative !== undefined) {
      mention.relative = /الماضي|المنصرم|الفائت/u.test(g.relative) ? 'past' : /المقبل|القادم/u.test(g.relative) ? 'next' : 'current';
    }
    found.push(mention);
  }
  return found;
}

/** How a date's year became known. */
export type YearSource =
  | 'explicit' // written in the text
  | 'weekday' // the only plausible year in which that day fell on the named weekday
  | 'relative' // "الماضي"/"المقبل"/"الحالي" counted from the article's date
  | 'article-date' // the latest such day on or before the article's date
  | 'paragraph' // an earlier date in the same paragraph carries the year
  | 'file-name'; // the file's name carries the date

export interface ResolvedDate {
  /** ISO 8601: `2020-07-17`; `2021-06` for a month; `--12-17` when the year is unknown. */
  iso: string;
  year?: number;
  month: number;
  day?: number;
  yearSource?: YearSource;
  /** A sentence saying how the year was inferred, when it was not written. */
  inference?: string;
  /** Years in which the weekday matches, when the year was inferred from it. */
  candidates?: number[];
  /** The weekday given does not match the date's explicit year. */
  weekdayMismatch?: boolean;
}

export interface YearContext {
  /** The article's own date, when known (for relative dates). */
  articleDate?: { year: number; month: number; day: number };
  /** A year to prefer among weekday candidates: the article's or the corpus's central year. */
  preferYear?: number;
  /** Where `preferYear` came from, for the explanation. */
  preferYearSource?: string;
  /** Nothing is dated after this day (defaults to today). */
  latest: { year: number; month: number; day: number };
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function isoOf(year: number | undefined, month: number, day: number | undefined): string {
  if (year === undefined) return day === undefined ? `--${pad(month)}` : `--${pad(month)}-${pad(day)}`;
  return day === undefined ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function validDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const cmp = (a: { year: number; month: number; day: number }, b: { year: number; month: number; day: number }): number =>
  a.year - b.year || a.month - b.month || a.day - b.day;

const DAY_MS = 86_400_000;

/** The year that puts day/month nearest the article's date; days after it count double. */
function nearestYear(a: { year: number; month: number; day: number }, month: number, day: number): number {
  const at = Date.UTC(a.year, a.month - 1, a.day);
  let best = a.year;
  let bestCost = Infinity;
  for (const y of [a.year - 1, a.year, a.year + 1]) {
    const diff = (Date.UTC(y, month - 1, day) - at) / DAY_MS;
    const cost = diff > 0 ? 2 * diff : -diff;
    if (cost < bestCost) [best, bestCost] = [y, cost];
  }
  return best;
}

/** The earliest year a weekday inference considers. */
export const EARLIEST_YEAR = 1990;

/** Gives a date its year where the text, the weekday or the article's date allows, and says how. */
export function resolveDate(m: DateMention, ctx: YearContext): ResolvedDate {
  const out: ResolvedDate = { iso: '', month: m.month };
  if (m.day !== undefined) out.day = m.day;
  if (m.year !== undefined) {
    out.year = m.year;
    out.yearSource = 'explicit';
    if (m.day !== undefined && m.weekday !== undefined && weekdayOf(m.year, m.month, m.day) !== m.weekday) {
      out.weekdayMismatch = true;
    }
  } else if (m.day !== undefined && m.weekday !== undefined) {
    const candidates: number[] = [];
    for (let y = ctx.latest.year; y >= EARLIEST_YEAR; y--) {
      if (!validDay(y, m.month, m.day) || weekdayOf(y, m.month, m.day) !== m.weekday) continue;
      if (cmp({ year: y, month: m.month, day: m.day }, ctx.latest) > 0) continue;
      candidates.push(y);
    }
    candidates.reverse();
    const prefer = ctx.articleDate?.year ?? ctx.preferYear;
    const pick =
      prefer === undefined
        ? candidates[candidates.length - 1]
        : candidates.reduce<number | undefined>(
            (best, y) => (best === undefined || Math.abs(y - prefer) < Math.abs(best - prefer) || (Math.abs(y - prefer) === Math.abs(best - prefer) && y > best) ? y : best),
            undefined,
          );
    if (pick !== undefined) {
      out.year = pick;
      out.yearSource = 'weekday';
      out.candidates = candidates;
      const day = `${WEEKDAY_NAMES_EN[m.weekday]} ${m.day} ${MONTH_NAMES_EN[m.month - 1]}`;
      out.inference =
        candidates.length === 1
          ? `${day} falls in ${pick} only (${EARLIEST_YEAR}–${ctx.latest.year})`
          : `${day} falls in ${candidates.join(', ')}; ${pick} is nearest to ${
              ctx.articleDate ? "the article's date" : (ctx.preferYearSource ?? `the year ${prefer ?? ctx.latest.year}`)
            }${prefer === undefined ? ' (the latest)' : ''}`;
    }
  } else if (ctx.articleDate) {
    const a = ctx.articleDate;
    const day = m.day ?? 1;
    let year: number;
    if (m.relative === 'current') year = a.year;
    else if (m.relative === 'next') year = cmp({ year: a.year, month: m.month, day }, a) > 0 ? a.year : a.year + 1;
    else if (m.relative === 'past') year = cmp({ year: a.year, month: m.month, day }, a) <= 0 ? a.year : a.year - 1;
    else year = nearestYear(a, m.month, day);
    if (m.day === undefined || validDay(year, m.month, m.day)) {
      out.year = year;
      out.yearSource = m.relative ? 'relative' : 'article-date';
      const what = m.day === undefined ? MONTH_NAMES_EN[m.month - 1]! : `${m.day} ${MONTH_NAMES_EN[m.month - 1]}`;
      const from = `the article's date ${isoOf(a.year, a.month, a.day)}`;
      out.inference =
        m.relative === 'current'
          ? `"${what}" of the current year, counted from ${from}`
          : m.relative === 'next'
            ? `the first ${what} after ${from}`
            : m.relative === 'past'
              ? `the last ${what} on or before ${from}`
              : `the ${what} nearest to ${from} (news looks back more than ahead: days ahead count double)`;
    }
  }
  out.iso = isoOf(out.year, out.month, out.day);
  return out;
}

/** A date carried by a file name, such as `snn_0141_alwatan_2015-07-21.txt`. */
export function dateFromFileName(name: string): { year: number; month: number; day: number; text: string } | undefined {
  const m = /(?<![\d])((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/.exec(name);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDay(year, month, day) ? { year, month, day, text: m[0] } : undefined;
}

/** Four-digit years written in folded text (1990 to `latestYear`): context for weekday inference. */
export function yearsIn(foldedText: string, latestYear: number): number[] {
  const out: number[] = [];
  for (const m of foldedText.matchAll(/(?<![\p{L}\p{N}])((?:19|20)\d\d)(?![\p{N}])/gu)) {
    const y = Number(m[1]);
    if (y >= EARLIEST_YEAR && y <= latestYear) out.push(y);
  }
  return out;
}

export function median(xs: readonly number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[(s.length - 1) >> 1];
}
