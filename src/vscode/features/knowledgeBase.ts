/**
 * Feeds the corpus its entity recognizer: the built-in knowledge base merged with the user's own
 * entity file (`.corpus/entities.json` in any workspace folder), reloaded live when that file changes.
 */
import * as vscode from 'vscode';
import type { Corpus } from '../../core/corpus/corpus';
import { mergeKnowledgeBases, Recognizer, UserKnowledgeBaseFile } from '../../core/entities/recognizer';
import { builtInEntities } from '../../core/entities/kb';

export const USER_ENTITY_FILE = '.corpus/entities.json';

async function readUserFiles(log: vscode.LogOutputChannel): Promise<UserKnowledgeBaseFile | undefined> {
  const merged: Required<Pick<UserKnowledgeBaseFile, 'people' | 'organisations' | 'places' | 'laws' | 'hide'>> = {
    people: [],
    organisations: [],
    places: [],
    laws: [],
    hide: [],
  };
  let found = false;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, USER_ENTITY_FILE);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      continue; // no entity file in this folder
    }
    try {
      const data = JSON.parse(new TextDecoder().decode(bytes)) as UserKnowledgeBaseFile;
      for (const key of ['people', 'organisations', 'places', 'laws', 'hide'] as const) {
        const list = data[key];
        if (Array.isArray(list)) (merged[key] as unknown[]).push(...list);
      }
      found = true;
    } catch (e) {
      // The log stays in English; the notification is in the display language.
      const file = vscode.workspace.asRelativePath(uri);
      log.warn(`${file}: not valid JSON (${(e as Error).message}); the built-in entities are used without it`);
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Corpus Navigator: {0}: not valid JSON ({1}); the built-in entities are used without it', file, (e as Error).message),
      );
    }
  }
  return found ? merged : undefined;
}

/** The recognizer of the built-in entities, for the corpus's first load. */
export function builtInRecognizer(): Recognizer {
  return new Recognizer(builtInEntities());
}

/**
 * Merges the user's entity files over the built-in entities when there are any, and again whenever
 * one is created, changed or deleted; the corpus then reads its files again.
 */
export function registerKnowledgeBase(context: vscode.ExtensionContext, corpus: Corpus, log: vscode.LogOutputChannel): void {
  const builtIn = builtInEntities();
  // Loads run one after another, and one that a newer change has overtaken is dropped: a slow reload (the file
  // deleted) must not land after a quick one (the file written again) and undo it.
  let generation = 0;
  let queue: Promise<void> = Promise.resolve();
  const load = (initial: boolean): Promise<void> => {
    const mine = ++generation;
    queue = queue
      .then(async () => {
        if (mine !== generation) return;
        const user = await readUserFiles(log);
        if (initial && !user) return; // the corpus already recognizes the built-in entities
        if (mine !== generation) return;
        const { entities, problems } = mergeKnowledgeBases(builtIn, user);
        for (const p of problems) log.warn(`${USER_ENTITY_FILE}: ${p}`);
        await corpus.setRecognizer(new Recognizer(entities));
        log.info(`knowledge base: ${entities.length} entities (${builtIn.length} built in${user ? `, merged with ${USER_ENTITY_FILE}` : ''})`);
      })
      .catch((e: unknown) => log.error(`knowledge base: could not be loaded: ${e instanceof Error ? e.message : String(e)}`));
    return queue;
  };
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${USER_ENTITY_FILE}`);
  // Deleting the whole `.corpus` folder reports the folder only; so may creating it with the file already inside
  // (a checkout, a copy, a script writing both at once), so the folder's creation reloads too.
  const folderWatcher = vscode.workspace.createFileSystemWatcher(`**/${USER_ENTITY_FILE.split('/')[0]}`, false, true, false);
  const reload = (): void => void load(false);
  context.subscriptions.push(
    watcher,
    folderWatcher,
    watcher.onDidCreate(reload),
    watcher.onDidChange(reload),
    watcher.onDidDelete(reload),
    folderWatcher.onDidCreate(reload),
    folderWatcher.onDidDelete(reload),
  );
  void load(true);
}
