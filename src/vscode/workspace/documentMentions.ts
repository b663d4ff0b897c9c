/**
 * Entity mentions of an open document, shared by hovers (and later definitions, references and
 * highlights): a saved corpus file reuses the corpus's own recognition; any other document, or an
 * edited one, is recognized once per version.
 */
import * as vscode from 'vscode';
import type { Corpus } from '../../core/corpus/corpus';
import type { Mention } from '../../core/entities/recognizer';
import { partitionPoint } from '../../core/text/ranges';
import { stopIfCancelled } from './cancellation';

const MAX_CACHED = 32;

export class DocumentMentions implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; mentions: Mention[] }>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly corpus: Corpus) {
    this.subscription = vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString()));
  }

  /** The mentions of `document`; with a token, stops (`CancellationError`) when it is cancelled while the corpus is read. */
  async of(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<Mention[]> {
    await this.corpus.ready();
    stopIfCancelled(token);
    const key = document.uri.toString();
    const entry = this.corpus.get(key);
    if (entry && !document.isDirty) return entry.mentions;
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached.mentions;
    const recognizer = this.corpus.entityRecognizer;
    const mentions = recognizer ? recognizer.recognize(document.getText()) : [];
    this.cache.delete(key);
    this.cache.set(key, { version: document.version, mentions });
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    return mentions;
  }

  /** The mention under a position, if any. */
  async at(document: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken): Promise<Mention | undefined> {
    const offset = document.offsetAt(position);
    // Mentions are in text order and do not overlap: a binary search for the first ending after the offset.
    const ms = await this.of(document, token);
    const m = ms[partitionPoint(0, ms.length, (i) => ms[i]!.end <= offset)];
    return m && m.start <= offset ? m : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.cache.clear();
  }
}
