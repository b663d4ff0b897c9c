/**
 * The Entities view: entity types with counts → entities (most mentioned first, or by name) →
 * the articles naming them → each mention as a line snippet; choosing a mention selects its exact
 * characters. Filter by text (Arabic-aware), sort by count or name.
 */
import * as vscode from 'vscode';
import type { SearchServer } from './searchServer';
import { fold } from '../../core/text/arabic';
import type { Corpus } from '../../core/corpus/corpus';
import type { Entity, EntityType } from '../../core/entities/recognizer';
import type { EntityStats } from '../../core/corpus/entityIndex';
import { escapeMarkdown } from '../../core/text/markdown';
import { roughWidth, shortenAround } from '../../core/text/shorten';
import { config } from '../workspace/config';
import { Commands, ContextKeys, Views } from '../workspace/ids';
import { isolate, MIN_TITLE, num, rowLabel, rowRoom } from './labels';
import { openLocationArgs } from './openLocation';
import { showMoreItem } from './showMore';
import { fileUri } from '../workspace/workspaceCorpus';

export type EntityNode =
  | { kind: 'type'; type: EntityType; discovered?: boolean }
  | { kind: 'entity'; id: string }
  | { kind: 'article'; id: string; file: string }
  | { kind: 'mention'; id: string; file: string; index: number }
  /** "Show N more…" after an entity's page of articles. */
  | { kind: 'more'; id: string };

/** An entity's articles shown at a time (most mentions first): an entity named in every one of 20,000 articles opens on a page. */
export const ENTITY_PAGE = 100;

export const TYPE_ICONS: Record<EntityType, string> = { person: 'person', organisation: 'organization', place: 'globe', law: 'law' };
const TYPES = Object.keys(TYPE_ICONS) as EntityType[];

/** A type's group label, in the display language (looked up when called: the bundle may load after this module). */
export function typeLabel(type: EntityType): string {
  switch (type) {
    case 'person':
      return vscode.l10n.t('People');
    case 'organisation':
      return vscode.l10n.t('Organisations');
    case 'place':
      return vscode.l10n.t('Places');
    case 'law':
      return vscode.l10n.t('Laws, resolutions and agreements');
  }
}

/** "N mentions in M articles", singular or plural as English needs (the Arabic is phrased to fit any count). */
export function mentionsIn(mentions: number, articles: number): string {
  const [m, a] = [num(mentions), num(articles)];
  if (mentions === 1) {
    return articles === 1 ? vscode.l10n.t('{0} mention in {1} article', m, a) : vscode.l10n.t('{0} mention in {1} articles', m, a);
  }
  return articles === 1 ? vscode.l10n.t('{0} mentions in {1} article', m, a) : vscode.l10n.t('{0} mentions in {1} articles', m, a);
}

export type EntitySort = 'count' | 'name';
const SORT_STATE_KEY = 'corpusNavigator.entitiesSort';

/** The group of entities of a type found in the text, not in the knowledge base. */
export function discoveredTypeLabel(type: EntityType): string {
  switch (type) {
    case 'person':
      return vscode.l10n.t('Discovered people (not in the knowledge base)');
    case 'organisation':
      return vscode.l10n.t('Discovered organisations (not in the knowledge base)');
    case 'place':
      return vscode.l10n.t('Discovered places (not in the knowledge base)');
    case 'law':
      return vscode.l10n.t('Discovered laws and agreements (not in the knowledge base)');
  }
}

/** How a discovered group's entities were found, for its tooltip. */
function discoveredTypeTooltip(type: EntityType): string {
  return type === 'person'
    ? vscode.l10n.t('Named after a title in the text ("وزير الخارجية الروسي، …"). Add one to your entity file to recognize it everywhere.')
    : type === 'law'
      ? vscode.l10n.t('Named by pattern in the text ("قانون …", "القرار 2254", "اتفاقية …"). Add one to your entity file to recognize it everywhere.')
      : vscode.l10n.t('Named by pattern in the text ("وزارة …", "حزب …", "صحيفة …"). Add one to your entity file to recognize it everywhere.');
}

/** How a discovered entity was found, one sentence (the hover card and the Entities view's tooltip say it). */
export function discoveredNote(e: Entity): string {
  if (e.type !== 'person') return vscode.l10n.t('Found by pattern in the text; not in the knowledge base.');
  return e.roles?.some((r) => r.titleAr)
    ? vscode.l10n.t('Found after a title in the text; not in the knowledge base.')
    : vscode.l10n.t('Found from a given name in the text; not in the knowledge base.');
}

