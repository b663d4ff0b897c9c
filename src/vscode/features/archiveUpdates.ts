/**
 * Live updates of a shared archive (the `corpusNavigator.searchServerUpdates` setting, with `searchServer` set): the
 * corpus files this window's watcher sees created, changed or deleted go to the archive's agents, written as
 * `index-to` writes them (src/node/archive/updates.ts, off this thread's critical path: coalesced, batched, awaited).
 * The user's files are only read. A failure is shown once per outage, naming the server; the files wait and are sent
 * when it answers again. When the window closes (`close`, from the extension's `deactivate`), what still waits is
 * sent at once, for at most `CLOSE_FLUSH_MS`.
 */
import * as vscode from 'vscode';
import type { Corpus, CorpusFile } from '../../core/corpus/corpus';
import type { ArchiveWriter, Platform } from '../platform';
import { config } from '../workspace/config';
import { readCorpusText, type SeenChanges, toFile } from '../workspace/workspaceCorpus';

/** How long the window's closing waits for the files still waiting to be sent. */
export const CLOSE_FLUSH_MS = 4000;

export class ArchiveUpdates implements vscode.Disposable {
  private writer: ArchiveWriter | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly corpus: Corpus,
    onDidSeeChanges: vscode.Event<SeenChanges>,
    private readonly platform: Pick<Platform, 'openArchiveWriter'>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.configure();
    this.subscription = vscode.Disposable.from(
      onDidSeeChanges((batch) => this.send(batch)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (config.affectsSearchServerUpdates(e)) this.configure();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.configure()),
    );
  }

  /** The agents written to, or undefined when updates are off. */
  get target(): string | undefined {
    return this.writer?.source;
  }

  private configure(): void {
    const old = this.writer;
    this.writer = undefined;
    if (old) void old.close().then(() => old.waiting > 0 && this.log.warn(`archive updates to ${old.source}: ${old.waiting} files not sent (settings changed)`));
    const agents = config.searchServerUpdates();
    if (!agents) return;
    if (!this.platform.openArchiveWriter) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Archive updates ({0}) cannot be sent from VS Code for the Web.', agents));
      return;
    }
    const opened = this.platform.openArchiveWriter(agents, {
      recognizer: () => this.corpus.entityRecognizer,
      onFailure: (error, pending, first) => {
        this.log.warn(`archive updates: ${error.message} (${pending} files wait)`);
        if (first) void vscode.window.showWarningMessage(vscode.l10n.t('Archive updates failed: {0}. {1} changed files wait and will be sent when the server answers.', error.message, pending));
      },
      onRecovery: () => this.log.info(`archive updates to ${agents}: the server answers again, sending the files that waited`),
      onBatch: (r) => this.log.info(`archive updates to ${agents}: ${r.written} files written (${r.replaced} replaced), ${r.unchanged} unchanged, ${r.deleted} deleted`),
    });
    if ('error' in opened) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Setting corpusNavigator.searchServerUpdates: {0}', opened.error));
      return;
    }
    this.writer = opened;
    this.log.info(`archive updates: files seen changing go to ${opened.source}`);
  }

  private send(batch: SeenChanges): void {
    const writer = this.writer;
    if (!writer) return;
    if (batch.removed.length > 0) writer.removed(this.removedNames(batch.removed));
    if (batch.changed.length > 0) {
      // Read when the batch is written, not now: a burst is read once, after it stops. Never written to.
      writer.changed(batch.changed.map((file: CorpusFile) => ({ name: file.name, read: () => readCorpusText(file).catch(() => undefined) })));
    }
  }

  /** The names of the corpus files under removed ids (a file, or a folder and every file the corpus has in it). */
  private removedNames(ids: readonly string[]): string[] {
    const names = new Set<string>();
    const prefixes: string[] = [];
    for (const id of ids) {
      const entry = this.corpus.get(id);
      if (entry) names.add(entry.file.name);
      else {
        const file = toFile(vscode.Uri.parse(id));
        if (file && file.name.toLowerCase().endsWith('.txt')) names.add(file.name);
        prefixes.push(id.endsWith('/') ? id : id + '/');
      }
    }
    if (prefixes.length > 0) {
      for (const e of this.corpus.all()) if (prefixes.some((p) => e.file.id.startsWith(p))) names.add(e.file.name);
    }
    return [...names];
  }

  /** Stops listening, and sends what still waits (for at most `CLOSE_FLUSH_MS`); says what could not be sent. */
  async close(): Promise<void> {
    this.subscription.dispose();
    const writer = this.writer;
    this.writer = undefined;
    if (!writer) return;
    await writer.close(CLOSE_FLUSH_MS);
    if (writer.waiting > 0) this.log.warn(`archive updates to ${writer.source}: ${writer.waiting} files not sent (the window closed); re-run index-to`);
  }

  dispose(): void {
    void this.close();
  }
}
