/**
 * The article model: what one corpus file says about itself — title (or one derived from the first
 * sentence), alternative titles, outlet, dates, subheadings with their sections, paragraphs and
 * boilerplate — each with its range in the original text. Pure TypeScript, no `vscode`.
 */
import { countWords, fold, FoldedText, foldWithMap, words } from '../text/arabic';
import {
  DateMention,
  dateFromFileName,
  findDates,
  isoOf,
  median,
  resolveDate,
  ResolvedDate,
  YearContext,
  YearSource,
  yearsIn,
} from './dates';
import { Line, LineIndex, partitionPoint, sharedLineIndex, TextRange } from '../text/ranges';

export interface Part {
  text: string;
  range: TextRange;
}

export interface Title extends Part {
  /** True when the file has no title and this one was derived from its first sentence. */
  derived: boolean;
  /** Other places the same title is repeated (web pages often print it twice). */
  repeats: TextRange[];
}

export type OutletSource =
  | 'byline' // "مدى بوست – فريق التحرير" under the title
  | 'header' // a short line under the title, as in "الرياض"
  | 'source-line' // "المصدر : طيف بوست" at the end
  | 'newsletter' // "محتوى الحل نت" in a newsletter footer
  | 'attribution'; // said to “X” more than once

export interface Outlet extends Part {
  source: OutletSource;
}

export interface ArticleDate extends ResolvedDate {
  /** The date as written (for a file-name date, the file name's digits). */
  text: string;
  /** Where the date stands in the text; absent for a date taken from the file name. */
  range?: TextRange;
  /** 0 = Sunday … 6 = Saturday, when written. */
  weekday?: number;
  relative?: 'past' | 'next' | 'current';
  /** `dateline`: the article's own date ("اليوم الجمعة 17 تموز"); `mention`: any other date in the text. */
  role: 'dateline' | 'mention' | 'file-name';
}

export interface Section {
  /** The subheading that opens the section; absent for the lead (before the first subheading). */
  heading?: Part;
  /** From the heading (or the first paragraph) to the end of the section's last paragraph. */
  range: TextRange;
  /** Indexes into `Article.paragraphs`. */
  paragraphs: number[];
}

export type BoilerplateKind =
  | 'web-chrome' // "close", section labels before the title
  | 'read-also' // "اقرأ أيضاً: …" links to other articles
  | 'related' // "مقالات ذات صلة"
  | 'navigation' // "زر الذهاب إلى الأعلى"
  | 'source' // "المصدر : …"
  | 'newsletter' // newsletter and subscription footers
  | 'contact' // "لمراسلة الكاتب: …"
  | 'share' // share buttons
  | 'separator'; // a line of dashes or stars

export interface Boilerplate extends Part {
  kind: BoilerplateKind;
}

export interface Article {
  /** The file name (or path relative to the corpus folder) the article was parsed from. */
  name: string;
  title: Title;
  alternativeTitles: Part[];
  outlet?: Outlet;
  /** The article's own date: its dateline, else the date in its file name. */
  date?: ArticleDate;
  /** Every date the text mentions, in order, with years inferred where possible. */
  dates: ArticleDate[];
  /** Subheadings in order (each also opens a section). */
  subheadings: Part[];
  /** The lead section (if any) and one section per subheading. */
  sections: Section[];
  paragraphs: Part[];
  boilerplate: Boilerplate[];
  /** Four-digit years the text mentions (context for dating other articles of the corpus). */
  yearsMentioned: number[];
  lineCount: number;
  length: number;
}

export interface ParseOptions {
  /** A year to prefer when a weekday fits several years, e.g. the corpus's central year. */
  contextYear?: number;
  /** Nothing is dated after this day; defaults to today. */
  today?: Date;
}

// ---------------------------------------------------------------------------------------------
// Line classification (on folded text)

