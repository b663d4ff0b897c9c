/**
 * The entry cache's heads (what a warm start reads of each entry: its article's title, outlet, date, subheadings,
 * years, the statements, the people discovered…) as columns rather than a JSON per entry: one table of strings
 * (each written once, decoded as one string and cut when read) and typed arrays of numbers. An entry's head costs a few array reads when its entry is made; the parts the views show (title,
 * outlet, subheadings…) are made from the columns when first read, the date (a JSON, being many optional fields)
 * parsed then. An article whose head would not come back exactly from the columns (a part with other fields) is
 * kept as the JSON it was, whole.
 */
import { type Article, type ArticleDate, datedYear, type OutletSource, type Part, type Title } from '../article/article';
import type { Entity, Statement } from '../entities/recognizer';
import type { TextRange } from '../text/ranges';
import { BinaryReader, BinaryWriter, SnapshotError, StringTable } from './binary';

/** An article's fields read at once (trees, dates, the corpus's years), and whether its date waits for the corpus's year. */
export interface ArticleHead extends Pick<Article, 'name' | 'title' | 'alternativeTitles' | 'outlet' | 'date' | 'subheadings' | 'yearsMentioned' | 'lineCount' | 'length'> {
  needsContext: boolean;
}

/** A statement in the cache (its text only where its article's parts would not give it back). */
export type StoredStatement = Omit<Statement, 'text'> & { text?: string };

/** What the cache keeps of an entry besides its article's body and its mentions. */
export interface Head {
  name: string;
  article: ArticleHead;
  statements: StoredStatement[];
  discovered: Entity[];
  notice?: string;
  contextYear?: number;
  /** Words of the article's body (`bodyWords`), counted when it was parsed: the Summary panel need not read the body. */
  words: number;
  /** The entities named together in each sentence (`ParsedFacts`): nor need the panel's network. */
  namedTogether: readonly (readonly string[])[];
}

const OUTLET_SOURCES: readonly OutletSource[] = ['byline', 'header', 'source-line', 'newsletter', 'attribution'];
const NONE = 0xffffffff;
/** Per entry, in `ents`: these many numbers (see `HeadWriter.add`). */
const STRIDE = 13;
const [NAME, FLAGS, LINES, LENGTH, CONTEXT_YEAR, NOTICE, DATE, DATED_YEAR, DISCOVERED, OUTLET_SOURCE, WORDS, ALTERNATIVES, ARTICLE_NAME] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const F_NEEDS_CONTEXT = 1;
const F_DERIVED = 2;
const F_OUTLET = 4;
const F_CONTEXT_YEAR = 8;
/** The head is the JSON string at NAME's place, whole (see `exact`). */
const F_JSON = 16;
/** Per part (title, alternative titles, subheadings, outlet), in `parts`: text, then the range's six numbers. */
const PART = 7;
const RANGE_KEYS = 'start,end,line,character,endLine,endCharacter';

/** Whether the columns give this part back exactly: its fields, in their order, and a range of six numbers. */
function plainPart(p: Part, keys: string): boolean {
  return Object.keys(p).join(',') === keys && plainRange(p.range) && typeof p.text === 'string';
}

function plainRange(r: TextRange): boolean {
  return Object.keys(r).join(',') === RANGE_KEYS && [r.start, r.end, r.line, r.character, r.endLine, r.endCharacter].every((x) => Number.isInteger(x) && x >= 0 && x < NONE);
}

/** Whether `head` comes back exactly from the columns (else it is kept as its JSON). */
function exact(h: Head): boolean {
  const a = h.article;
  return (
    typeof a.name === 'string' &&
    plainPart(a.title, 'text,range,derived,repeats') &&
    typeof a.title.derived === 'boolean' &&
    a.title.repeats.every(plainRange) &&
    a.alternativeTitles.every((p) => plainPart(p, 'text,range')) &&
    a.subheadings.every((p) => plainPart(p, 'text,range')) &&
    (!a.outlet || (plainPart(a.outlet, 'text,range,source') && OUTLET_SOURCES.includes(a.outlet.source))) &&
    a.yearsMentioned.every((y) => Number.isInteger(y) && y >= 0 && y < NONE) &&
    [a.lineCount, a.length, h.words].every((x) => Number.isInteger(x) && x >= 0 && x < NONE) &&
    (h.contextYear === undefined || (Number.isInteger(h.contextYear) && h.contextYear >= 0 && h.contextYear < NONE)) &&
    h.statements.every((s) => [s.start, s.end].every((x) => Number.isInteger(x) && x >= 0 && x < NONE)) &&
    h.namedTogether.every((set) => set.every((x) => typeof x === 'string'))
  );
}

