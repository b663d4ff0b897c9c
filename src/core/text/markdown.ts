/** Markdown from untrusted text (articles, file names, the user's entity file), for hovers and tooltips. */

/**
 * Every character markdown (CommonMark + GFM) or VS Code's renderer gives a meaning: emphasis, links and
 * images (`[`, `]`, `(`, `)`, `!`), raw HTML (`<`, `>`), entities (`&`), headings, lists, tables, code, and
 * `$(icon)` theme icons. Each is backslash-escaped, so the text shows as the characters it is made of.
 */
const ESCAPE = /[\\`*_{}[\]()#+\-.!|<>~&$:]/g;

/** Markdown-escapes text (for use inside link labels, table cells and paragraphs); newlines become spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(ESCAPE, (c) => `\\${c}`).replace(/\r\n?|\n/g, ' ');
}

/**
 * Text for a quick pick's label, description or detail, which render `$(name)` as an icon: the escaped form
 * `\$(name)` shows the characters instead.
 */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

/** Unicode's right-to-left isolate and its end (RLI … PDI): what is between is laid out right to left. */
const RLI = '\u2067';
const PDI = '\u2069';

/**
 * Markdown (already escaped) laid out right to left inside a left-to-right line: an Arabic title in a list item, a
 * name beside a count. Its own punctuation stays at its own ends ("…؟" ends on the left).
 */
export function rtlInline(markdown: string): string {
  return `${RLI}${markdown}${PDI}`;
}

/**
 * An Arabic paragraph for VS Code's hover markdown, which needs `supportHtml`. VS Code's sanitiser drops `dir` but
 * keeps `align`: `<div align="right">` puts the paragraph at the right, and an isolate lays it out right to left,
 * so its final period lands at the sentence's end (on the left). `markdown` is escaped text; `quote` makes the
 * paragraph a block quote. The blank lines let markdown inside the HTML block be read as markdown.
 */
export function rtlParagraph(markdown: string, quote = false): string {
  return `<div align="right">\n\n${quote ? '> ' : ''}${rtlInline(markdown)}\n\n</div>\n\n`;
}