/**
 * One line about an entity: its English name and, for people, the first role; for a discovered entity, the
 * role as the text states it (a person) or its kind (an organisation, a law).
 */
export function entitySubtitle(e: Entity): string {
  const role = e.roles?.[0];
  if (e.discovered) {
    if (e.type !== 'person') return e.kind ? vscode.l10n.t('discovered by pattern: {0}', e.kind) : vscode.l10n.t('discovered by pattern');
    return role?.titleAr ? vscode.l10n.t('discovered: {0}', role.titleAr) : vscode.l10n.t('discovered');
  }
  return [e.nameEn, role?.titleEn].filter(Boolean).join(' — ');
}

/**
 * An entity's tooltip in the Entities view, as markdown with every text escaped (names from the user's file,
 * sentences from articles): name, subtitle, description; for a discovered entity how it was found; and each role
 * stated in an article with its sentence and file. Arabic and Latin on separate lines, each in its own direction.
 */
export function entityTooltip(e: Entity): vscode.MarkdownString {
  const parts = [e.nameAr, entitySubtitle(e), e.descriptionEn ?? e.summaryEn ?? ''].map(escapeMarkdown).filter(Boolean);
  parts[0] = `**${parts[0]}**`;
  if (e.discovered) parts.push(`*${escapeMarkdown(discoveredNote(e))}*`);
  for (const r of e.roles ?? []) {
    if (!r.sentence) continue;
    parts.push('---', escapeMarkdown(r.titleAr ?? r.titleEn ?? ''), `> ${escapeMarkdown(r.sentence)}`);
    if (r.file) parts.push(escapeMarkdown(r.file));
  }
  return new vscode.MarkdownString(parts.join('\n\n'));
}