/** Heads written as columns (see the file's comment). */
export class HeadWriter {
  private readonly table = new Map<string, number>();
  private readonly ents: number[] = [];
  private readonly parts: number[] = [];
  private readonly partOffsets: number[] = [0];
  private readonly repeats: number[] = [];
  private readonly repeatOffsets: number[] = [0];
  private readonly years: number[] = [];
  private readonly yearOffsets: number[] = [0];
  private readonly statements: number[] = [];
  private readonly statementOffsets: number[] = [0];
  private readonly together: number[] = [];
  private readonly togetherOffsets: number[] = [0];

  private str(s: string): number {
    let i = this.table.get(s);
    if (i === undefined) this.table.set(s, (i = this.table.size));
    return i;
  }

  private part(p: Part): void {
    const r = p.range;
    this.parts.push(this.str(p.text), r.start, r.end, r.line, r.character, r.endLine, r.endCharacter);
  }

  add(h: Head): void {
    const a = h.article;
    const e = new Array<number>(STRIDE).fill(NONE);
    if (!exact(h)) {
      e[NAME] = this.str(JSON.stringify(h));
      e[FLAGS] = F_JSON;
    } else {
      e[NAME] = this.str(h.name);
      // The article's name: its file's when written, unless the entry was read back under another (a folder renamed).
      e[ARTICLE_NAME] = this.str(a.name);
      e[FLAGS] = (a.needsContext ? F_NEEDS_CONTEXT : 0) | (a.title.derived ? F_DERIVED : 0) | (a.outlet ? F_OUTLET : 0) | (h.contextYear !== undefined ? F_CONTEXT_YEAR : 0);
      e[LINES] = a.lineCount;
      e[LENGTH] = a.length;
      if (h.contextYear !== undefined) e[CONTEXT_YEAR] = h.contextYear;
      if (h.notice !== undefined) e[NOTICE] = this.str(h.notice);
      if (a.date) e[DATE] = this.str(JSON.stringify(a.date));
      const year = datedYear(a);
      if (year >= 0) e[DATED_YEAR] = year;
      if (h.discovered.length > 0) e[DISCOVERED] = this.str(JSON.stringify(h.discovered));
      if (a.outlet) e[OUTLET_SOURCE] = OUTLET_SOURCES.indexOf(a.outlet.source);
      e[WORDS] = h.words;
      e[ALTERNATIVES] = a.alternativeTitles.length;
      // Parts: the title, the alternative titles, the subheadings, the outlet.
      this.part(a.title);
      for (const p of a.alternativeTitles) this.part(p);
      for (const p of a.subheadings) this.part(p);
      if (a.outlet) this.part(a.outlet);
      for (const r of a.title.repeats) this.repeats.push(r.start, r.end, r.line, r.character, r.endLine, r.endCharacter);
      this.years.push(...a.yearsMentioned);
      for (const s of h.statements) this.statements.push(this.str(s.entity), s.start, s.end, s.text === undefined ? NONE : this.str(s.text));
      // Each sentence's entities as their count, then their strings.
      for (const set of h.namedTogether) this.together.push(set.length, ...set.map((x) => this.str(x)));
    }
    this.ents.push(...e);
    this.partOffsets.push(this.parts.length / PART);
    this.repeatOffsets.push(this.repeats.length / 6);
    this.yearOffsets.push(this.years.length);
    this.statementOffsets.push(this.statements.length / 4);
    this.togetherOffsets.push(this.together.length);
  }

  write(w: BinaryWriter): void {
    w.strings([...this.table.keys()]);
    w.array(Uint32Array.from(this.ents));
    for (const [values, offsets] of [
      [this.parts, this.partOffsets],
      [this.repeats, this.repeatOffsets],
      [this.years, this.yearOffsets],
      [this.statements, this.statementOffsets],
      [this.together, this.togetherOffsets],
    ] as const) {
      w.array(Uint32Array.from(offsets));
      w.array(Uint32Array.from(values));
    }
  }
}

