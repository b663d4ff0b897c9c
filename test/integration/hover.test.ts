/**
 * Issue #16 in the real VS Code: hover cards read right to left (checked on the hover as rendered), give a
 * person's roles as of the article's year, type the Constitutional Committee as an organisation; and the corpus
 * language's editor defaults leave the dashes and quotes of Arabic news alone.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, type DrawnHover, hoverCard, renderedHover, screenshot, waitFor, workspaceDir } from './util';

const seedsDir = (): string => path.join(workspaceDir(), 'seeds');

/** The hover card at `word` in a seed `file` (its markdown); the editor is left showing it. */
const card = (file: string, word: string): ReturnType<typeof hoverCard> => hoverCard(vscode.Uri.file(path.join(seedsDir(), file)), word);

/** Shows the hover at `position` and reads it back as drawn. */
async function showHover(editor: vscode.TextEditor, position: vscode.Position): Promise<DrawnHover | undefined> {
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('editor.action.showHover');
  if (!process.env.CORPUS_NAV_SCREENSHOT_URL) return undefined;
  return waitFor(async () => {
    const h = await renderedHover();
    return h && h.paragraphs.length > 3 ? h : undefined;
  }, 10_000, 'the hover is drawn');
}

const strip = (s: string): string => s.replace(/[\u2066-\u2069\u200e\u200f]/g, '').trim();

