/**
 * The Summary panel: one webview showing the corpus, an article or an entity (view models in
 * src/core/summary/model.ts, HTML in src/core/summary/html.ts, script and styles in media/). Commands
 * open it from the palette, the trees and the hover cards; the serializer restores it after a reload;
 * it follows the corpus as files change. Everything it creates is owned by this module's disposables.
 */
import * as vscode from 'vscode';
import type { Corpus } from '../../core/corpus/corpus';
import { escapeIcons } from '../../core/text/markdown';
import type { Entity, EntityType } from '../../core/entities/recognizer';
import { makeNonce, renderBody, renderPage, SummaryModel } from '../../core/summary/html';
import { FromWebview, isFromWebview, isSummaryView, PageMetrics, SummaryView, ToWebview } from '../../core/summary/messages';
import { articleSummary, corpusSummary, entitySummary } from '../../core/summary/model';
import { Commands, Webviews } from '../workspace/ids';
import { readCorpusText } from '../workspace/workspaceCorpus';

/** How many views "Back" remembers. */
const HISTORY = 50;
/** Corpus changes arriving within this time make one re-render. */
const UPDATE_DELAY_MS = 150;

/** What the panel last showed (read by the integration tests through the extension's API). */
export interface SummaryRender {
  view: SummaryView;
  model: SummaryModel | undefined;
  /** The body HTML, as sent to the webview. */
  html: string;
  title: string;
}

/** What the page reported showing: the view, its visible text, and what it measured of itself. */
export interface SummaryShown {
  view: SummaryView;
  text: string;
  metrics?: PageMetrics;
}

