/** What a result shows: the line around a passage, shortened to whole words, and the words to highlight. */
import { scanWords } from '../text/scanner';

/** Characters of context kept on either side of a passage (then cut at whole words). */
const SNIPPET_CONTEXT = 70;

/** The line around [start, end), shortened to whole words with an ellipsis, and its offset in the text. */
export function snippetAround(text: string, start: number, end: number, context = SNIPPET_CONTEXT): { snippet: string; offset: number } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  let from = Math.max(lineStart, start - context);
  let to = Math.min(lineEnd, end + context);
  if (from > lineStart) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < start) from = space + 1;
  }
  if (to < lineEnd) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  // Trim white space without moving offsets out of sync.
  while (from < start && /\s/.test(text[from]!)) from++;
  while (to > end && /\s/.test(text[to - 1]!)) to--;
  // An ellipsis where words of the line are left out (not for white space at its ends).
  const pre = /\S/.test(text.slice(lineStart, from)) ? '…' : '';
  const post = /\S/.test(text.slice(to, lineEnd)) ? '…' : '';
  return { snippet: pre + text.slice(from, to) + post, offset: from - pre.length };
}

/** Ranges of the words of `text` the matcher accepts (for highlighting titles and names). */
export function highlightWords(text: string, matcher: (folded: string) => boolean): [number, number][] {
  const out: [number, number][] = [];
  scanWords(text, (w, s, e) => {
    if (matcher(w)) out.push([s, e]);
  });
  return out;
}
