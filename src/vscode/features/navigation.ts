/**
 * Go to Definition, Find All References and Document Highlights on entity names; the Outline of each
 * article; workspace symbols (Ctrl+T) for entities and articles. In corpus files and in the other
 * plaintext and markdown files of the workspace (like the hover). The data comes from the pure
 * `core/symbols.ts`; this file only converts to VS Code's types.
 *
 * Definition: the entity's entry in the user's `.corpus/entities.json` when that file names it, else
 * its first full-name mention in the earliest-dated article (see `definitionMention`).
 */
import * as vscode from 'vscode';
import { parseArticle } from '../../core/article/article';
import type { Corpus } from '../../core/corpus/corpus';
import type { EntityType, Mention } from '../../core/entities/recognizer';
import type { EntityIndex } from '../../core/corpus/entityIndex';
import { articleOutline, definitionMention, OutlineSymbol, userEntityIdSpan, workspaceSymbols, WorkspaceSymbolSources } from '../../core/corpus/symbols';
import { stopIfCancelled } from '../workspace/cancellation';
import type { DocumentMentions } from '../workspace/documentMentions';
import { Languages } from '../workspace/ids';
import { USER_ENTITY_FILE } from './knowledgeBase';
import { toVscodeRange } from './openLocation';
import { fileUri } from '../workspace/workspaceCorpus';

/** Where names are recognized: corpus articles and the workspace's other plaintext and markdown files. */
export const TEXT_SELECTOR: vscode.DocumentSelector = [{ language: Languages.article }, { language: 'plaintext' }, { language: 'markdown' }];

/** Symbol kinds with distinct icons in the Outline and Ctrl+T (Object, Module, Package and Namespace all show "{}"). */
const ENTITY_SYMBOL_KIND: Record<EntityType, vscode.SymbolKind> = {
  person: vscode.SymbolKind.Variable,
  organisation: vscode.SymbolKind.Class,
  place: vscode.SymbolKind.Struct,
  law: vscode.SymbolKind.Constant,
};

function mentionRange(document: vscode.TextDocument, m: Mention): vscode.Range {
  return new vscode.Range(document.positionAt(m.start), document.positionAt(m.end));
}

function toDocumentSymbol(s: OutlineSymbol): vscode.DocumentSymbol {
  const kind =
    s.kind === 'article' ? vscode.SymbolKind.File : s.kind === 'heading' ? vscode.SymbolKind.String : ENTITY_SYMBOL_KIND[s.entityType ?? 'person'];
  const symbol = new vscode.DocumentSymbol(s.name, s.detail, kind, toVscodeRange(s.range), toVscodeRange(s.selectionRange));
  symbol.children = s.children.map(toDocumentSymbol);
  return symbol;
}

export class Navigation {
  /** Definitions per entity index (rebuilt only when the corpus changes). */
  private sourcesCache: { index: EntityIndex; version: number; sources: WorkspaceSymbolSources } | undefined;

  constructor(
    private readonly corpus: Corpus,
    private readonly mentions: DocumentMentions,
  ) {}

