/**
 * Composition root: creates the corpus, starts indexing without waiting for it, and registers each
 * feature. Providers await the corpus themselves. Every disposable is owned by `context`.
 */
import * as vscode from 'vscode';
import type { Corpus } from '../core/corpus';
import { ArticleNode, ArticlesTreeProvider, registerArticlesView } from './articlesTree';
import { registerCorpusCommands } from './corpusCommands';
import { EntitiesTreeProvider, EntityNode, registerEntitiesView } from './entitiesView';
import { builtInRecognizer, registerKnowledgeBase } from './knowledgeBase';
import { DocumentMentions } from './documentMentions';
import { registerHover } from './hover';
import { registerOpenLocation } from './openLocation';
import { createWorkspaceCorpus } from './workspaceCorpus';

/** What `activate` returns: used by the integration tests to read the real providers. */
export interface CorpusNavigatorApi {
  corpus: Corpus;
  articles: ArticlesTreeProvider;
  articlesView: vscode.TreeView<ArticleNode>;
  entities: EntitiesTreeProvider;
  entitiesView: vscode.TreeView<EntityNode>;
}

export function activate(context: vscode.ExtensionContext): CorpusNavigatorApi {
  const log = vscode.window.createOutputChannel('Corpus Navigator', { log: true });
  const { corpus, disposable } = createWorkspaceCorpus(builtInRecognizer());
  context.subscriptions.push(log, disposable);

  registerOpenLocation(context);
  registerCorpusCommands(context, corpus);
  const { provider: articles, view: articlesView } = registerArticlesView(context, corpus);
  const { provider: entities, view: entitiesView } = registerEntitiesView(context, corpus);
  registerKnowledgeBase(context, corpus, log);
  const mentions = new DocumentMentions(corpus);
  context.subscriptions.push(mentions);
  registerHover(context, corpus, mentions);

  // Say once, in the log, why each bad file was skipped (the Articles view shows a summary).
  const reported = new Set<string>();
  context.subscriptions.push(
    corpus.onDidChange(() => {
      for (const p of corpus.problems()) {
        const key = `${p.file.id}\n${p.message}`;
        if (!reported.has(key)) log.warn(`skipped ${p.file.name}: ${p.message}`);
        reported.add(key);
      }
    }),
  );
  const started = Date.now();
  corpus.ready().then(
    () => log.info(`indexed ${corpus.size} articles in ${Date.now() - started} ms`),
    (e: unknown) => log.error(`indexing failed: ${e instanceof Error ? e.message : String(e)}`),
  );
  return { corpus, articles, articlesView, entities, entitiesView };
}

export function deactivate(): void {}
