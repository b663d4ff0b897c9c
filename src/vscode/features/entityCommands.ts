/**
 * Commands on an entity, from the Entities view's context menu or the palette: show all its mentions,
 * add an alias (to the user's entity file), add a discovered person, organisation or law to the user's entity file.
 * Writes to `.corpus/entities.json` are atomic (a temporary file renamed over it) and keep the previous
 * version as `.corpus/entities.json.bak`. The corpus files themselves are never written.
 */
import * as vscode from 'vscode';
import type { Corpus } from '../../core/corpus/corpus';
import type { Entity } from '../../core/entities/recognizer';
import { escapeIcons } from '../../core/text/markdown';
import { addAlias, addDiscoveredEntity } from '../../core/entities/userEntities';
import { mentionsIn, type EntityNode } from './entitiesView';
import { Commands } from '../workspace/ids';
import { USER_ENTITY_FILE } from './knowledgeBase';
import { openLocationArgs } from './openLocation';
import { fileUri } from '../workspace/workspaceCorpus';

/** The entity a command was invoked on: a tree node, an id, or (from the palette) one the user picks. */
async function entityArg(corpus: Corpus, arg: unknown, title: string, filter: (e: Entity) => boolean = () => true): Promise<Entity | undefined> {
  await corpus.ready();
  const index = corpus.entities();
  const id = typeof arg === 'string' ? arg : (arg as EntityNode | undefined)?.kind === 'entity' ? (arg as { id: string }).id : undefined;
  if (id) return index.get(id)?.entity;
  const pick = await vscode.window.showQuickPick(
    index
      .list()
      .filter((s) => filter(s.entity))
      .map((s) => ({ label: escapeIcons(s.entity.nameAr), description: escapeIcons(`${s.entity.nameEn || s.entity.roles?.[0]?.titleAr || s.entity.kind || ''} · ${s.count}`), entity: s.entity })),
    { title, matchOnDescription: true },
  );
  return pick?.entity;
}

/** The folder whose `.corpus/entities.json` we edit: the first workspace folder. */
function userFileUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder && vscode.Uri.joinPath(folder.uri, USER_ENTITY_FILE);
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** Writes `text` to `uri` atomically, keeping the previous content as `<file>.bak`. */
export async function writeAtomically(uri: vscode.Uri, text: string, previous: string | undefined): Promise<void> {
  const fs = vscode.workspace.fs;
  await fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  if (previous !== undefined) await fs.writeFile(uri.with({ path: `${uri.path}.bak` }), new TextEncoder().encode(previous));
  const tmp = uri.with({ path: `${uri.path}.tmp-${Date.now()}` });
  await fs.writeFile(tmp, new TextEncoder().encode(text));
  await fs.rename(tmp, uri, { overwrite: true });
}

/** Applies an edit to the user's entity file; says what went wrong, naming the file. */
async function editUserFile(edit: (text: string | undefined) => { text: string; changed?: boolean }): Promise<boolean> {
  const uri = userFileUri();
  if (!uri) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Corpus Navigator: open a folder first: the entity file lives in the workspace.'));
    return false;
  }
  const previous = await readText(uri);
  let next: { text: string; changed?: boolean };
  try {
    next = edit(previous);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Corpus Navigator: {0} was left unchanged: {1}', vscode.workspace.asRelativePath(uri), (e as Error).message));
    return false;
  }
  if (next.changed === false) return false;
  await writeAtomically(uri, next.text, previous);
  return true;
}

export function registerEntityCommands(context: vscode.ExtensionContext, corpus: Corpus): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.entitiesShowMentions, async (arg?: unknown) => {
      const entity = await entityArg(corpus, arg, vscode.l10n.t('Show All Mentions of…'));
      const stats = entity && corpus.entities().get(entity.id);
      if (!stats) return;
      const items = stats.articles.flatMap(({ entry, mentions }) =>
        mentions.map((m) => ({
          label: escapeIcons(m.snippet),
          description: escapeIcons(vscode.l10n.t('{0} · line {1}', entry.article.title.text || entry.file.name, m.range.line + 1)),
          uri: fileUri(entry.file),
          range: m.range,
        })),
      );
      const pick = await vscode.window.showQuickPick(items, {
        title: `${entity.nameAr} — ${mentionsIn(stats.count, stats.articles.length)}`,
        matchOnDescription: true,
      });
      if (pick) await vscode.commands.executeCommand(Commands.openLocation, ...openLocationArgs(pick.uri, pick.range));
    }),

    vscode.commands.registerCommand(Commands.entitiesAddAlias, async (arg?: unknown, aliasArg?: unknown) => {
      const entity = await entityArg(corpus, arg, vscode.l10n.t('Add an Alias to…'));
      if (!entity) return;
      const alias =
        typeof aliasArg === 'string'
          ? aliasArg
          : await vscode.window.showInputBox({
              title: vscode.l10n.t('Add an Alias to {0}', entity.nameAr),
              prompt: entity.nameEn
                ? vscode.l10n.t('Another name or spelling of {0} ({1}); saved in {2}', entity.nameAr, entity.nameEn, USER_ENTITY_FILE)
                : vscode.l10n.t('Another name or spelling of {0}; saved in {1}', entity.nameAr, USER_ENTITY_FILE),
              validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Type a name')),
            });
      if (!alias) return;
      if (await editUserFile((text) => addAlias(text, entity, alias))) {
        void vscode.window.setStatusBarMessage(vscode.l10n.t('Corpus Navigator: “{0}” added to {1} in {2}', alias.trim(), entity.nameAr, USER_ENTITY_FILE), 5000);
      }
    }),

    vscode.commands.registerCommand(Commands.entitiesAddToKnowledgeBase, async (arg?: unknown) => {
      const entity = await entityArg(corpus, arg, vscode.l10n.t('Add a Discovered Entity to the Entity File'), (e) => e.discovered === true);
      // Known entities are in the file or the built-in base already.
      if (!entity?.discovered) return;
      let id = '';
      const taken = new Set(corpus.entityRecognizer?.entities.keys() ?? []);
      const added = await editUserFile((text) => {
        const r = addDiscoveredEntity(text, entity, taken);
        id = r.id;
        return { text: r.text, changed: r.text !== text };
      });
      if (added) {
        void vscode.window.setStatusBarMessage(vscode.l10n.t('Corpus Navigator: {0} added to {1} as “{2}”', entity.nameAr, USER_ENTITY_FILE, id), 5000);
      }
    }),
  );
}