export class SummaryPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private view: SummaryView = { kind: 'corpus' };
  private history: SummaryView[] = [];
  private generation = 0;
  /** The webview's script has loaded the page last set as `webview.html` (and said so). */
  private scriptReady = false;
  /** The page in `webview.html` still shows the current view (no message has changed it since). */
  private pageCurrent = false;
  private updateTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly rendered = new vscode.EventEmitter<SummaryRender>();
  private readonly ready = new vscode.EventEmitter<void>();
  private readonly shown = new vscode.EventEmitter<SummaryShown>();
  /** Fires after each render reaches the webview (page set or message posted). */
  readonly onDidRender = this.rendered.event;
  /** Fires when the webview's script has loaded and runs (proof that the CSP let it in). */
  readonly onDidBecomeReady = this.ready.event;
  /** Fires when the page has shown a view (reported by the script, with the page's visible text). */
  readonly onDidShowInWebview = this.shown.event;
  lastRender: SummaryRender | undefined;
  /** What the page last reported showing. */
  lastShown: SummaryShown | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly corpus: Corpus,
  ) {
    this.disposables.push(this.rendered, this.ready, this.shown, corpus.onDidChange(() => this.scheduleUpdate()));
  }

  get visible(): boolean {
    return this.panel?.visible ?? false;
  }

  get current(): SummaryView {
    return this.view;
  }

  get isScriptReady(): boolean {
    return this.scriptReady;
  }

  /** The open panel's webview (its page and options), for the security tests. */
  get webview(): vscode.Webview | undefined {
    return this.panel?.webview;
  }

  private get mediaRoot(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'media');
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, localResourceRoots: [this.mediaRoot], enableFindWidget: true };
  }

  /** Shows `view`, creating or revealing the panel; the previous view goes into the history. */
  async show(view: SummaryView, preserveFocus = false): Promise<void> {
    if (!this.panel) {
      this.history = [];
      this.view = view;
      const panel = vscode.window.createWebviewPanel(Webviews.summary, vscode.l10n.t('Corpus Summary'), { viewColumn: vscode.ViewColumn.Active, preserveFocus }, this.webviewOptions());
      this.attach(panel);
    } else {
      if (JSON.stringify(view) !== JSON.stringify(this.view)) {
        this.history.push(this.view);
        if (this.history.length > HISTORY) this.history.shift();
      }
      this.view = view;
      this.panel.reveal(undefined, preserveFocus);
    }
    await this.render();
  }

  /** Restores a panel VS Code kept across a reload (the serializer). */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const view = typeof state === 'object' && state !== null && isSummaryView((state as { view?: unknown }).view) ? (state as { view: SummaryView }).view : { kind: 'corpus' as const };
    if (this.panel) {
      // Only one summary panel: a second restored one is closed.
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    this.view = view;
    this.history = [];
    this.attach(panel);
    await this.render();
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.scriptReady = false;
    this.pageCurrent = false;
    panel.iconPath = vscode.Uri.joinPath(this.mediaRoot, 'corpus.svg');
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      // A hidden webview's page is unloaded: until it says it is ready again, renders set the page.
      panel.onDidChangeViewState(({ webviewPanel }) => {
        if (!webviewPanel.visible) this.scriptReady = false;
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.panelDisposables.forEach((d) => d.dispose());
        this.panelDisposables = [];
      }),
    ];
  }

  private async onMessage(message: unknown): Promise<void> {
    if (!isFromWebview(message)) return; // the page is untrusted input
    const m: FromWebview = message;
    switch (m.type) {
      case 'ready':
        this.scriptReady = true;
        // A page reloaded while hidden shows the view it was created with: bring it up to date.
        if (!this.pageCurrent) await this.render();
        this.ready.fire();
        return;
      case 'rendered':
        this.lastShown = m.metrics ? { view: m.view, text: m.text, metrics: m.metrics } : { view: m.view, text: m.text };
        this.shown.fire(this.lastShown);
        return;
      case 'navigate':
        return this.show(m.view, true);
      case 'back': {
        const previous = this.history.pop();
        if (!previous) return;
        this.view = previous;
        return this.render();
      }
      case 'open': {
        const entry = this.corpus.get(m.target.file);
        // Only corpus files open from the panel.
        if (!entry) return;
        const t = m.target;
        await vscode.commands.executeCommand(Commands.openLocation, t.file, t.line, t.character, t.endLine, t.endCharacter);
        return;
      }
    }
  }

  private scheduleUpdate(): void {
    if (!this.panel) return;
    if (this.updateTimer) clearTimeout(this.updateTimer);
    this.updateTimer = setTimeout(() => {
      this.updateTimer = undefined;
      void this.render();
    }, UPDATE_DELAY_MS);
  }

  private async build(view: SummaryView): Promise<{ model: SummaryModel | undefined; missing?: string }> {
    await this.corpus.ready();
    // The knowledge base, plus any entity the corpus index knows beyond it (e.g. people found in the text).
    const entities = new Map<string, Entity>(this.corpus.entityRecognizer?.entities ?? []);
    for (const s of this.corpus.entities().byId.values()) if (!entities.has(s.entity.id)) entities.set(s.entity.id, s.entity);
    switch (view.kind) {
      case 'corpus': {
        // The live corpus keeps the entity index: not built again for each render.
        const options: Parameters<typeof corpusSummary>[2] = { index: this.corpus.entities() };
        if (view.entity !== undefined) options.entity = view.entity;
        if (view.outlet !== undefined) options.outlet = view.outlet;
        if (view.networkTypes) options.networkTypes = view.networkTypes;
        if (view.networkBy) options.networkBy = view.networkBy;
        if (view.networkSize !== undefined) options.networkSize = view.networkSize;
        const expand = view.expand?.filter((s): s is EntityType => s !== 'outlets');
        if (expand && expand.length > 0) options.expand = expand;
        return { model: corpusSummary(this.corpus.all(), entities, options) };
      }
      case 'article': {
        const entry = this.corpus.get(view.file);
        if (!entry) return { model: undefined, missing: 'This article is no longer in the corpus.' };
        let text: string | undefined;
        try {
          text = await readCorpusText(entry.file);
        } catch (e) {
          return { model: undefined, missing: `Cannot read ${entry.file.name}: ${(e as Error).message}` };
        }
        if (text === undefined) return { model: undefined, missing: `Cannot read ${entry.file.name}: it is no longer a readable text file.` };
        return { model: articleSummary(entry, text, entities) };
      }
      case 'entity': {
        const model = entitySummary(this.corpus.all(), entities, view.id);
        return model ? { model } : { model: undefined, missing: 'This entity is not in the knowledge base.' };
      }
    }
  }

  private titleOf(model: SummaryModel | undefined): string {
    if (!model) return vscode.l10n.t('Corpus Summary');
    if (model.kind === 'corpus') {
      const on = model.filter?.nameAr ?? model.outlet;
      return on !== undefined ? vscode.l10n.t('Summary: {0}', on) : vscode.l10n.t('Corpus Summary');
    }
    if (model.kind === 'article') return vscode.l10n.t('Summary: {0}', model.article.title);
    return vscode.l10n.t('Summary: {0}', model.entity.nameAr);
  }

  /** Builds the current view and sends it: a new page when the script is not running yet, else a message. */
  private async render(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const generation = ++this.generation;
    const view = this.view;
    const { model, missing } = await this.build(view);
    if (generation !== this.generation || this.panel !== panel) return; // a newer render (or the panel went)
    const html = renderBody(view, model, this.history.length > 0, missing, vscode.env.language);
    const title = this.titleOf(model);
    panel.title = title.length > 60 ? `${title.slice(0, 59)}…` : title;
    if (this.scriptReady) {
      const message: ToWebview = { type: 'render', view, html, canGoBack: this.history.length > 0 };
      await panel.webview.postMessage(message);
      this.pageCurrent = false;
    } else {
      const webview = panel.webview;
      webview.html = renderPage({
        cspSource: webview.cspSource,
        nonce: makeNonce(),
        scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'summary.js')).toString(),
        styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'summary.css')).toString(),
        view,
        body: html,
      });
      this.pageCurrent = true;
    }
    this.lastRender = { view, model, html, title };
    this.rendered.fire(this.lastRender);
  }

  /** Scrolls the page to a section (by its heading's id, e.g. `h-network`), once the page's script runs. */
  async reveal(id: string): Promise<void> {
    if (!this.panel || !this.scriptReady) return;
    const message: ToWebview = { type: 'reveal', id };
    await this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.updateTimer) clearTimeout(this.updateTimer);
    this.panel?.dispose();
    this.panelDisposables.forEach((d) => d.dispose());
    this.disposables.forEach((d) => d.dispose());
  }
}

