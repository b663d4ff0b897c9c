/**
 * Issue #7, injection: text from articles and the user's entity file goes into hovers (markdown) and quick picks
 * (`$(icon)` syntax) escaped, so it shows as the characters it is made of. Rendered here with markdown-it (the
 * CommonMark + GFM renderer @vscode/vsce ships; VS Code's own is `marked`, which escapes the same characters), at
 * its most permissive: raw HTML and bare links on.
 */
import * as assert from 'node:assert/strict';
import { escapeIcons, escapeMarkdown, rtlInline, rtlParagraph } from '../../src/core/text/markdown';
import { INJECTION_BODY, INJECTION_TITLE } from './hostileFixtures';

// markdown-it has no type declarations in this project: the one method used is typed here.
const MarkdownIt = require('markdown-it') as new (options: { html: boolean; linkify: boolean }) => { renderInline(src: string): string; render(src: string): string };
const md = new MarkdownIt({ html: true, linkify: true });

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescapeHtml = (html: string): string => html.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);

const HOSTILE = [
  INJECTION_TITLE,
  INJECTION_BODY,
  '**bold** _em_ `code` # heading\n- list\n> quote | table | ~~strike~~',
  '[link](command:corpusNavigator.refresh "t") ![img](https://example.com/x.png) <https://example.com> https://example.com www.example.com',
  '&lt;script&gt; &#60;b&#62; &copy; &#x27; \\<b\\> \\\\ $(zap) $(sync~spin)',
  '<iframe src="https://example.com"></iframe><svg onload=alert(1)><style>*{}</style>',
  'javascript:alert(1) data:text/html,<b>x</b> vbscript:x',
];

describe('markdown from untrusted text', () => {
  for (const [i, text] of HOSTILE.entries()) {
    it(`renders as exactly its own characters, with no tag and no link (case ${i})`, () => {
      const html = md.renderInline(escapeMarkdown(text));
      assert.ok(!/<[a-z]/i.test(html), `no HTML element: ${html}`);
      assert.equal(unescapeHtml(html), text.replace(/\r\n?|\n/g, ' '));
    });
  }

  it('escapes theme icons for quick picks, and nothing else', () => {
    assert.equal(escapeIcons('$(zap) a $ b $(x'), '\\$(zap) a $ b \\$(x');
    assert.equal(escapeIcons('عنوان <b>'), 'عنوان <b>');
  });

  it('an Arabic paragraph is a right-aligned div holding a right-to-left isolate, its markdown read and its text escaped', () => {
    const sentence = 'قال لافروف إن الحوار <b>مستمر</b>.';
    const html = md.render(rtlParagraph(`**${escapeMarkdown('سيرغي لافروف')}**`) + rtlParagraph(escapeMarkdown(sentence), true));
    // VS Code's sanitiser keeps `align` (it drops `dir`); the isolate sets the direction, so the period ends the sentence.
    assert.equal(
      html,
      '<div align="right">\n<p>\u2067<strong>سيرغي لافروف</strong>\u2069</p>\n</div>\n' +
        '<div align="right">\n<blockquote>\n<p>\u2067قال لافروف إن الحوار &lt;b&gt;مستمر&lt;/b&gt;.\u2069</p>\n</blockquote>\n</div>\n',
    );
    for (const text of HOSTILE) {
      const tags = [...md.render(rtlParagraph(escapeMarkdown(text), true)).matchAll(/<(\/?[a-z]+)/gi)].map((m) => m[1]);
      assert.deepEqual(tags, ['div', 'blockquote', 'p', '/p', '/blockquote', '/div'], text);
    }
    assert.equal(rtlInline('عنوان؟'), '\u2067عنوان؟\u2069');
  });
});
