/**
 * Positions in an article's original text. Every part the parser finds carries a {@link TextRange}
 * into the text exactly as the file holds it (after UTF-8 decoding, without a byte-order mark), so
 * the editor can select the very characters the user sees.
 */
export interface TextRange {
  /** UTF-16 offset of the first character. */
  start: number;
  /** UTF-16 offset just past the last character. */
  end: number;
  /** 0-based line of `start`. */
  line: number;
  /** 0-based UTF-16 column of `start` within its line. */
  character: number;
  /** 0-based line of `end`. */
  endLine: number;
  /** 0-based UTF-16 column of `end` within its line. */
  endCharacter: number;
}

/** One line of the original text, without its line terminator. */
export interface Line {
  /** 0-based line number. */
  index: number;
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past the line's last character (before `\r`/`\n`). */
  end: number;
  text: string;
}

/** Splits text into lines, keeping exact offsets; `\r\n`, `\n` and `\r` all end a line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  // The next \n and the next \r, each found by the engine's own search (most texts have no \r at all).
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    const i = cr < 0 || (lf >= 0 && lf < cr) ? lf : cr;
    lines.push({ index: index++, start, end: i, text: text.slice(start, i) });
    start = i === cr && lf === i + 1 ? i + 2 : i + 1;
    if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
    if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
  }
  lines.push({ index, start, end: text.length, text: text.slice(start) });
  return lines;
}

/** Line indexes already built, by the object that owns the text's analysis (its folded text). */
const SHARED = new WeakMap<object, { text: string; index: LineIndex }>();

/** The line index of `text`, built once per `owner` (every pass over one article shares it). */
export function sharedLineIndex(text: string, owner: object): LineIndex {
  const hit = SHARED.get(owner);
  if (hit && hit.text === text) return hit.index;
  const index = new LineIndex(splitLines(text));
  SHARED.set(owner, { text, index });
  return index;
}

/** Maps offsets to line/character positions for one text. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly lines: readonly Line[]) {
    this.starts = lines.map((l) => l.start);
  }

  /** The 0-based line holding `offset` (an offset on a line terminator belongs to the line it ends). */
  lineAt(offset: number): number {
    // The last line starting at or before `offset` (line 0 starts at 0).
    return Math.max(0, partitionPoint(0, this.starts.length, (i) => this.starts[i]! <= offset) - 1);
  }

  range(start: number, end: number): TextRange {
    const line = this.lineAt(start);
    const endLine = end <= start ? line : this.lineAt(end);
    return {
      start,
      end,
      line,
      character: start - this.starts[line]!,
      endLine,
      endCharacter: end - this.starts[endLine]!,
    };
  }

  /** The range of a whole line, or of lines `from`..`to` inclusive, without the final terminator. */
  lineRange(from: number, to: number = from): TextRange {
    return this.range(this.lines[from]!.start, this.lines[to]!.end);
  }

  /** The range of a line's text without leading and trailing white space. */
  trimmedLineRange(line: Line): TextRange {
    const lead = line.text.length - line.text.trimStart().length;
    const trail = line.text.length - line.text.trimEnd().length;
    const start = line.start + lead;
    return this.range(start, Math.max(start, line.end - trail));
  }
}

/**
 * The one binary search of the project: the first index in [from, to) for which `before(i)` is false, given that
 * `before` is true for a prefix of the range and false for the rest (`to` when it is true throughout).
 */
export function partitionPoint(from: number, to: number, before: (i: number) => boolean): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts `x` into `top`, sorted by `cmp` and at most `limit` long (after the equal ones); leaves it out if it falls past the end. */
export function insertSorted<T>(top: T[], x: T, limit: number, cmp: (a: T, b: T) => number): void {
  if (top.length >= limit && cmp(x, top[limit - 1]!) >= 0) return;
  top.splice(partitionPoint(0, top.length, (i) => cmp(top[i]!, x) <= 0), 0, x);
  if (top.length > limit) top.pop();
}