const LATIN_CHROME = /^(close|menu|home|search|share|skip to (main )?content|back to top|print|tweet|facebook|twitter|whatsapp|telegram|email|next|previous|read more|advertisement)$/i;
const ARABIC_CHROME = new Set(
  [
    'الرئيسيه', 'الرئيسية', 'اخبار', 'اخبار العالم', 'اخبار عربيه', 'اخبار سوريا', 'اخبار محليه', 'سياسه', 'اقتصاد',
    'رياضه', 'منوعات', 'محليات', 'تقارير', 'بحث', 'القائمه', 'اغلاق', 'شارك', 'مشاركه', 'طباعه', 'اعلان', 'الاخبار',
    'عاجل', 'آخر الاخبار', 'اخر الاخبار', 'ابحث', 'تابعنا', 'المزيد',
  ].map(fold),
);

const BOILERPLATE_RULES: ReadonlyArray<readonly [BoilerplateKind, RegExp]> = [
  ['read-also', /^(اقرا|طالع|شاهد|اقرا)\s+(ايضا|كذلك|المزيد)\s*[:：]?/u],
  ['related', /^(مقالات|اخبار|مواضيع|تقارير|قصص)\s+(ذات\s+صله|متعلقه|مشابهه)\s*[:：]?$/u],
  ['navigation', /^(زر\s+)?(الذهاب|العوده|الانتقال)\s+(الي|ل)\s*(الاعلي|اعلي)/u],
  ['navigation', /^back to top$/i],
  ['newsletter', /(نشرتنا\s+البريديه|النشره\s+البريديه|بريدك\s+الالكتروني|هل\s+اعجبك\s+المحتوي|اشترك\s+في\s+(نشرتنا|قناتنا))/u],
  ['contact', /^(لمراسله|للتواصل\s+مع)\s+(الكاتب|الكاتبه|المحرر)\s*[:：]/u],
  ['share', /^(شارك|شاركها|شارك\s+هذا\s+(المقال|الخبر))(\s+(علي|عبر)\s+.*)?\s*[:：]?$/u],
  ['source', /^المصدر\s*[:：]\s*\S/u],
  ['separator', /^[\s\p{Pd}*_=~•·.–—-]+$/u],
];

/** Words every newsletter line holds one of (its pattern, unanchored, is tried only then). */
const NEWSLETTER_WORDS = ['بريد', 'اعجبك', 'اشترك'];

function boilerplateKind(folded: string): BoilerplateKind | undefined {
  for (const [kind, re] of BOILERPLATE_RULES) {
    if (kind === 'newsletter' && !NEWSLETTER_WORDS.some((w) => folded.includes(w))) continue;
    if (re.test(folded)) return kind;
  }
  return undefined;
}

const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** The first index in [from, a.length) whose value is at least x (a ascends from `from` on), or a.length. */
function firstAtLeast(a: Int32Array, from: number, x: number): number {
  return partitionPoint(from, a.length, (i) => a[i]! < x);
}

