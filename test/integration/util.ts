/** Helpers for the integration tests (they run inside VS Code's extension host). */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as vscode from 'vscode';
import type { CorpusNavigatorApi } from '../../src/vscode/activate';
import { roughWidth } from '../../src/core/text/shorten';

export const EXTENSION_ID = 'corpus-navigator.corpus-navigator';

/** The extension's API (what `activate` returns), once the corpus is read. */
export async function api(): Promise<CorpusNavigatorApi> {
  const ext = vscode.extensions.getExtension<CorpusNavigatorApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  const exports = ext.isActive ? ext.exports : await ext.activate();
  await exports.corpus.ready();
  return exports;
}

/**
 * Asks the real-VS-Code harness (`scripts/vscode-test.mjs`, which passes CORPUS_NAV_SCREENSHOT_URL) for what the
 * workbench shows: GET /<endpoint>?<query>, the reply's `field`. Resolves to undefined elsewhere (test-electron), and
 * to undefined when an `optional` field is absent; rejects, naming `what`, when the harness could not answer.
 */
function askHarness<T>(endpoint: string, query: Record<string, string>, field: string, what: string, timeoutMs: number, optional = false): Promise<T | undefined> {
  const base = process.env.CORPUS_NAV_SCREENSHOT_URL;
  if (!base) return Promise.resolve(undefined);
  const params = Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  const url = `${base.replace(/\/screenshot$/, `/${endpoint}`)}${params ? `?${params}` : ''}`;
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        try {
          const reply = JSON.parse(body) as Record<string, unknown> & { error?: string };
          if (res.statusCode === 200 && (optional || reply[field] !== undefined)) resolve(reply[field] as T | undefined);
          else reject(new Error(`${what} failed: ${reply.error ?? `HTTP ${res.statusCode}`}`));
        } catch {
          reject(new Error(`${what} failed: HTTP ${res.statusCode} ${body.slice(0, 200)}`));
        }
      });
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${what} timed out`)));
    req.on('error', reject);
  });
}

/**
 * Saves a screenshot of the whole VS Code window as test-results/<name>.png and returns its path.
 * Only the real-VS-Code harness can; elsewhere (test-electron) this resolves to undefined. Rejects when the harness
 * could not take it.
 */
export function screenshot(name: string): Promise<string | undefined> {
  return askHarness<string>('screenshot', { name }, 'path', `screenshot '${name}'`, 45_000);
}

/** Shows the hover card at `position` as a user would (the cursor there, its line in view) and screenshots it. */
export async function screenshotHover(editor: vscode.TextEditor, position: vscode.Position, name: string): Promise<void> {
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('editor.action.showHover');
  await new Promise((r) => setTimeout(r, 1500));
  await screenshot(name);
}

/** Scrolls the summary panel to a section (its heading's id), lets it settle `ms`, and screenshots it. */
export async function screenshotSection(summary: { reveal(id: string): Promise<void> }, id: string, name: string, ms = 800): Promise<void> {
  await summary.reveal(id);
  await new Promise((r) => setTimeout(r, ms));
  await screenshot(name);
}

/** An element of the workbench as rendered: its text as shown, and whether that text is cut (wider than its box). */
export interface Rendered {
  text: string;
  clipped: boolean;
  width: number;
  /** Where the element is drawn, in pixels from the window's left. */
  box: { left: number; right: number };
  /** For an icon label (a tree row, a quick pick item): where its name and its description are drawn, in pixels. */
  name?: { left: number; right: number };
  description?: { left: number; right: number };
}

/**
 * The workbench elements matching a CSS selector, as the user sees them (the harness reads the page). Like
 * `screenshot`, only the real-VS-Code harness can: elsewhere (test-electron) this resolves to undefined.
 */
export function rendered(selector: string): Promise<Rendered[] | undefined> {
  return askHarness<Rendered[]>('rendered', { selector }, 'elements', `reading '${selector}'`, 30_000);
}

/** A character of the hover as drawn, and where. */
export interface DrawnChar {
  char: string;
  left: number;
  right: number;
  top: number;
}
/** A paragraph of the hover as drawn: its text, the `align` it is in, and where its first and last characters are. */
export interface DrawnParagraph {
  text: string;
  align: string | null;
  box: { left: number; right: number };
  first?: DrawnChar;
  last?: DrawnChar;
}
export interface DrawnHover {
  box: { left: number; right: number };
  paragraphs: DrawnParagraph[];
}

/** The hover as the workbench draws it (the harness's /hover); undefined outside the harness or with none shown. */
export function renderedHover(): Promise<DrawnHover | undefined> {
  return askHarness<DrawnHover>('hover', {}, 'hover', 'reading the hover', 30_000, true);
}

/** The markdown of hovers, joined. */
export const markdownOf = (hovers: readonly vscode.Hover[]): string => hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');

/**
 * The hover card at the first occurrence of `word` in the file (its markdown, once it names mentions or citations),
 * with the editor left showing the file and the position hovered.
 */
export async function hoverCard(uri: vscode.Uri, word: string): Promise<{ markdown: string; hovers: vscode.Hover[]; editor: vscode.TextEditor; position: vscode.Position }> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const offset = doc.getText().indexOf(word);
  assert.ok(offset >= 0, `${word} is in ${uri.fsPath}`);
  const position = doc.positionAt(offset + 2);
  const hovers = await waitFor(async () => {
    const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
    return /Mentioned|Cited/.test(markdownOf(hs)) ? hs : undefined;
  }, 20_000, `a hover card on ${word} in ${uri.fsPath}`);
  return { markdown: markdownOf(hovers), hovers, editor, position };
}

/**
 * Checks tree rows as drawn (`rendered(… .monaco-icon-label-container)`) against their items: each label is drawn
 * whole (an Arabic title's start is its right end, the first thing a row too narrow loses), its description comes
 * after it (not run into it by the bidi algorithm) and starts inside the row, and a row whose label and
 * description fit `room` (in `roughWidth` units) is not cut at all.
 */
export function assertRowsShow(rows: Rendered[], items: { label: string; description: string; room: number }[]): void {
  const plain = (s: string): string => s.replace(/[\u2066-\u2069]/g, '');
  for (const { label, description, room } of items) {
    const row = rows.find((r) => plain(r.text).startsWith(label));
    assert.ok(row, `a row shows "${label}" (rows: ${rows.map((r) => JSON.stringify(plain(r.text))).join(', ')})`);
    const shown = `"${plain(row.text)}" (${row.width} px)`;
    assert.ok(row.name && row.name.right <= row.box.right + 1, `${shown}: the label is drawn whole: ${JSON.stringify(row.name)} in ${JSON.stringify(row.box)}`);
    if (!description) continue;
    assert.ok(plain(row.text).includes(description), `${shown} shows "${description}"`);
    assert.ok(row.description && row.description.left >= row.name.right - 1, `${shown}: the description after the label: ${JSON.stringify(row.description)} after ${JSON.stringify(row.name)}`);
    assert.ok(row.description.left < row.box.right - 24, `${shown}: the description starts inside the row`);
    if (roughWidth(label) + roughWidth(description) + 1 <= room) assert.ok(!row.clipped, `${shown} fits: nothing is cut`);
  }
}

/** The test workspace folder: a fresh copy holding seeds/, which tests may change. */
export function workspaceDir(): string {
  const dir = process.env.CORPUS_NAV_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!dir) throw new Error('no test workspace: CORPUS_NAV_WORKSPACE is unset and no folder is open');
  return dir;
}

/**
 * Polls `predicate` (every 100 ms) until it returns a value other than undefined, null or false, and resolves
 * with that value; rejects with `Timed out after N ms: <message>` (and the last error the predicate threw).
 */
export async function waitFor<T>(
  predicate: () => T | undefined | null | false | PromiseLike<T | undefined | null | false>,
  timeoutMs = 10_000,
  message = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms: ${message}${cause}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
