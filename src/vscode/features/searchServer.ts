/**
 * The search server of the `corpusNavigator.searchServer` setting: the quick pick asks it first when it is set, and
 * falls back to the in-process engine (saying why, once per failure) when it is down, slow or misconfigured. Its
 * results name files by their path under the folder `index-to` loaded; they are opened as the corpus file of that
 * name in the workspace.
 */
import * as vscode from 'vscode';
import type { Corpus } from '../../core/corpus/corpus';
import type { SearchResults } from '../../core/search/types';
import type { ArchiveEngine, Platform } from '../platform';
import { config } from '../workspace/config';

/** How long the quick pick waits for the server before answering in-process. */
export const SERVER_TIMEOUT_MS = 3000;

export type ServerAnswer = { results: SearchResults; source: string } | { error: string; source: string };

export class SearchServer implements vscode.Disposable {
  private engine: ArchiveEngine | undefined;
  private problem: string | undefined;
  private warned = false;
  private readonly subscription: vscode.Disposable;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the setting names another server (or none). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly corpus: Corpus,
    private readonly platform: Pick<Platform, 'openArchive'>,
  ) {
    this.configure();
    const reconfigure = (): void => {
      this.configure();
      this.changed.fire();
    };
    this.subscription = vscode.Disposable.from(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (config.affectsSearchServer(e)) reconfigure();
      }),
      // Trusting the workspace lets its own value of the setting count.
      vscode.workspace.onDidGrantWorkspaceTrust(reconfigure),
    );
  }

  /** Whether a server is set (the quick pick asks it first). */
  get active(): boolean {
    return config.searchServer() !== '';
  }

  /** The server's address as the setting's engine gives it ("host:port/index"). */
  get source(): string {
    return this.engine?.source ?? config.searchServer();
  }

  private configure(): void {
    void this.engine?.close();
    this.engine = undefined;
    this.problem = undefined;
    this.warned = false;
    const server = config.searchServer();
    if (!server) return;
    if (!this.platform.openArchive) {
      this.problem = vscode.l10n.t('a search server cannot be reached from VS Code for the Web');
      return;
    }
    const opened = this.platform.openArchive(server, SERVER_TIMEOUT_MS);
    if ('error' in opened) this.problem = opened.error;
    else this.engine = opened;
  }

  /** The server's answer, with result files as the workspace's corpus files; or why there is none. */
  async search(query: string): Promise<ServerAnswer> {
    const source = this.source;
    if (!this.engine) return this.failed(source, this.problem ?? vscode.l10n.t('no server set'));
    const engine = this.engine;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(vscode.l10n.t('{0}: no answer within {1} ms', engine.source, SERVER_TIMEOUT_MS))), SERVER_TIMEOUT_MS);
    });
    try {
      const results = await Promise.race([engine.search(query), late]);
      this.warned = false;
      const idOf = this.fileIds();
      for (const r of [...results.entities, ...results.articles, ...results.passages]) r.file = idOf(r.file);
      return { results, source };
    } catch (e) {
      return this.failed(source, e instanceof Error ? e.message : String(e));
    } finally {
      clearTimeout(timer);
    }
  }

  /** How many articles and paragraphs of the archive name each entity; undefined when the server does not answer. */
  async entityCounts(ids: readonly string[]): Promise<Map<string, { articles: number; lines: number }> | undefined> {
    const engine = this.engine;
    if (!engine || ids.length === 0) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), SERVER_TIMEOUT_MS)));
    try {
      return await Promise.race([engine.entityCounts(ids), late]);
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private failed(source: string, error: string): ServerAnswer {
    if (!this.warned) {
      this.warned = true;
      void vscode.window.showWarningMessage(vscode.l10n.t('Search server {0} did not answer ({1}): searching this workspace instead.', source, error));
    }
    return { error, source };
  }

  /** A path under the loaded folder → the corpus file's id (a URI) of that name, else a URI under the first corpus folder. */
  private fileIds(): (path: string) => string {
    const byName = new Map(this.corpus.all().map((e) => [e.file.name, e.file.id]));
    const folder = vscode.workspace.workspaceFolders?.[0];
    const root = folder ? vscode.Uri.joinPath(folder.uri, config.corpusFolders()[0]!) : undefined;
    return (path) => byName.get(path) ?? (root ? vscode.Uri.joinPath(root, ...path.split('/')).toString() : path);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    void this.engine?.close();
    this.engine = undefined;
  }
}