/** The parts of an article's head made from the columns (when first read). */
export interface HeadParts {
  title: Title;
  alternativeTitles: Part[];
  subheadings: Part[];
  outlet?: Article['outlet'];
  date?: ArticleDate;
}

/** An entry's head as read at once: numbers, and how to make the rest (`HeadTable.parts`). */
export interface HeadNumbers {
  /** The file's name (relative to the corpus folder) when written. */
  name: string;
  /** The article's name: its file's when it was parsed (another when the entry was read back under a new name). */
  articleName: string;
  lineCount: number;
  length: number;
  needsContext: boolean;
  yearsMentioned: number[];
  /** The year the date adds to the corpus's years (-1: none), without parsing the date. */
  datedYear: number;
  words: number;
  notice?: string;
  contextYear?: number;
  statements: StoredStatement[];
  discovered: Entity[];
}

/** The heads of a cache, as read. */
export class HeadTable {
  private readonly strings: StringTable;
  private readonly ents: Uint32Array;
  private readonly lists: { offsets: Uint32Array; values: Uint32Array }[] = [];

  constructor(r: BinaryReader, n: number) {
    // The columns copied out of the cache's front, which is let go once the cache is read (its strings are in
    // `strings`, decoded).
    this.strings = r.stringTable();
    this.ents = r.u32s().slice();
    if (this.ents.length !== n * STRIDE) throw new SnapshotError('heads');
    for (const width of [PART, 6, 1, 4, 1]) {
      const offsets = r.u32s().slice();
      const values = r.u32s().slice();
      if (offsets.length !== n + 1 || offsets[0] !== 0 || offsets[n]! * width !== values.length) throw new SnapshotError('heads');
      for (let i = 0; i < n; i++) if (offsets[i]! > offsets[i + 1]!) throw new SnapshotError('heads');
      this.lists.push({ offsets, values });
    }
  }

  private json(i: number): Head | undefined {
    const x = JSON.parse(this.strings.get(this.ents[i * STRIDE + NAME]!)) as Partial<Head> | null;
    const a = x?.article;
    const ok =
      typeof x?.name === 'string' &&
      typeof a?.title === 'object' &&
      Array.isArray(a.alternativeTitles) &&
      Array.isArray(a.subheadings) &&
      Array.isArray(a.yearsMentioned) &&
      typeof a.length === 'number' &&
      typeof a.needsContext === 'boolean' &&
      Array.isArray(x.statements) &&
      Array.isArray(x.discovered) &&
      typeof x.words === 'number' &&
      Array.isArray(x.namedTogether);
    return ok ? (x as Head) : undefined;
  }

  private field(i: number, k: number): number {
    return this.ents[i * STRIDE + k]!;
  }

  /** Entry i's numbers, years, statements and discovered people (throws `SnapshotError` on a damaged head). */
  numbers(i: number): HeadNumbers {
    if (this.field(i, FLAGS) & F_JSON) {
      const h = this.json(i);
      if (!h) throw new SnapshotError('head');
      const { name, article: a, words, notice, contextYear, statements, discovered } = h;
      const out: HeadNumbers = { name, articleName: a.name, lineCount: a.lineCount, length: a.length, needsContext: a.needsContext, yearsMentioned: a.yearsMentioned, datedYear: datedYear(a), words, statements, discovered };
      if (notice !== undefined) out.notice = notice;
      if (contextYear !== undefined) out.contextYear = contextYear;
      return out;
    }
    const flags = this.field(i, FLAGS);
    const [years, statements] = [this.lists[2]!, this.lists[3]!];
    const yearsMentioned = Array.from(years.values.subarray(years.offsets[i]!, years.offsets[i + 1]!));
    const said: StoredStatement[] = [];
    const v = statements.values;
    for (let k = statements.offsets[i]! * 4; k < statements.offsets[i + 1]! * 4; k += 4) {
      const s: StoredStatement = { entity: this.strings.get(v[k]!), start: v[k + 1]!, end: v[k + 2]! };
      if (v[k + 3] !== NONE) s.text = this.strings.get(v[k + 3]!);
      said.push(s);
    }
    const d = this.field(i, DISCOVERED);
    const discovered = d === NONE ? [] : (JSON.parse(this.strings.get(d)) as unknown);
    if (!Array.isArray(discovered)) throw new SnapshotError('head');
    const out: HeadNumbers = {
      name: this.strings.get(this.field(i, NAME)),
      articleName: this.strings.get(this.field(i, ARTICLE_NAME)),
      lineCount: this.field(i, LINES),
      length: this.field(i, LENGTH),
      needsContext: (flags & F_NEEDS_CONTEXT) !== 0,
      yearsMentioned,
      datedYear: this.field(i, DATED_YEAR) === NONE ? -1 : this.field(i, DATED_YEAR),
      words: this.field(i, WORDS),
      statements: said,
      discovered: discovered as Entity[],
    };
    if (this.field(i, NOTICE) !== NONE) out.notice = this.strings.get(this.field(i, NOTICE));
    if (flags & F_CONTEXT_YEAR) out.contextYear = this.field(i, CONTEXT_YEAR);
    return out;
  }

