/**
 * The concordance panel (keyword in context): every occurrence of a word or an entity, left and
 * right context aligned around it, sortable by the word before or after; choosing a line opens the
 * file with the occurrence selected. Reachable from the search quick pick, the Entities view's
 * context menu and the editor's context menu. The webview gets its lines as data through a
 * message and builds the table with textContent (no article text is ever parsed as HTML).
 */
import * as vscode from 'vscode';
import { concordance, concordanceInSlices, ConcordanceLine, ConcordanceSort } from '../../core/search/concordance';
import { isCancelled } from '../../core/search/cancel';
import { contentSecurityPolicy, esc, makeNonce } from '../../core/summary/html';
import type { CorpusSearch } from '../../core/search/corpusSearch';
import type { SearchEngine } from '../../core/search/types';
import type { EntityNode } from './entitiesView';
import { Commands, Webviews } from '../workspace/ids';
import { num } from './labels';
import { openRange } from './search';
import { signalOf } from '../workspace/cancellation';

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
  /** Whether the webview has loaded (said it is ready). */
  private loaded = false;
  /** The latest refresh (see `settled`). */
  private latest: Promise<boolean> = Promise.resolve(true);
  /** The refresh running, if any (the next one cancels it). */
  private running: vscode.CancellationTokenSource | undefined;
  /** Refreshes stopped by their cancellation before they ended (for the tests). */
  stopped = 0;
  /** How the concordance lets the extension host do other work between slices (tests make it slower)… */
  pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
  /** …and how long a slice runs, in milliseconds (0: a pause after every step). */
  sliceMs = 10;
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
        this.running?.cancel();
        this.disposables.forEach((d) => d.dispose());
        onDispose();
      }),
    );
  }

  /**
   * Lists the target's lines again (on load, on a sort, when shown again), a slice at a time: the refresh before is
   * cancelled and stops at its next step, as is this one when the panel closes or `token` (a caller's) is
   * cancelled. False when it was cancelled (nothing is sent then).
   */
  refresh(token?: vscode.CancellationToken): Promise<boolean> {
    const p = this.refreshOnce(token);
    this.latest = p;
    return p;
  }

  /** Resolves once the latest refresh has ended (listed its lines, or was cancelled with none after it). */
  async settled(): Promise<void> {
    for (let p = this.latest; ; p = this.latest) {
      await p;
      if (p === this.latest) return;
    }
  }

  private async refreshOnce(token?: vscode.CancellationToken): Promise<boolean> {
    this.running?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.running = source;
    const linked = token?.onCancellationRequested(() => source.cancel());
    try {
      const index = await this.search.ready();
      const lines = await this.linesOf(index, source.token);
      if (!lines) return false;
      this.lines = lines;
      const summary = vscode.l10n.t('{0} occurrences of {1}', num(this.lines.length), this.label);
      await this.panel.webview.postMessage({ type: 'lines', label: this.label, summary, sort: this.sort, lines: this.lines });
      if (this.loaded) this.markRendered();
      return true;
    } finally {
      linked?.dispose();
      if (this.running === source) this.running = undefined;
      source.dispose();
    }
  }

  /**
   * The lines, a slice at a time; undefined when `token` is cancelled first. Ended by a query on the same index (the
   * quick pick's), it is run again, at once after a few tries.
   */
  private async linesOf(index: SearchEngine, token: vscode.CancellationToken): Promise<ConcordanceLine[] | undefined> {
    const options = { sort: this.sort, width: 70, variants: true, signal: signalOf(token) };
    for (let attempt = 1; ; attempt++) {
      if (token.isCancellationRequested) return undefined;
      try {
        if (attempt > 3) return concordance(index, this.target, options);
        return await concordanceInSlices(index, this.target, { ...options, pause: this.pause, sliceMs: this.sliceMs });
      } catch (e) {
        if (!isCancelled(e)) throw e;
        if (token.isCancellationRequested) {
          this.stopped++;
          return undefined;
        }
      }
    }
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
      this.loaded = true;
      await this.refresh();
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
      if (!(await open.refresh())) await open.settled();
      return open;
    }
    const index = await search.ready();
    const label = 'entity' in target ? (index.entityName(target.entity) ?? target.entity) : target.word;
    const panel = new ConcordancePanel(context.extensionUri, search, target, label, () => panels.delete(key));
    panels.set(key, panel);
    // (Superseded by the webview's own refresh as it loads: that one's lines.)
    if (!(await panel.refresh())) await panel.settled();
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