/** A line of words that ends a sentence: ". " but not the ".." or "..؟" of headlines. */
function endsWithFullStop(s: string): boolean {
  return /[^.]\.[”"»’)]*$/u.test(s) || /[،,;؛:]\s*$/u.test(s);
}

const wordCount = (folded: string): number => countWords(folded);

/** Token overlap of two folded lines relative to the shorter one (0…1). */
function overlap(a: string, b: string): number {
  const wa = new Set(words(a).map(stripWaw));
  const wb = new Set(words(b).map(stripWaw));
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.min(wa.size, wb.size);
}

const stripWaw = (w: string): string => (w.length > 3 && w.startsWith('و') ? w.slice(1) : w);

/** Byline under a title: "مدى بوست – فريق التحرير", "الرياض - واس". */
const BYLINE_RE = /^(?<outlet>[^–—\-:،.]{2,40}?)\s+[–—-]\s+(?<by>[^–—\-]{2,40})$/u;

interface Ln extends Line {
  folded: string;
  blank: boolean;
}

// ---------------------------------------------------------------------------------------------

/**
 * Parses one article. `name` is its file name (dates in it are used when the text has none);
 * `folded` may be passed when the caller has already folded the text.
 */
export function parseArticle(name: string, text: string, options: ParseOptions = {}, folded: FoldedText = foldWithMap(text)): Article {
  const index = sharedLineIndex(text, folded);
  // Each line's folding is its slice of the whole text's (folding never looks across a line break).
  // (`starts` ascends: binary searches from where the previous line ended.)
  const starts = folded.starts;
  let at = 0;
  const lines: Ln[] = index.lines.map((l) => {
    const from = (at = firstAtLeast(starts, at, l.start));
    at = firstAtLeast(starts, at, l.end);
    const lineFolded = folded.text.slice(from, at).trim();
    return { index: l.index, start: l.start, end: l.end, text: l.text, folded: lineFolded, blank: !VISIBLE.test(lineFolded) };
  });
  const part = (l: Ln): Part => ({ text: l.text.trim(), range: index.trimmedLineRange(l) });
  const nextNonBlank = (from: number): Ln | undefined => lines.slice(from).find((l) => !l.blank);

  const boilerplate: Boilerplate[] = [];
  const used = new Set<number>(); // lines that are not body text
  const markBoilerplate = (l: Ln, kind: BoilerplateKind): void => {
    boilerplate.push({ kind, ...part(l) });
    used.add(l.index);
  };

  // 1. Web chrome before the title.
  let i = 0;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.blank) continue;
    if (LATIN_CHROME.test(l.folded) || ARABIC_CHROME.has(l.folded)) markBoilerplate(l, 'web-chrome');
    else break;
  }

  // 2. The title block: title, repeats, alternative titles, byline or outlet line.
  const first = lines[i];
  let title: Title | undefined;
  let outlet: Outlet | undefined;
  const alternativeTitles: Part[] = [];
  let bodyStart = i;
  if (first) {
    const after = nextNonBlank(first.index + 1);
    const blankAfter = first.index + 1 < lines.length && lines[first.index + 1]!.blank;
    const headerOutlet = after && isHeaderOutlet(after, lines);
    const looksLikeTitle =
      first.text.trim().length <= 250 &&
      boilerplateKind(first.folded) === undefined &&
      (headerOutlet ||
        (after !== undefined && (after.folded === first.folded || BYLINE_RE.test(after.text.trim()))) ||
        (after !== undefined && isAlternativeTitle(first, after)) ||
        (blankAfter && !(endsWithFullStop(first.text.trim()) && first.text.trim().length > 80)) ||
        (first.text.trim().length <= 100 && !endsWithFullStop(first.text.trim()) && wordCount(first.folded) <= 16));
    if (looksLikeTitle) {
      title = { ...part(first), derived: false, repeats: [] };
      used.add(first.index);
      bodyStart = first.index + 1;
      // Repeats and alternative titles follow directly (blank lines aside).
      for (let j = first.index + 1; j < lines.length; j++) {
        const l = lines[j]!;
        if (l.blank) continue;
        const t = l.text.trim();
        if (l.folded === first.folded) {
          title.repeats.push(index.trimmedLineRange(l));
        } else if (!outlet && BYLINE_RE.test(t) && wordCount(l.folded) <= 8) {
          const m = BYLINE_RE.exec(t)!;
          const lead = l.text.length - l.text.trimStart().length;
          const start = l.start + lead;
          outlet = { text: m.groups!.outlet!.trim(), range: index.range(start, start + m.groups!.outlet!.trim().length), source: 'byline' };
        } else if (!outlet && isHeaderOutlet(l, lines)) {
          outlet = { ...part(l), source: 'header' };
        } else if (!outlet && isAlternativeTitle(first, l)) {
          alternativeTitles.push(part(l));
        } else {
          break;
        }
        used.add(j);
        bodyStart = j + 1;
      }
    }
  }

  // 3. Boilerplate lines in the body and footer.
  for (let j = bodyStart; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.blank || used.has(j)) continue;
    const kind = boilerplateKind(l.folded);
    if (kind) markBoilerplate(l, kind);
  }

  // Outlet from the footer when the header has none.
  if (!outlet) outlet = footerOutlet(lines, boilerplate, index);

  // 4. Subheadings, paragraphs and sections.
  const body = lines.slice(bodyStart).filter((l) => !l.blank && !used.has(l.index));
  const paragraphs: Part[] = [];
  const subheadings: Part[] = [];
  const sections: Section[] = [];
  let current: Section | undefined;
  const closeSection = (): void => {
    if (current && current.paragraphs.length > 0) {
      const startOffset = current.range.start;
      current.range = index.range(startOffset, paragraphs[current.paragraphs[current.paragraphs.length - 1]!]!.range.end);
    }
    if (current && (current.heading || current.paragraphs.length > 0)) sections.push(current);
  };
  for (let k = 0; k < body.length; k++) {
    const l = body[k]!;
    const next = body[k + 1];
    if (k > 0 && next && isSubheading(l, next)) {
      closeSection();
      const heading = part(l);
      subheadings.push(heading);
      current = { heading, range: heading.range, paragraphs: [] };
      continue;
    }
    if (!current) current = { range: index.trimmedLineRange(l), paragraphs: [] };
    current.paragraphs.push(paragraphs.length);
    paragraphs.push(part(l));
  }
  closeSection();

  // 5. A derived title for a file without one: its first sentence.
  if (!title) title = derivedTitle(paragraphs[0] ?? (first ? part(first) : undefined), index);

  // 6. Dates.
  const today = options.today ?? new Date();
  const latest = { year: today.getUTCFullYear(), month: today.getUTCMonth() + 1, day: today.getUTCDate() };
  const yearsMentioned = yearsIn(folded.text, latest.year);
  const mentions = findDates(text, folded).filter((d) => !insideBoilerplate(d.start, boilerplate));
  const { date, dates } = resolveArticleDates(name, mentions, index, {
    latest,
    yearsMentioned,
    ...(options.contextYear !== undefined ? { contextYear: options.contextYear } : {}),
  });

  const article: Article = {
    name,
    title,
    alternativeTitles,
    dates,
    subheadings,
    sections,
    paragraphs,
    boilerplate: boilerplate.sort((a, b) => a.range.start - b.range.start),
    yearsMentioned,
    lineCount: lines.length,
    length: text.length,
  };
  if (outlet) article.outlet = outlet;
  if (date) article.date = date;
  return article;
}