export class EntitiesTreeProvider implements vscode.TreeDataProvider<EntityNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EntityNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private sort: EntitySort;
  private filterText = '';
  /** How many articles each entity shows (pages opened with "Show more"). */
  private readonly shown = new Map<string, number>();
  /** With a search server set: the archive's counts of the entities listed so far (asked once each). */
  private readonly archive = new Map<string, { articles: number; lines: number } | undefined>();

  constructor(
    private readonly corpus: Corpus,
    private readonly state: vscode.Memento,
    private readonly server?: SearchServer,
  ) {
    this.sort = state.get<EntitySort>(SORT_STATE_KEY) ?? 'count';
    void vscode.commands.executeCommand('setContext', ContextKeys.entitiesSort, this.sort);
    this.disposables.push(
      corpus.onDidChange(() => this.changed.fire(undefined)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (config.affectsRowLength(e)) this.changed.fire(undefined);
      }),
    );
    if (server) {
      this.disposables.push(
        server.onDidChange(() => {
          this.archive.clear();
          this.changed.fire(undefined);
        }),
      );
    }
  }

  /** The archive's counts of an entity, when a search server is set and has answered. */
  archiveCounts(id: string): { articles: number; lines: number } | undefined {
    return this.archive.get(id);
  }

  /** Asks the server, once, for the counts of the listed entities it was not asked about; the view shows them after. */
  private askArchive(ids: readonly string[]): void {
    const server = this.server;
    if (!server?.active) return;
    const missing = ids.filter((id) => !this.archive.has(id));
    if (missing.length === 0) return;
    for (const id of missing) this.archive.set(id, undefined);
    void server.entityCounts(missing).then((counts) => {
      if (!counts) return; // down or slow: the workspace's counts alone
      for (const id of missing) this.archive.set(id, counts.get(id) ?? { articles: 0, lines: 0 });
      this.changed.fire(undefined);
    });
  }

  get sortBy(): EntitySort {
    return this.sort;
  }

  get filter(): string {
    return this.filterText;
  }

  async setSort(sort: EntitySort): Promise<void> {
    this.sort = sort;
    await this.state.update(SORT_STATE_KEY, sort);
    await vscode.commands.executeCommand('setContext', ContextKeys.entitiesSort, sort);
    this.changed.fire(undefined);
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    void vscode.commands.executeCommand('setContext', ContextKeys.entitiesFiltered, this.filterText !== '');
    this.changed.fire(undefined);
  }

  /**
   * Entities of a type as shown: filtered (folded Arabic, or English, substring), then sorted. Known
   * entities, or (`discovered`) those found in the text: people after title cues or from a given name,
   * organisations and laws by pattern.
   */
  entitiesOf(type: EntityType, discovered = false): EntityStats[] {
    const needle = fold(this.filterText);
    let list = this.corpus.entities().list(type).filter((s) => (s.entity.discovered === true) === discovered);
    if (needle) {
      list = list.filter(({ entity: e }) =>
        [e.nameAr, e.nameEn, ...e.aliases, ...(e.roles ?? []).map((r) => r.titleAr ?? '')].some((n) => fold(n).includes(needle)),
      );
    }
    if (this.sort === 'name') list.sort((a, b) => a.entity.nameAr.localeCompare(b.entity.nameAr, 'ar'));
    return list;
  }

  /** Shows the next page of an entity's articles. */
  showMore(id: string): void {
    this.shown.set(id, (this.shown.get(id) ?? ENTITY_PAGE) + ENTITY_PAGE);
    this.changed.fire({ kind: 'entity', id });
  }

  async getChildren(node?: EntityNode): Promise<EntityNode[]> {
    await this.corpus.ready();
    if (!node) {
      // The known types, then what the text names beyond the knowledge base, type by type.
      const known: EntityNode[] = TYPES.filter((type) => this.entitiesOf(type).length > 0).map((type) => ({ kind: 'type', type }));
      const discovered: EntityNode[] = TYPES.filter((type) => this.entitiesOf(type, true).length > 0).map((type) => ({ kind: 'type', type, discovered: true }));
      return [...known, ...discovered];
    }
    if (node.kind === 'type') {
      const ids = this.entitiesOf(node.type, node.discovered).map((s) => s.entity.id);
      this.askArchive(ids);
      return ids.map((id) => ({ kind: 'entity', id }));
    }
    const stats = this.corpus.entities().get(node.id);
    if (!stats) return [];
    if (node.kind === 'entity') {
      const limit = this.shown.get(node.id) ?? ENTITY_PAGE;
      const page: EntityNode[] = stats.articles.slice(0, limit).map((a) => ({ kind: 'article', id: node.id, file: a.entry.file.id }));
      return stats.articles.length > limit ? [...page, { kind: 'more', id: node.id }] : page;
    }
    if (node.kind === 'article') {
      const a = this.corpus.entities().articleIn(node.id, node.file);
      return a ? a.mentions.map((_, index) => ({ kind: 'mention', id: node.id, file: node.file, index })) : [];
    }
    return [];
  }

  getParent(node: EntityNode): EntityNode | undefined {
    switch (node.kind) {
      case 'type':
        return undefined;
      case 'entity': {
        const e = this.corpus.entities().get(node.id)?.entity;
        return e ? { kind: 'type', type: e.type, ...(e.discovered ? { discovered: true } : {}) } : undefined;
      }
      case 'article':
      case 'more':
        return { kind: 'entity', id: node.id };
      case 'mention':
        return { kind: 'article', id: node.id, file: node.file };
    }
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    const index = this.corpus.entities();
    if (node.kind === 'type') {
      const list = this.entitiesOf(node.type, node.discovered);
      const label = node.discovered ? discoveredTypeLabel(node.type) : typeLabel(node.type);
      const item = new vscode.TreeItem(label, node.discovered ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.discovered ? `type:discovered:${node.type}` : `type:${node.type}`;
      item.description = num(list.length);
      item.iconPath = new vscode.ThemeIcon(node.discovered ? 'search' : TYPE_ICONS[node.type]);
      item.contextValue = node.discovered ? 'entityType.discovered' : 'entityType';
      if (node.discovered) item.tooltip = discoveredTypeTooltip(node.type);
      return item;
    }
    const stats = index.get(node.id);
    if (!stats) return new vscode.TreeItem(vscode.l10n.t('(gone)'));
    const e = stats.entity;
    if (node.kind === 'entity') {
      const item = new vscode.TreeItem(e.nameAr, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `entity:${e.id}`;
      const articles = stats.articles.length;
      // Bidi isolates: the counts keep their own direction (left-to-right in English, right-to-left in Arabic)
      // beside the Arabic label, and so does the subtitle.
      const counts = articles === 1 ? vscode.l10n.t('{0} · {1} article', num(stats.count), num(articles)) : vscode.l10n.t('{0} · {1} articles', num(stats.count), num(articles));
      // With a search server: the archive's article count beside the workspace's (before the subtitle, which a
      // narrow view cuts).
      const archived = this.archive.get(e.id);
      const inArchive = archived ? ` · ${isolate(vscode.l10n.t('archive: {0}', num(archived.articles)))}` : '';
      item.description = `${isolate(counts)}${inArchive} · ${isolate(entitySubtitle(e))}`;
      item.accessibilityInformation = { label: vscode.l10n.t('{0}, {1}, {2}', e.nameAr, mentionsIn(stats.count, articles), entitySubtitle(e)) };
      // Escaped, HTML included: names and descriptions from the user's entity file, sentences from articles, show as typed.
      item.tooltip = entityTooltip(e);
      item.iconPath = new vscode.ThemeIcon(TYPE_ICONS[e.type]);
      item.contextValue = e.discovered ? `entity.${e.type}.discovered` : `entity.${e.type}`;
      return item;
    }
    if (node.kind === 'more') {
      const shown = this.shown.get(node.id) ?? ENTITY_PAGE;
      return showMoreItem(`more:${e.id}:${shown}`, stats.articles.length - shown, ENTITY_PAGE, Commands.entitiesShowMore, [node.id]);
    }
    const a = index.articleIn(node.id, node.file);
    if (!a) return new vscode.TreeItem(vscode.l10n.t('(gone)'));
    const uri = fileUri(a.entry.file);
    if (node.kind === 'article') {
      const title = a.entry.article.title.text || a.entry.file.name;
      // The count beside the title, isolated: a bare number after Arabic text joins its run and shows glued to it.
      const mentions = a.mentions.length === 1 ? vscode.l10n.t('{0} mention', num(1)) : vscode.l10n.t('{0} mentions', num(a.mentions.length));
      const item = new vscode.TreeItem(rowLabel(title, mentions, 2), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `entity-article:${e.id}:${a.entry.file.id}`;
      item.description = isolate(mentions);
      item.resourceUri = uri;
      item.iconPath = new vscode.ThemeIcon('file-text');
      item.tooltip = `${title}\n${a.entry.file.name} · ${mentions}`;
      item.accessibilityInformation = { label: `${title}, ${mentions}` };
      item.contextValue = 'entityArticle';
      return item;
    }
    const m = a.mentions[node.index]!;
    const line = vscode.l10n.t('line {0}', num(m.range.line + 1));
    const at = m.snippet.indexOf(m.text);
    const room = rowRoom(3);
    const shown = room === Infinity ? m.snippet : shortenAround(m.snippet, at, at + m.text.length, Math.max(MIN_TITLE, Math.floor(room - roughWidth(line) - 1)));
    const item = new vscode.TreeItem(shown, vscode.TreeItemCollapsibleState.None);
    item.id = `mention:${e.id}:${a.entry.file.id}:${node.index}`;
    item.description = isolate(line);
    item.tooltip = `${m.snippet}\n${vscode.l10n.t('{0} — {1}, line {2}', m.text, a.entry.file.name, num(m.range.line + 1))}`;
    item.accessibilityInformation = { label: `${m.snippet}, ${line}` };
    item.iconPath = new vscode.ThemeIcon('symbol-reference');
    item.contextValue = 'mention';
    item.command = { command: Commands.openLocation, title: vscode.l10n.t('Go to Mention'), arguments: openLocationArgs(uri, m.range) };
    return item;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** `server`: the search server of the setting; when one is set, each entity shows the archive's article count too. */
export function registerEntitiesView(
  context: vscode.ExtensionContext,
  corpus: Corpus,
  server?: SearchServer,
): { provider: EntitiesTreeProvider; view: vscode.TreeView<EntityNode> } {
  const provider = new EntitiesTreeProvider(corpus, context.workspaceState, server);
  const view = vscode.window.createTreeView(Views.entities, { treeDataProvider: provider, showCollapseAll: true });
  const describe = (): void => {
    const n = corpus.entities().byId.size;
    view.description = vscode.l10n.t('{0} named', num(n));
    view.message = provider.filter ? vscode.l10n.t('Filtered by “{0}”', provider.filter) : undefined;
  };
  context.subscriptions.push(
    provider,
    view,
    corpus.onDidChange(describe),
    provider.onDidChangeTreeData(describe),
    vscode.commands.registerCommand(Commands.entitiesSortByCount, () => provider.setSort('count')),
    vscode.commands.registerCommand(Commands.entitiesShowMore, (id: unknown) => {
      if (typeof id === 'string') provider.showMore(id);
    }),
    vscode.commands.registerCommand(Commands.entitiesSortByName, () => provider.setSort('name')),
    vscode.commands.registerCommand(Commands.entitiesFilter, async (text?: unknown) => {
      const value =
        typeof text === 'string'
          ? text
          : await vscode.window.showInputBox({
              title: vscode.l10n.t('Filter Entities'),
              prompt: vscode.l10n.t('Part of a name, in Arabic (any spelling of hamza, ya, ta marbuta) or English'),
              value: provider.filter,
            });
      if (value !== undefined) provider.setFilter(value);
    }),
    vscode.commands.registerCommand(Commands.entitiesClearFilter, () => provider.setFilter('')),
  );
  return { provider, view };
}
