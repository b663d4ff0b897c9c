/**
 * Text cut to fit a label. A tree row or a quick pick line that is too long is cut by VS Code at its right edge,
 * which for a right-to-left Arabic title is its start: the words that say what the article is. Cutting the text
 * here, at whole words, keeps its start (or the words around a mention) in view, and leaves room for the
 * description beside it. The full text goes in the tooltip. Widths are `roughWidth`s.
 */

const ELLIPSIS = '…';

/** Trailing spaces and the punctuation that would dangle before an ellipsis. */
const DANGLING = /[\s.,:;،؛–—-]+$/u;
const CONTROLS = /[\u2066-\u2069\u200e\u200f]/u;
const WIDE = /[\p{Script=Arabic}\p{N}]/u;
const LETTER = /\p{L}/u;

/** How wide a character is drawn, in Arabic letters (see `roughWidth`). */
function charWidth(c: string): number {
  return CONTROLS.test(c) ? 0 : WIDE.test(c) ? 1 : LETTER.test(c) ? 0.85 : 0.5;
}

/**
 * About how wide `text` is drawn, in Arabic letters of the interface font: Latin letters are narrower, spaces
 * and punctuation half as wide; bidi controls take no room. Enough to share a row between a title and its
 * description without measuring the font.
 */
export function roughWidth(text: string): number {
  let w = 0;
  for (const c of text) w += charWidth(c);
  return w;
}

/** The longest start of `s` at most `max` wide (in UTF-16 units). */
function prefixWithin(s: string, max: number): number {
  let w = 0;
  let i = 0;
  for (const c of s) {
    w += charWidth(c);
    if (w > max) break;
    i += c.length;
  }
  return i;
}

/** `text` (white space runs as one space) cut at a word boundary to at most `max` wide, ending in "…". */
export function shortenEnd(text: string, max: number): string {
  const s = text.replace(/\s+/g, ' ').trim();
  if (roughWidth(s) <= max) return s;
  const fits = prefixWithin(s, max - charWidth(ELLIPSIS));
  let cut = s.lastIndexOf(' ', fits);
  // Only a first word wider than the room is cut inside: a word cut short reads as another word.
  if (cut <= 0) cut = Math.max(1, fits);
  return s.slice(0, cut).replace(DANGLING, '') + ELLIPSIS;
}

/**
 * `text` cut at word boundaries to at most `max` wide around [start, end) (a mention), which stays whole: a word
 * or two before it, then what follows as room allows; "…" where the text was cut.
 */
export function shortenAround(text: string, start: number, end: number, max: number): string {
  if (roughWidth(text) <= max || start < 0 || end > text.length || start >= end) return shortenEnd(text, max);
  // At most a third of the room before the mention, starting at a word.
  let from = start;
  while (from > 0 && roughWidth(text.slice(from - 1, start)) <= max / 3) from--;
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space >= 0 && space < start ? space + 1 : start;
  }
  const head = from > 0 ? ELLIPSIS : '';
  const rest = text.slice(from);
  const room = max - roughWidth(head);
  if (roughWidth(rest) <= room) return head + rest.trim();
  return head + shortenEnd(rest, Math.max(room, roughWidth(text.slice(from, end)) + 1));
}