/** A line under the title that words it differently: most of its words are the title's. */
function isAlternativeTitle(title: Ln, l: Ln): boolean {
  const t = l.text.trim();
  return (
    wordCount(l.folded) >= 3 &&
    t.length <= Math.max(250, title.text.length * 1.6) &&
    !endsWithFullStop(t) &&
    !BYLINE_RE.test(t) &&
    overlap(title.folded, l.folded) >= 0.5
  );
}

/** A short name line under the title followed by a blank line: "الرياض", "الوطن". */
function isHeaderOutlet(l: Ln, lines: readonly Ln[]): boolean {
  const next = lines[l.index + 1];
  return (
    wordCount(l.folded) >= 1 &&
    wordCount(l.folded) <= 3 &&
    l.folded.length <= 30 &&
    !/[.،,:؛!?؟"“”«»]/u.test(l.folded) &&
    (next === undefined || next.blank)
  );
}

function isSubheading(l: Ln, next: Ln): boolean {
  const t = l.text.trim();
  // The cheap test first: most lines are paragraphs, longer than any heading.
  if (t.length > 90) return false;
  const n = wordCount(l.folded);
  return (
    n >= 1 &&
    n <= 12 &&
    !endsWithFullStop(t) &&
    !/[!"“”«»]$/u.test(t) &&
    !/^[-•*·\d]/u.test(t) && // list items
    /\p{L}/u.test(l.folded) &&
    // A heading introduces a longer paragraph.
    next.text.trim().length > t.length
  );
}

function insideBoilerplate(offset: number, boilerplate: readonly Boilerplate[]): boolean {
  return boilerplate.some((b) => offset >= b.range.start && offset < b.range.end);
}

function footerOutlet(lines: readonly Ln[], boilerplate: readonly Boilerplate[], index: LineIndex): Outlet | undefined {
  const fromLine = (b: Boilerplate, re: RegExp, source: OutletSource): Outlet | undefined => {
    const m = re.exec(b.text);
    if (!m || m.index === undefined) return undefined;
    const name = m[1]!.trim();
    const start = b.range.start + m.index + m[0].indexOf(m[1]!);
    return { text: name, range: index.range(start, start + name.length), source };
  };
  for (const b of boilerplate) {
    if (b.kind === 'source') {
      const o = fromLine(b, /^المصدر\s*[:：]\s*(.+?)\s*$/u, 'source-line');
      if (o) return o;
    }
  }
  for (const b of boilerplate) {
    if (b.kind === 'newsletter') {
      // "…محتوى الحل نت واشترك بنشرتنا البريدية."
      const o = fromLine(b, /محتوى\s+(.{2,30}?)\s+(?:و\s*)?(?:ا|إ)?شترك/u, 'newsletter');
      if (o) return o;
    }
  }
  // Said to “X” twice or more: X is the outlet that carried the interview.
  const counts = new Map<string, { n: number; start: number }>();
  lines.forEach((l) => {
    for (const m of l.text.matchAll(/لـ\s*[“"«]([^”"»]{2,30})[”"»]/gu)) {
      const name = m[1]!.trim();
      const c = counts.get(name) ?? { n: 0, start: l.start + m.index! + m[0].indexOf(m[1]!) };
      c.n++;
      counts.set(name, c);
    }
  });
  const best = [...counts.entries()].sort((a, b) => b[1].n - a[1].n)[0];
  if (best && best[1].n >= 2) {
    return { text: best[0], range: index.range(best[1].start, best[1].start + best[0].length), source: 'attribution' };
  }
  return undefined;
}

/** Longest derived title, in characters, before it is cut at a word boundary. */
const DERIVED_TITLE_MAX = 90;

function derivedTitle(p: Part | undefined, index: LineIndex): Title {
  if (!p) return { text: '', range: index.range(0, 0), derived: true, repeats: [] };
  // The first sentence: up to a full stop, question or exclamation mark followed by space or the end.
  const m = /^.*?[.!?؟](?=\s|$)/u.exec(p.text);
  let sentence = m ? m[0] : p.text;
  let end = p.range.start + sentence.length;
  if (sentence.length > DERIVED_TITLE_MAX) {
    const cut = sentence.lastIndexOf(' ', DERIVED_TITLE_MAX);
    sentence = sentence.slice(0, cut > 20 ? cut : DERIVED_TITLE_MAX).replace(/[\s،,:؛]+$/u, '') + '…';
    end = p.range.start + (cut > 20 ? cut : DERIVED_TITLE_MAX);
  }
  return { text: sentence, range: index.range(p.range.start, end), derived: true, repeats: [] };
}

interface DateContext {
  latest: YearContext['latest'];
  yearsMentioned: number[];
  contextYear?: number;
}

function resolveArticleDates(
  name: string,
  mentions: readonly DateMention[],
  index: LineIndex,
  ctx: DateContext,
): { date?: ArticleDate; dates: ArticleDate[] } {
  const ownYear = median(ctx.yearsMentioned);
  const base: YearContext = { latest: ctx.latest };
  if (ownYear !== undefined) {
    base.preferYear = ownYear;
    base.preferYearSource = `the years the article mentions (median ${ownYear})`;
  } else if (ctx.contextYear !== undefined) {
    base.preferYear = ctx.contextYear;
    base.preferYearSource = `the corpus's central year ${ctx.contextYear}`;
  }
  const toDate = (m: DateMention, role: ArticleDate['role'], yc: YearContext): ArticleDate => {
    const d: ArticleDate = { ...resolveDate(m, yc), text: m.text, range: index.range(m.start, m.end), role };
    if (m.weekday !== undefined) d.weekday = m.weekday;
    if (m.relative !== undefined) d.relative = m.relative;
    return d;
  };

  // The article's own date: a dateline ("اليوم الجمعة 17 تموز": today, a weekday, a day), else the
  // file name's date.
  const datelineMention = mentions.find((m) => m.today && m.day !== undefined && m.weekday !== undefined);
  let date: ArticleDate | undefined;
  const fileDate = dateFromFileName(name);
  if (datelineMention) {
    date = toDate(datelineMention, 'dateline', base);
    if (date.year === undefined && fileDate) {
      date.year = fileDate.year;
      date.yearSource = 'file-name';
      date.iso = `${fileDate.year}${date.iso.slice(1)}`;
    }
  } else if (fileDate) {
    date = {
      text: fileDate.text,
      iso: `${fileDate.year}-${String(fileDate.month).padStart(2, '0')}-${String(fileDate.day).padStart(2, '0')}`,
      year: fileDate.year,
      month: fileDate.month,
      day: fileDate.day,
      yearSource: 'file-name' as YearSource,
      role: 'file-name',
    };
  }
  const articleDate =
    date?.year !== undefined && date.day !== undefined ? { year: date.year, month: date.month, day: date.day } : undefined;
  const withArticle: YearContext = articleDate ? { ...base, articleDate } : base;
  const dates = mentions.map((m) => (m === datelineMention && date ? date : toDate(m, 'mention', withArticle)));
  // Still without a year: an earlier date of the same paragraph (line) that has one lends it
  // ("في حزيران/ يونيو 2021 … في جنيف 16 حزيران/ يونيو").
  dates.forEach((d, k) => {
    if (d.year !== undefined || !d.range) return;
    const lender = dates
      .slice(0, k)
      .reverse()
      .find((e) => e.range?.line === d.range!.line && e.yearSource === 'explicit');
    if (!lender || lender.year === undefined) return;
    d.year = lender.year;
    d.yearSource = 'paragraph';
    d.inference = `the year of "${lender.text}" earlier in the same paragraph`;
    d.iso = isoOf(d.year, d.month, d.day);
  });
  return date ? { date, dates } : { dates };
}

/**
 * The corpus's central year: the median of the years its articles mention and of their dates known
 * without weekday guessing. Weekday inference prefers it when an article gives no year of its own.
 */
/** True when the article's date would change with a corpus context year. */
export function needsCorpusContext(a: Article): boolean {
  // An article read back from the cache knows it without parsing its dates (`CachedArticle.needsContext`).
  const known = (a as { needsContext?: unknown }).needsContext;
  if (typeof known === 'boolean') return known;
  return a.yearsMentioned.length === 0 && a.dates.some((d) => d.yearSource === 'weekday' && (d.candidates?.length ?? 0) > 1);
}

/**
 * The year an article's date adds to the corpus's years (its year, unless guessed from the weekday), or -1; an article
 * read back from the cache knows it without parsing its date (`CachedArticle.datedYear`).
 */
export function datedYear(a: Pick<Article, 'date'>): number {
  const known = (a as { datedYear?: unknown }).datedYear;
  if (typeof known === 'number') return known;
  return a.date?.year !== undefined && a.date.yearSource !== 'weekday' ? a.date.year : -1;
}

export function corpusContextYear(articles: readonly Pick<Article, 'yearsMentioned' | 'date'>[]): number | undefined {
  const years: number[] = [];
  for (const a of articles) {
    years.push(...a.yearsMentioned);
    if (a.date?.year !== undefined && a.date.yearSource !== 'weekday') years.push(a.date.year);
  }
  return median(years);
}

