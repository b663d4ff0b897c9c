/**
 * The activation both composition roots share (extension.node.ts, extension.web.ts, which give what their host
 * differs in as a `Platform`): creates the corpus, starts indexing without waiting for it, and registers each
 * feature. Providers await the corpus themselves. Every disposable is owned by `context`.
 */
import * as vscode from 'vscode';
import type { Corpus } from '../core/corpus/corpus';
import { ArticleNode, ArticlesTreeProvider, registerArticlesView } from './features/articlesTree';
import { registerCorpusCommands } from './features/corpusCommands';
import { EntitiesTreeProvider, EntityNode, registerEntitiesView } from './features/entitiesView';
import { registerEntityCommands } from './features/entityCommands';
import { builtInRecognizer, registerKnowledgeBase } from './features/knowledgeBase';
import { DocumentMentions } from './workspace/documentMentions';
import { EntityHighlights, registerHighlights } from './features/highlights';
import { registerHover } from './features/hover';
import { registerArticleLanguage } from './features/language';
import { Navigation, registerNavigation } from './features/navigation';
import { registerOpenLocation } from './features/openLocation';
import { ConcordanceApi, registerConcordance } from './features/concordance';
import { registerSearch, SearchApi } from './features/search';
import { SearchServer } from './features/searchServer';
import { ArchiveUpdates } from './features/archiveUpdates';
import { registerSummaryPanel, SummaryPanel } from './features/summaryPanel';
import { registerStatusBar } from './features/statusBar';
import { createWorkspaceCorpus } from './workspace/workspaceCorpus';
import { EntryCacheStore } from './workspace/cache';
import type { Platform } from './platform';
import { registerIndexingProgress } from './features/indexingProgress';

/** What `activate` returns: used by the integration tests to read the real providers. */
export interface CorpusNavigatorApi {
  corpus: Corpus;
  articles: ArticlesTreeProvider;
  articlesView: vscode.TreeView<ArticleNode>;
  entities: EntitiesTreeProvider;
  entitiesView: vscode.TreeView<EntityNode>;
  /** Entity highlights of the visible editors (ranges per type). */
  highlights: EntityHighlights;
  /** The search quick pick and its index. */
  search: SearchApi;
  /** The concordance panels. */
  concordance: ConcordanceApi;
  /** The Summary panel (its last rendered view, model and HTML). */
  summary: SummaryPanel;
  /** The status bar item (articles · entities · indexing state). */
  status: vscode.StatusBarItem;
  /** The entry cache in the extension's storage. */
  cache: EntryCacheStore;
  /** Definitions, references, highlights and symbols (what the providers answer, with their cancellation). */
  navigation: Navigation;
  /** The live updates of the archive (the searchServerUpdates setting). */
  archiveUpdates: ArchiveUpdates;
}

/** What `deactivate` waits for: the archive updates still waiting, sent (bounded: see ArchiveUpdates.close). */
let closing: (() => Promise<void>) | undefined;

/** The extension's `deactivate`: VS Code waits for the promise before it disposes the rest. */
export function deactivateCorpusNavigator(): Promise<void> | undefined {
  const close = closing;
  closing = undefined;
  return close?.();
}

export function activateCorpusNavigator(context: vscode.ExtensionContext, platform: Platform): CorpusNavigatorApi {
  const log = vscode.window.createOutputChannel('Corpus Navigator', { log: true });
  // Files are parsed in worker threads (in this thread on the web); unchanged ones come from the entry cache.
  const parser = platform.createEntryParser(context, log);
  const cache = new EntryCacheStore(context, log, platform.cacheFiles);
  const { corpus, onDidSeeChanges, disposable } = createWorkspaceCorpus(builtInRecognizer(), { parser, loadCache: (knowledge) => cache.load(knowledge) });
  context.subscriptions.push(log, disposable, parser, cache.follow(corpus));

  registerOpenLocation(context);
  registerCorpusCommands(context, corpus);
  const { provider: articles, view: articlesView } = registerArticlesView(context, corpus);
  // A search server (the searchServer setting), asked by the quick pick, the Entities view and hovers when set.
  const server = new SearchServer(corpus, platform);
  // Files seen changing go to the archive's agents too, when the user opted in (the searchServerUpdates setting).
  const archiveUpdates = new ArchiveUpdates(corpus, onDidSeeChanges, platform, log);
  context.subscriptions.push(server, archiveUpdates);
  closing = () => archiveUpdates.close();
  const { provider: entities, view: entitiesView } = registerEntitiesView(context, corpus, server);
  registerEntityCommands(context, corpus);
  registerKnowledgeBase(context, corpus, log);
  const mentions = new DocumentMentions(corpus);
  context.subscriptions.push(mentions);
  registerHover(context, corpus, mentions, server);
  const navigation = registerNavigation(context, corpus, mentions);
  const highlights = registerHighlights(context, corpus, mentions);
  registerArticleLanguage(context);
  // The search index starts from its snapshot when the corpus has not changed since it was written.
  // On disk, the texts shown in results are read when shown rather than all kept in memory.
  const search = registerSearch(context, corpus, { loadSnapshot: () => cache.loadSearchSnapshot(), readTextSync: platform.syncTextReader() }, server);
  // Written with the entries once the corpus is idle: the index is brought up to date first (files read in batches).
  cache.writeSearchSnapshot(async (pause) => {
    await search.search.ready();
    return search.search.snapshotInSlices(true, pause);
  });
  const concordance = registerConcordance(context, search.search);
  const summary = registerSummaryPanel(context, corpus);
  const status = registerStatusBar(context, corpus);
  registerIndexingProgress(context, corpus);

  // Say once, in the log, why each bad file was skipped (the Articles view lists them under "Skipped files"),
  // and how a file not in UTF-8 was read.
  const reported = new Set<string>();
  context.subscriptions.push(
    corpus.onDidChange(() => {
      for (const p of corpus.problems()) {
        const key = `${p.file.id}\n${p.message}`;
        if (!reported.has(key)) log.warn(`skipped ${p.file.name}: ${p.message}`);
        reported.add(key);
      }
      for (const e of corpus.noticed()) {
        const key = e.notice && `${e.file.id}\n${e.notice}`;
        if (key && !reported.has(key)) log.info(`${e.file.name}: ${e.notice}`);
        if (key) reported.add(key);
      }
    }),
  );
  const started = Date.now();
  corpus.ready().then(
    () => log.info(`indexed ${corpus.size} articles in ${Date.now() - started} ms`),
    (e: unknown) => log.error(`indexing failed: ${e instanceof Error ? e.message : String(e)}`),
  );
  return { corpus, articles, articlesView, entities, entitiesView, highlights, summary, search, concordance, status, cache, navigation, archiveUpdates };
}

