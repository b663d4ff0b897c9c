/**
 * What an archive index holds, and the rows of one file. The engine stores the forms WE produce (folded words and
 * their clitic-stripped forms, as our own index resolves them), never its own analysis; attributes map every row back
 * to the file and the exact UTF-16 range it came from.
 *
 * Rows of a file (numbered `fileNo`):
 *  - the article row, id `fileNo * 2^20`, kind 0: the forms of the whole text (a query's words may stand in different
 *    paragraphs, as the in-process engine allows), the title as `text` and its range as [pstart, pend), the file's
 *    path and content hash, its line count, outlet, date and the entities it names;
 *  - one row per non-empty line (a paragraph), id `fileNo * 2^20 + line + 1`, kind 1: that line's forms, its original
 *    text and its [pstart, pend) offsets in the file, and the entities named in it.
 */
import { createHash } from 'node:crypto';
import { scanWords } from '../../core/text/scanner';
import type { EntityType } from '../../core/entities/recognizer';
import { proclitic } from '../../core/text/tokenize';

/** Entity types as bits of the `types` attribute. */
export const TYPE_BITS: Record<EntityType, number> = { person: 1, organisation: 2, place: 4, law: 8 };

/** Rows per file: the article row and up to 2^20 - 1 lines. */
export const LINE_BITS = 20;
const LINE_SPAN = 2 ** LINE_BITS;
export const MAX_LINES = LINE_SPAN - 1;
/** File numbers stay below 2^33 so that ids stay below 2^53 (exact as JavaScript numbers). */
export const MAX_FILE_NO = 2 ** 33 - 1;

export const KIND_ARTICLE = 0;
export const KIND_LINE = 1;

/** The index's fields and attributes, as lines of an `index { type = rt … }` block (Sphinx 2.2 and Manticore). */
export const RT_SCHEMA = [
  'rt_field = forms',
  'rt_field = outlet',
  'rt_attr_uint = kind',
  'rt_attr_bigint = file',
  'rt_attr_uint = pstart',
  'rt_attr_uint = pend',
  'rt_attr_uint = day',
  'rt_attr_uint = lines',
  'rt_attr_uint = types',
  'rt_attr_multi_64 = entities',
  'rt_attr_string = path',
  'rt_attr_string = text',
  'rt_attr_string = hash',
  'rt_attr_string = outletname',
  'rt_attr_string = isodate',
];

/**
 * The letters the engine must keep as word characters: our forms use only these (anything else is sent hex-encoded,
 * see `archiveToken`), so the engine's own folding never changes a form.
 */
export const CHARSET_TABLE = '0..9, a..z, A..Z->a..z, U+0621..U+063A, U+0641..U+064A, U+066E..U+06D3';

/** An `index` block for a real-time index at `path` (the tests' agents and docs/ARCHIVE.md use it). */
export function rtIndexConfig(name: string, path: string): string {
  return [
    `index ${name}`,
    '{',
    '    type = rt',
    `    path = ${path}`,
    ...RT_SCHEMA.map((l) => `    ${l}`),
    '    rt_mem_limit = 256M',
    `    charset_table = ${CHARSET_TABLE}`,
    '    dict = keywords',
    '}',
  ].join('\n');
}

function inAlphabet(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3);
}

/** A folded form as one token of the engine: itself, or `qx` and its UTF-16 code units in hex when it has other letters. */
export function archiveToken(form: string): string {
  for (let i = 0; i < form.length; i++) {
    if (!inAlphabet(form.charCodeAt(i))) {
      let hex = 'qx';
      for (let k = 0; k < form.length; k++) hex += form.charCodeAt(k).toString(16).padStart(4, '0');
      return hex;
    }
  }
  return form;
}

/** The forms a written (folded) word is found by: itself and its clitic-stripped forms of 3 letters or more. */
export function wordForms(word: string): string[] {
  return proclitic(word)
    .filter((s) => s.form === word || s.form.length >= 3)
    .map((s) => s.form);
}

/** The forms of every word of a text, as the engine's field. */
export function formsText(text: string): string {
  const out: string[] = [];
  scanWords(text, (w) => {
    for (const f of wordForms(w)) out.push(archiveToken(f));
  });
  return out.join(' ');
}

