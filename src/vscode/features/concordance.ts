/**
 * The concordance panel (keyword in context): every occurrence of a word or an entity, left and
 * right context aligned around it, sortable by the word before or after; choosing a line opens the
 * file with the occurrence selected. Reachable from the search quick pick, the Entities view's
 * context menu and the editor's context menu. The webview gets its lines as data through a
 * message and builds the table with textContent (no article text is ever parsed as HTML).
 */
import * as vscode from 'vscode';
import { concordance, ConcordanceLine, ConcordanceSort } from '../../core/search/concordance';
import { contentSecurityPolicy, esc, makeNonce } from '../../core/summary/html';
import type { CorpusSearch } from '../../core/search/corpusSearch';
import type { EntityNode } from './entitiesView';
import { Commands, Webviews } from '../workspace/ids';
import { num } from './labels';
import { openRange } from './search';

export type ConcordanceTarget = { word: string } | { entity: string };

/** Messages from the webview. */
type FromWebview = { type: 'open'; file: string; start: number; end: number; toSide?: boolean } | { type: 'sort'; sort: ConcordanceSort } | { type: 'ready' };

/** A message from the webview, checked field by field: the page is not trusted to send what it should. */
function fromWebview(m: unknown): FromWebview | undefined {
  if (typeof m !== 'object' || m === null) return undefined;
  const o = m as Record<string, unknown>;
  if (o.type === 'ready') return { type: 'ready' };
  if (o.type === 'sort' && (o.sort === 'position' || o.sort === 'left' || o.sort === 'right')) return { type: 'sort', sort: o.sort };
  if (o.type === 'open' && typeof o.file === 'string' && Number.isInteger(o.start) && Number.isInteger(o.end)) {
    return { type: 'open', file: o.file, start: o.start as number, end: o.end as number, toSide: o.toSide === true };
  }
  return undefined;
}

/** What a command argument names: a target, an Entities-view node, or (from the editor) the word at the cursor. */
function targetOf(arg: unknown): ConcordanceTarget | undefined {
  if (typeof arg === 'string' && arg.trim()) return { word: arg.trim() };
  if (arg && typeof arg === 'object') {
    const o = arg as Partial<EntityNode> & { word?: unknown; entity?: unknown };
    if (typeof o.entity === 'string') return { entity: o.entity };
    if (typeof o.word === 'string' && o.word.trim()) return { word: o.word.trim() };
    if (o.kind === 'entity' && typeof o.id === 'string') return { entity: o.id };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const sel = editor.selection;
  const range = sel.isEmpty ? editor.document.getWordRangeAtPosition(sel.active, /[\p{L}\p{N}\p{M}\u0640.]+/u) : sel;
  const word = range && editor.document.getText(range).replace(/^\.+|\.+$/g, '').trim();
  return word ? { word } : undefined;
}

export class ConcordancePanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private sort: ConcordanceSort = 'position';
  lines: ConcordanceLine[] = [];
  private markRendered!: () => void;
  /** Resolves once the webview has loaded and been sent its lines. */
  readonly rendered = new Promise<void>((resolve) => (this.markRendered = resolve));

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly search: CorpusSearch,
    readonly target: ConcordanceTarget,
    private readonly label: string,
    onDispose: () => void,
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel(Webviews.concordance, vscode.l10n.t('Concordance: {0}', label), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
      retainContextWhenHidden: false,
    });
    this.panel.webview.html = this.html();
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((m: unknown) => {
        const message = fromWebview(m);
        if (message) void this.onMessage(message);
      }),
      this.panel.onDidDispose(() => {
        this.disposables.forEach((d) => d.dispose());
        onDispose();
      }),
    );
  }

  async refresh(): Promise<void> {
    const index = await this.search.ready();
    this.lines = concordance(index, this.target, { sort: this.sort, width: 70, variants: true });
    const summary = vscode.l10n.t('{0} occurrences of {1}', num(this.lines.length), this.label);
    await this.panel.webview.postMessage({ type: 'lines', label: this.label, summary, sort: this.sort, lines: this.lines });
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** The panel's webview (its page and options), for the security tests. */
  get webview(): vscode.Webview {
    return this.panel.webview;
  }

  private async onMessage(m: FromWebview): Promise<void> {
    if (m.type === 'ready') {
      await this.refresh();
      this.markRendered();
    }
    else if (m.type === 'sort' && ['position', 'left', 'right'].includes(m.sort)) {
      this.sort = m.sort;
      await this.refresh();
    } else if (m.type === 'open' && typeof m.file === 'string' && this.lines.some((l) => l.file === m.file && l.start === m.start && l.end === m.end)) {
      await openRange(m.file, m.start, m.end, m.toSide ?? true);
    }
  }

  private html(): string {
    const webview = this.panel.webview;
    const n = makeNonce();
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'concordance.css'));
    const js = webview.asWebviewUri(vscode.Uri.joinPath(media, 'concordance.js'));
    // The page's chrome follows the display language; the lines are Arabic text, right to left.
    const ui = vscode.env.language.startsWith('ar') ? { lang: 'ar', dir: 'rtl' } : { lang: 'en', dir: 'ltr' };
    return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(webview.cspSource, n))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
<title>${esc(vscode.l10n.t('Concordance'))}</title>
</head>
<body>
<header lang="${ui.lang}" dir="${ui.dir}">
  <span id="summary"></span>
  <span class="sort">${esc(vscode.l10n.t('Sort by'))}
    <button data-sort="position">${esc(vscode.l10n.t('position'))}</button>
    <button data-sort="left">${esc(vscode.l10n.t('left word'))}</button>
    <button data-sort="right">${esc(vscode.l10n.t('right word'))}</button>
  </span>
</header>
<table id="lines" dir="rtl">
  <colgroup><col class="before"><col class="keyword" id="keyword-column"><col class="after"><col class="source"></colgroup>
  <tbody></tbody>
</table>
<script nonce="${n}" src="${js}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.panel.dispose();
  }
}

export interface ConcordanceApi {
  /** Opens (or reveals) the concordance of a target; resolves once its lines are shown. */
  show(target: ConcordanceTarget): Promise<ConcordancePanel>;
}

export function registerConcordance(context: vscode.ExtensionContext, search: CorpusSearch): ConcordanceApi {
  const panels = new Map<string, ConcordancePanel>();
  const show = async (target: ConcordanceTarget): Promise<ConcordancePanel> => {
    const key = 'entity' in target ? `e:${target.entity}` : `w:${target.word}`;
    const open = panels.get(key);
    if (open) {
      open.reveal();
      await open.refresh();
      return open;
    }
    const index = await search.ready();
    const label = 'entity' in target ? (index.entityName(target.entity) ?? target.entity) : target.word;
    const panel = new ConcordancePanel(context.extensionUri, search, target, label, () => panels.delete(key));
    panels.set(key, panel);
    await panel.refresh();
    return panel;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.concordance, async (arg?: unknown) => {
      const target = targetOf(arg);
      if (!target) {
        const word = await vscode.window.showInputBox({ title: vscode.l10n.t('Concordance'), prompt: vscode.l10n.t('A word (any spelling) to list in context') });
        if (word?.trim()) await show({ word: word.trim() });
        return;
      }
      await show(target);
    }),
    { dispose: () => [...panels.values()].forEach((p) => p.dispose()) },
  );
  return { show };
}
