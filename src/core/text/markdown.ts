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
