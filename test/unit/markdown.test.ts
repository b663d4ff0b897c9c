/**
 * Issue #7, injection: text from articles and the user's entity file goes into hovers (markdown) and quick picks
 * (`$(icon)` syntax) escaped, so it shows as the characters it is made of. Rendered here with markdown-it (the
 * CommonMark + GFM renderer @vscode/vsce ships; VS Code's own is `marked`, which escapes the same characters), at
 * its most permissive: raw HTML and bare links on.
 */
import * as assert from 'node:assert/strict';
import { escapeIcons, escapeMarkdown } from '../../src/core/text/markdown';
import { INJECTION_BODY, INJECTION_TITLE } from './hostileFixtures';

// markdown-it has no type declarations in this project: the one method used is typed here.
const MarkdownIt = require('markdown-it') as new (options: { html: boolean; linkify: boolean }) => { renderInline(src: string): string };
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
});
