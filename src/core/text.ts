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
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      lines.push({ index: index++, start, end: i, text: text.slice(start, i) });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
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
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
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