/** An entity id as a 48-bit number (an MVA value). */
export function entityKey(id: string): number {
  // FNV-1a 64, kept to 48 bits (exact as a JavaScript number).
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(id, 'utf8')) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return Number(h & 0xffffffffffffn);
}

/** An ISO date of any precision as YYYYMMDD with zeros for what it lacks ('--12-17' → 1217); 0 when none. */
export function dayNumber(iso: string | undefined): number {
  if (!iso) return 0;
  const m = /^(\d{4}|-)-?(\d{2})?-?(\d{2})?$/.exec(iso);
  if (!m) return 0;
  const year = m[1] === '-' ? 0 : Number(m[1]);
  const n = year * 10000 + Number(m[2] ?? 0) * 100 + Number(m[3] ?? 0);
  return n === 0 ? 0 : n;
}

/** A date bound of a query ('2021', '2021-06', '2021-06-17') as YYYYMMDD, and the size of its last unit. */
export function boundNumber(iso: string): { value: number; unit: number } {
  const parts = iso.split('-');
  const unit = parts.length === 1 ? 10000 : parts.length === 2 ? 100 : 1;
  return { value: dayNumber(iso), unit };
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

export function rowId(fileNo: number, line: number): number {
  return fileNo * LINE_SPAN + line;
}

export function fileNoOf(id: number): number {
  return Math.floor(id / LINE_SPAN);
}

/** What a file's rows are made of (its parse and recognition are ours). */
export interface FileInput {
  fileNo: number;
  /** The file's path under the corpus folder, with '/' separators. */
  path: string;
  text: string;
  title: string;
  /** The title's range in the text. */
  titleStart: number;
  titleEnd: number;
  outlet?: string;
  /** ISO date, any precision. */
  date?: string;
  mentions: readonly { entity: string; type: EntityType; start: number; end: number }[];
}

export interface Row {
  id: number;
  forms: string;
  outlet: string;
  kind: number;
  file: number;
  pstart: number;
  pend: number;
  day: number;
  lines: number;
  /** The types of the entities named (bits: `TYPE_BITS`). */
  types: number;
  entities: number[];
  path: string;
  text: string;
  hash: string;
  outletname: string;
  isodate: string;
}

/** The lines of a text that hold a word: [start, end) without the line break. */
export function linesOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const stop = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    if (/[\p{L}\p{N}]/u.test(text.slice(start, stop))) out.push({ start, end: stop });
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}

/** The article row and the line rows of a file. */
export function fileRows(f: FileInput): Row[] {
  const hash = contentHash(f.text);
  const outlet = f.outlet ? formsText(f.outlet) : '';
  const day = dayNumber(f.date);
  const lines = linesOf(f.text).slice(0, MAX_LINES);
  const common = { outlet, file: f.fileNo, day, path: f.path, hash, outletname: f.outlet ?? '', isodate: f.date ?? '' };
  const named = (start: number, end: number): { entities: number[]; types: number } => {
    const within = f.mentions.filter((m) => m.start < end && m.end > start);
    return { entities: [...new Set(within.map((m) => entityKey(m.entity)))], types: within.reduce((t, m) => t | TYPE_BITS[m.type], 0) };
  };
  const lineRows = lines.map((l, i): Row => {
    const text = f.text.slice(l.start, l.end);
    return { ...common, ...named(l.start, l.end), id: rowId(f.fileNo, i + 1), forms: formsText(text), kind: KIND_LINE, pstart: l.start, pend: l.end, lines: 0, text };
  });
  // Every word stands in a line with a letter or digit: the article's forms are its lines' (unless lines were cut).
  const forms = lines.length < MAX_LINES ? lineRows.map((r) => r.forms).join(' ') : formsText(f.text);
  const article: Row = { ...common, ...named(0, f.text.length), id: rowId(f.fileNo, 0), forms, kind: KIND_ARTICLE, pstart: f.titleStart, pend: f.titleEnd, lines: lines.length, text: f.title };
  return [article, ...lineRows];
}