describe('Hover cards and editor defaults (issue #16)', function () {
  this.timeout(90_000);

  // A hover left open would cover the next test's screenshots.
  afterEach(async () => {
    await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
  });

  it('an Arabic paragraph is drawn right-aligned and right to left, its final period at its end (screenshot)', async () => {
    const { markdown, hovers, editor, position } = await card('000_7244c6ac2c0b5fe9.txt', 'لافروف');
    const md = hovers.flatMap((h) => h.contents).find((c): c is vscode.MarkdownString => typeof c !== 'string' && /Mentioned/.test(c.value));
    assert.ok(md?.supportHtml, 'HTML is on for the alignment');
    assert.deepEqual(md.isTrusted, { enabledCommands: ['corpusNavigator.openLocation', 'corpusNavigator.showEntitySummary'] });
    assert.ok(markdown.startsWith('<div align="right">\n\n\u2067**سيرغي لافروف**\u2069\n\n</div>'), markdown.slice(0, 80));
    // The only HTML is our alignment: every other tag in the markdown is escaped text.
    assert.deepEqual([...new Set([...markdown.matchAll(/(?<!\\)<\/?([a-z]+)/g)].map((m) => m[0]))].sort(), ['</div', '<div']);

    const drawn = await showHover(editor, position);
    await screenshot('hover-lavrov-rtl');
    if (!drawn) return; // test-electron: no harness to read the drawing from
    const width = drawn.box.right - drawn.box.left;
    const name = drawn.paragraphs.find((p) => strip(p.text) === 'سيرغي لافروف');
    assert.ok(name?.first && name.last, 'the Arabic name is drawn');
    assert.equal(name.align, 'right');
    // Right-aligned: its ink ends near the card's right edge, far from the left; the first letter (س) is the rightmost.
    assert.ok(drawn.box.right - name.first.right < 40, `the name ends at the right edge: ${JSON.stringify(name)} in ${JSON.stringify(drawn.box)}`);
    assert.ok(name.last.left - drawn.box.left > width / 3, 'the name is not at the left edge');
    assert.ok(name.first.left > name.last.left, 'drawn right to left');
    // The English name stays left-aligned and left to right.
    const english = drawn.paragraphs.find((p) => strip(p.text) === 'Sergey Lavrov');
    assert.ok(english?.first && english.last && english.align === null);
    assert.ok(english.first.left - drawn.box.left < 40 && english.first.left < english.last.left);
  });

  it('roles follow the article\'s year: Mohammed bin Salman is deputy crown prince in 2015, crown prince in 2023 (screenshot)', async () => {
    const { corpus } = await api();
    const text = (title: string): string =>
      `${title}\nالرياض – فريق التحرير\nالتقى الأمير محمد بن سلمان في الرياض وزير الدفاع الأمريكي، وبحثا الأوضاع في المنطقة.\nوقال محمد بن سلمان إن المملكة تدعم الحل السياسي في اليمن.\n`;
    const files = { old: '008_2015-06-17_hover.txt', recent: '009_2023-05-10_hover.txt' };
    try {
      await fs.writeFile(path.join(seedsDir(), files.old), text('ولي ولي العهد يلتقي وزير الدفاع الأمريكي'), 'utf8');
      await fs.writeFile(path.join(seedsDir(), files.recent), text('ولي العهد يلتقي وزير الدفاع الأمريكي'), 'utf8');
      await waitFor(() => corpus.size === 7 && corpus.entities().get('mohammed-bin-salman')?.articles.length === 2, 20_000, 'both articles are read');
      // The card's text with markdown's escapes undone, before and after "At other times:".
      const lines = (md: string): { then: string; other: string } => {
        const [then, other = ''] = md.replace(/\\(.)/g, '$1').split('At other times:');
        return { then: then!, other };
      };

      const old = await card(files.old, 'محمد بن سلمان');
      const in2015 = lines(old.markdown);
      assert.match(in2015.then, /In 2015, the year of this article:/);
      assert.match(in2015.then, /^Deputy Crown Prince of Saudi Arabia \(2015–2017\)/m);
      assert.match(in2015.then, /^Minister of Defence of Saudi Arabia \(2015–2022\)/m);
      assert.doesNotMatch(in2015.then, /^(Crown Prince|Prime Minister) of Saudi Arabia/m, 'not crown prince or prime minister in 2015');
      assert.match(in2015.other, /^Crown Prince of Saudi Arabia \(2017–\)/m);
      assert.match(in2015.other, /^Prime Minister of Saudi Arabia \(2022–\)/m);
      const drawn = await showHover(old.editor, old.position);
      await screenshot('hover-roles-2015');
      if (drawn) {
        // The statement quoted in the card: an Arabic sentence drawn right to left, its final period at its left end.
        const said = drawn.paragraphs.find((p) => strip(p.text).startsWith('وقال محمد بن سلمان'));
        assert.ok(said?.first && said.last, `the statement is drawn: ${drawn.paragraphs.map((p) => p.text).join(' | ')}`);
        assert.equal(said.last.char, '.');
        assert.ok(said.last.top > said.first.top || said.last.left < said.first.left, 'the period ends the sentence on the left');
        // Right-aligned in its quote (whose border and padding keep it off the card's edge): its first word at the right.
        assert.ok(said.box.right - said.first.right < 4, `the sentence starts at the right: ${JSON.stringify(said)}`);
      }

      const recent = lines((await card(files.recent, 'محمد بن سلمان')).markdown);
      assert.match(recent.then, /In 2023, the year of this article:/);
      assert.match(recent.then, /^Crown Prince of Saudi Arabia \(2017–\)/m);
      assert.match(recent.then, /^Prime Minister of Saudi Arabia \(2022–\)/m);
      assert.match(recent.other, /^Deputy Crown Prince of Saudi Arabia \(2015–2017\)/m);
      assert.doesNotMatch(recent.then, /Deputy Crown Prince/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const f of Object.values(files)) await fs.rm(path.join(seedsDir(), f), { force: true });
    }
    await waitFor(() => corpus.size === 5, 20_000, 'back to the seeds');
  });

  it('the Syrian Constitutional Committee is an organisation: listed with them and mentioned, not cited', async () => {
    const { corpus, entities } = await api();
    assert.equal(corpus.entities().get('constitutional-committee')?.entity.type, 'organisation');
    const groups = await entities.getChildren();
    const idsIn = async (type: string): Promise<string[]> => {
      const g = groups.find((x) => x.kind === 'type' && x.type === type && !x.discovered);
      return g ? (await entities.getChildren(g)).flatMap((n) => (n.kind === 'entity' ? [n.id] : [])) : [];
    };
    assert.ok((await idsIn('organisation')).includes('constitutional-committee'), 'under Organisations');
    assert.ok(!(await idsIn('law')).includes('constitutional-committee'), 'not under Laws');
    const { markdown } = await card('001_1f4fa77edfffa84d.txt', 'لجنة إعادة صياغة الدستور');
    assert.match(markdown, /Syrian Constitutional Committee/);
    assert.match(markdown, /Mentioned 1 time in 1 article/);
    assert.doesNotMatch(markdown, /Cited|Adopted/);
  });

  it('the corpus language allows the dashes and quotes of Arabic news: no ambiguous-character box on a byline (screenshot)', async () => {
    const allowed = vscode.workspace.getConfiguration('editor', { languageId: 'corpus-article' }).get<Record<string, boolean>>('unicodeHighlight.allowedCharacters') ?? {};
    for (const c of ['–', '—', '«', '»', '“', '”', '‘', '’']) assert.equal(allowed[c], true, `${c} (U+${c.codePointAt(0)!.toString(16)}) is allowed`);
    // Only for our language: plain text keeps VS Code's default.
    const plain = vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' }).get<Record<string, boolean>>('unicodeHighlight.allowedCharacters') ?? {};
    assert.equal(plain['–'], undefined);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(seedsDir(), '000_7244c6ac2c0b5fe9.txt')));
    assert.equal(doc.languageId, 'corpus-article');
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const byline = doc.getText().indexOf('مدى بوست –');
    editor.selection = new vscode.Selection(doc.positionAt(0), doc.positionAt(0));
    editor.revealRange(new vscode.Range(doc.positionAt(byline), doc.positionAt(byline)), vscode.TextEditorRevealType.AtTop);
    await new Promise((r) => setTimeout(r, 1000));
    await screenshot('editor-byline-dash');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