  /** Entry i's entities named together in each sentence (throws `SnapshotError` when damaged). */
  namedTogether(i: number): string[][] {
    if (this.field(i, FLAGS) & F_JSON) {
      const h = this.json(i);
      if (!h) throw new SnapshotError('head');
      return h.namedTogether.map((set) => [...set]);
    }
    const { offsets, values } = this.lists[4]!;
    const out: string[][] = [];
    for (let k = offsets[i]!; k < offsets[i + 1]!; ) {
      const n = values[k++]!;
      if (k + n > offsets[i + 1]!) throw new SnapshotError('head');
      const set: string[] = [];
      for (const end = k + n; k < end; k++) set.push(this.strings.get(values[k]!));
      out.push(set);
    }
    return out;
  }

  /** Entry i's title, alternative titles, subheadings, outlet and date (throws `SnapshotError` when damaged). */
  parts(i: number): HeadParts {
    if (this.field(i, FLAGS) & F_JSON) {
      const a = this.json(i)?.article;
      if (!a) throw new SnapshotError('head');
      const out: HeadParts = { title: a.title, alternativeTitles: a.alternativeTitles, subheadings: a.subheadings };
      if (a.outlet) out.outlet = a.outlet;
      if (a.date) out.date = a.date;
      return out;
    }
    const flags = this.field(i, FLAGS);
    const { offsets, values } = this.lists[0]!;
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    const alternatives = this.field(i, ALTERNATIVES);
    const outlet = (flags & F_OUTLET) !== 0;
    if (to - from < 1 + alternatives + (outlet ? 1 : 0)) throw new SnapshotError('head');
    const part = (k: number): Part => {
      const at = k * PART;
      return { text: this.strings.get(values[at]!), range: range(values, at + 1) };
    };
    const reps = this.lists[1]!;
    const repeats: TextRange[] = [];
    for (let k = reps.offsets[i]!; k < reps.offsets[i + 1]!; k++) repeats.push(range(reps.values, k * 6));
    const first = part(from);
    const title: Title = { text: first.text, range: first.range, derived: (flags & F_DERIVED) !== 0, repeats };
    const out: HeadParts = { title, alternativeTitles: [], subheadings: [] };
    for (let k = from + 1; k < from + 1 + alternatives; k++) out.alternativeTitles.push(part(k));
    for (let k = from + 1 + alternatives; k < to - (outlet ? 1 : 0); k++) out.subheadings.push(part(k));
    if (outlet) {
      const source = OUTLET_SOURCES[this.field(i, OUTLET_SOURCE)];
      if (!source) throw new SnapshotError('head');
      const o = part(to - 1);
      out.outlet = { text: o.text, range: o.range, source };
    }
    const d = this.field(i, DATE);
    if (d !== NONE) {
      const date = JSON.parse(this.strings.get(d)) as ArticleDate | null;
      if (typeof date?.iso !== 'string') throw new SnapshotError('head');
      out.date = date;
    }
    return out;
  }
}

function range(v: Uint32Array, at: number): TextRange {
  return { start: v[at]!, end: v[at + 1]!, line: v[at + 2]!, character: v[at + 3]!, endLine: v[at + 4]!, endCharacter: v[at + 5]! };
}
