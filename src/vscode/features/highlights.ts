/**
 * Entity mentions highlighted in the editor, one theme colour per entity type (contributed in
 * package.json, so themes can override them), in corpus files and the workspace's other plaintext
 * and markdown files. Turned off with `corpusNavigator.highlightEntities`; follows the setting,
 * visible editors, edits and corpus changes live.
 */
import * as vscode from 'vscode';
import type { Corpus } from '../../core/corpus/corpus';
import type { EntityType } from '../../core/entities/recognizer';
import { config } from '../workspace/config';
import type { DocumentMentions } from '../workspace/documentMentions';
import { Colors, Languages } from '../workspace/ids';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organisation', 'place', 'law'];

/** Languages whose editors get highlights (as for hovers). */
const LANGUAGES = new Set<string>([Languages.article, 'plaintext', 'markdown']);

/** Wait after the last keystroke before recognizing an edited document again. */
const EDIT_DELAY_MS = 300;

export type RangesByType = Record<EntityType, vscode.Range[]>;

const emptyRanges = (): RangesByType => ({ person: [], organisation: [], place: [], law: [] });

export class EntityHighlights implements vscode.Disposable {
  private readonly decorations: Record<EntityType, vscode.TextEditorDecorationType>;
  /** What each editor shows now, per entity type (read by the tests through the API). */
  private readonly applied = new WeakMap<vscode.TextEditor, RangesByType>();
  /** The latest refresh of each editor: an older one still running must not overwrite it. */
  private readonly generation = new WeakMap<vscode.TextEditor, number>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<() => void>();

  constructor(
    corpus: Corpus,
    private readonly mentions: DocumentMentions,
  ) {
    const make = (type: EntityType): vscode.TextEditorDecorationType => {
      const color = new vscode.ThemeColor(Colors[type]);
      return vscode.window.createTextEditorDecorationType({
        backgroundColor: color,
        overviewRulerColor: color,
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        borderRadius: '3px',
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      });
    };
    this.decorations = { person: make('person'), organisation: make('organisation'), place: make('place'), law: make('law') };
    this.subscriptions.push(
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => void this.refresh(e))),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e.document)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (config.affectsHighlightEntities(e)) this.refreshAll();
      }),
      corpus.onDidChange(() => this.refreshAll()),
    );
    this.refreshAll();
  }

  /** The ranges highlighted in `editor` now, per entity type (empty when off or not a text we read). */
  rangesOf(editor: vscode.TextEditor): RangesByType {
    return this.applied.get(editor) ?? emptyRanges();
  }

  /** Called after any editor's highlights were (re)applied. */
  onDidApply(listener: () => void): vscode.Disposable {
    this.listeners.add(listener);
    return new vscode.Disposable(() => this.listeners.delete(listener));
  }

  refreshAll(): void {
    for (const editor of vscode.window.visibleTextEditors) void this.refresh(editor);
  }

  async refresh(editor: vscode.TextEditor): Promise<void> {
    const gen = (this.generation.get(editor) ?? 0) + 1;
    this.generation.set(editor, gen);
    const document = editor.document;
    const ranges = emptyRanges();
    if (config.highlightEntities() && LANGUAGES.has(document.languageId) && document.uri.scheme !== 'output') {
      const version = document.version;
      const mentions = await this.mentions.of(document);
      if (this.generation.get(editor) !== gen || document.version !== version) return; // superseded
      for (const m of mentions) ranges[m.type].push(new vscode.Range(document.positionAt(m.start), document.positionAt(m.end)));
    }
    if (this.generation.get(editor) !== gen) return;
    for (const type of ENTITY_TYPES) editor.setDecorations(this.decorations[type], ranges[type]);
    this.applied.set(editor, ranges);
    for (const l of [...this.listeners]) l();
  }

  private onEdit(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document === document);
    if (editors.length === 0) return;
    clearTimeout(this.pendingEdits.get(key));
    this.pendingEdits.set(
      key,
      setTimeout(() => {
        this.pendingEdits.delete(key);
        for (const e of vscode.window.visibleTextEditors) if (e.document === document) void this.refresh(e);
      }, EDIT_DELAY_MS),
    );
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.pendingEdits.forEach((t) => clearTimeout(t));
    this.pendingEdits.clear();
    this.listeners.clear();
    for (const type of ENTITY_TYPES) this.decorations[type].dispose();
  }
}

export function registerHighlights(context: vscode.ExtensionContext, corpus: Corpus, mentions: DocumentMentions): EntityHighlights {
  const highlights = new EntityHighlights(corpus, mentions);
  context.subscriptions.push(highlights);
  return highlights;
}