// ---------------------------------------------------------------------------------------------
// Commands: what a tree node, a hover link or the palette passes

/** An article's file id from a command argument: an Articles or Entities tree node, a URI, or an id. */
function articleArg(arg: unknown): string | undefined {
  if (arg instanceof vscode.Uri) return arg.toString();
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'object' && arg !== null) {
    const node = arg as { kind?: unknown; id?: unknown; file?: unknown };
    if (node.kind === 'article' && typeof node.file === 'string') return node.file; // Entities tree: entity → article
    if (node.kind === 'article' && typeof node.id === 'string') return node.id; // Articles tree
    if (node.kind === 'subheading' && typeof node.id === 'string') return node.id;
  }
  return undefined;
}

/** An entity id from a command argument: an Entities tree node or an id. */
function entityArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'object' && arg !== null) {
    const node = arg as { kind?: unknown; id?: unknown };
    if ((node.kind === 'entity' || node.kind === 'mention') && typeof node.id === 'string') return node.id;
  }
  return undefined;
}

async function pickArticle(corpus: Corpus): Promise<string | undefined> {
  await corpus.ready();
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  if (active && corpus.get(active)) return active;
  const items = corpus.all().map((e) => ({
    label: escapeIcons(e.article.title.text || e.file.name),
    description: escapeIcons([e.article.outlet?.text, e.article.date?.iso].filter(Boolean).join(' · ')),
    detail: escapeIcons(e.file.name),
    id: e.file.id,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Summary of Article'), placeHolder: vscode.l10n.t('Choose an article'), matchOnDescription: true, matchOnDetail: true });
  return picked?.id;
}

async function pickEntity(corpus: Corpus): Promise<string | undefined> {
  await corpus.ready();
  const items = corpus
    .entities()
    .list()
    .map((s) => ({ label: escapeIcons(s.entity.nameAr), description: escapeIcons(`${s.entity.nameEn} · ${s.count}`), id: s.entity.id }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Summary of Entity'),
    placeHolder: vscode.l10n.t('Choose an official, organisation, place or law'),
    matchOnDescription: true,
  });
  return picked?.id;
}

/** Registers the panel, its three commands and its serializer; everything is owned by `context`. */
export function registerSummaryPanel(context: vscode.ExtensionContext, corpus: Corpus): SummaryPanel {
  const summary = new SummaryPanel(context.extensionUri, corpus);
  context.subscriptions.push(
    summary,
    vscode.commands.registerCommand(Commands.showSummary, (arg?: unknown) => summary.show(isSummaryView(arg) ? arg : { kind: 'corpus' })),
    vscode.commands.registerCommand(Commands.showArticleSummary, async (arg?: unknown) => {
      const file = articleArg(arg) ?? (await pickArticle(corpus));
      if (file) await summary.show({ kind: 'article', file });
    }),
    vscode.commands.registerCommand(Commands.showEntitySummary, async (arg?: unknown) => {
      const id = entityArg(arg) ?? (await pickEntity(corpus));
      if (id) await summary.show({ kind: 'entity', id });
    }),
    vscode.window.registerWebviewPanelSerializer(Webviews.summary, {
      deserializeWebviewPanel: (panel, state: unknown) => summary.restore(panel, state),
    }),
  );
  return summary;
}