  /** The entry of `id` in a user entity file, if one defines it. */
  async userDefinition(id: string, token?: vscode.CancellationToken): Promise<vscode.Location | undefined> {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, USER_ENTITY_FILE);
      let document: vscode.TextDocument;
      try {
        await vscode.workspace.fs.stat(uri);
        document = await vscode.workspace.openTextDocument(uri);
      } catch {
        continue; // no entity file in this folder
      }
      stopIfCancelled(token);
      const span = userEntityIdSpan(document.getText(), id);
      if (span) return new vscode.Location(uri, new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)));
    }
    return undefined;
  }

  async definition(document: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken): Promise<vscode.LocationLink[] | undefined> {
    const m = await this.mentions.at(document, position, token);
    if (!m) return undefined;
    const origin = mentionRange(document, m);
    const user = await this.userDefinition(m.entity, token);
    stopIfCancelled(token);
    if (user) return [{ originSelectionRange: origin, targetUri: user.uri, targetRange: user.range }];
    const stats = this.corpus.entities().get(m.entity);
    const d = stats && definitionMention(stats);
    if (!d) return undefined;
    const target = toVscodeRange(d.mention.range);
    return [{ originSelectionRange: origin, targetUri: fileUri(d.entry.file), targetRange: target, targetSelectionRange: target }];
  }

  /**
   * Every mention of `entity` corpus-wide (all spellings), plus those in `document` when it is not a
   * corpus file. Corpus files with unsaved changes are read from their editors.
   */
  async references(entity: string, document?: vscode.TextDocument, token?: vscode.CancellationToken): Promise<vscode.Location[]> {
    await this.corpus.ready();
    stopIfCancelled(token);
    const live = vscode.workspace.textDocuments.filter((d) => d.isDirty && this.corpus.get(d.uri.toString()));
    const liveIds = new Set(live.map((d) => d.uri.toString()));
    const out: vscode.Location[] = [];
    for (const a of this.corpus.entities().get(entity)?.articles ?? []) {
      if (liveIds.has(a.entry.file.id)) continue;
      const uri = fileUri(a.entry.file);
      for (const m of a.mentions) out.push(new vscode.Location(uri, toVscodeRange(m.range)));
    }
    if (document && !this.corpus.get(document.uri.toString())) live.push(document);
    for (const d of live) {
      for (const m of await this.mentions.of(d, token)) if (m.entity === entity) out.push(new vscode.Location(d.uri, mentionRange(d, m)));
    }
    return out;
  }

  async outline(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<vscode.DocumentSymbol[] | undefined> {
    await this.corpus.ready();
    stopIfCancelled(token);
    const entry = this.corpus.get(document.uri.toString());
    if (!entry) return undefined; // markdown has its own outline; other plaintext is not an article
    const text = document.getText();
    const article = document.isDirty ? parseArticle(entry.file.name, text) : entry.article;
    const mentions = await this.mentions.of(document, token);
    return articleOutline(article, text, mentions, this.corpus.entityRecognizer?.entities ?? new Map()).map(toDocumentSymbol);
  }

  private sources(): WorkspaceSymbolSources {
    const index = this.corpus.entities();
    // The index is kept current in place: its version says when it changed.
    if (this.sourcesCache?.index !== index || this.sourcesCache.version !== index.version) {
      const entities = [];
      for (const stats of index.list()) {
        const d = definitionMention(stats);
        if (d) entities.push({ stats, file: d.entry.file.id, range: d.mention.range });
      }
      this.sourcesCache = { index, version: index.version, sources: { entities, articles: this.corpus.all() } };
    }
    return this.sourcesCache.sources;
  }

  async workspaceSymbols(query: string, token?: vscode.CancellationToken): Promise<vscode.SymbolInformation[]> {
    await this.corpus.ready();
    stopIfCancelled(token);
    return workspaceSymbols(query, this.sources()).map((s) => {
      const kind = s.kind === 'article' ? vscode.SymbolKind.File : ENTITY_SYMBOL_KIND[s.entityType ?? 'person'];
      return new vscode.SymbolInformation(s.name, kind, s.containerName, new vscode.Location(vscode.Uri.parse(s.file), toVscodeRange(s.range)));
    });
  }

  async highlights(document: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken): Promise<vscode.DocumentHighlight[] | undefined> {
    const m = await this.mentions.at(document, position, token);
    if (!m) return undefined;
    return (await this.mentions.of(document, token))
      .filter((x) => x.entity === m.entity)
      .map((x) => new vscode.DocumentHighlight(mentionRange(document, x), vscode.DocumentHighlightKind.Read));
  }
}

export function registerNavigation(context: vscode.ExtensionContext, corpus: Corpus, mentions: DocumentMentions): Navigation {
  const nav = new Navigation(corpus, mentions);
  context.subscriptions.push(
    vscode.languages.registerDefinitionProvider(TEXT_SELECTOR, {
      provideDefinition: (document, position, token) => nav.definition(document, position, token),
    }),
    vscode.languages.registerReferenceProvider(TEXT_SELECTOR, {
      async provideReferences(document, position, ctx, token) {
        const m = await mentions.at(document, position, token);
        if (!m) return undefined;
        const refs = await nav.references(m.entity, document, token);
        if (ctx.includeDeclaration) {
          const user = await nav.userDefinition(m.entity, token);
          if (user) refs.unshift(user);
        }
        return refs;
      },
    }),
    vscode.languages.registerDocumentHighlightProvider(TEXT_SELECTOR, {
      provideDocumentHighlights: (document, position, token) => nav.highlights(document, position, token),
    }),
    vscode.languages.registerDocumentSymbolProvider([{ language: Languages.article }, { language: 'plaintext' }], { provideDocumentSymbols: (document, token) => nav.outline(document, token) }, { label: 'Corpus Navigator' }),
    vscode.languages.registerWorkspaceSymbolProvider({ provideWorkspaceSymbols: (query, token) => nav.workspaceSymbols(query, token) }),
  );
  return nav;
}
