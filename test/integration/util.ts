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
 * Saves a screenshot of the whole VS Code window as test-results/<name>.png and returns its path.
 * Only the real-VS-Code harness can (it passes CORPUS_NAV_SCREENSHOT_URL); elsewhere (test-electron) this
 * resolves to undefined. Rejects when the harness could not take it.
 */
export function screenshot(name: string): Promise<string | undefined> {
  const base = process.env.CORPUS_NAV_SCREENSHOT_URL;
  if (!base) return Promise.resolve(undefined);
  const url = `${base}?name=${encodeURIComponent(name)}`;
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        try {
          const reply = JSON.parse(body) as { path?: string; error?: string };
          if (res.statusCode === 200 && reply.path) resolve(reply.path);
          else reject(new Error(`screenshot '${name}' failed: ${reply.error ?? `HTTP ${res.statusCode}`}`));
        } catch {
          reject(new Error(`screenshot '${name}' failed: HTTP ${res.statusCode} ${body.slice(0, 200)}`));
        }
      });
    });
    req.setTimeout(45_000, () => req.destroy(new Error(`screenshot '${name}' timed out`)));
    req.on('error', reject);
  });
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
  const base = process.env.CORPUS_NAV_SCREENSHOT_URL;
  if (!base) return Promise.resolve(undefined);
  const url = `${base.replace(/\/screenshot$/, '/rendered')}?selector=${encodeURIComponent(selector)}`;
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        try {
          const reply = JSON.parse(body) as { elements?: Rendered[]; error?: string };
          if (res.statusCode === 200 && reply.elements) resolve(reply.elements);
          else reject(new Error(`reading '${selector}' failed: ${reply.error ?? `HTTP ${res.statusCode}`}`));
        } catch {
          reject(new Error(`reading '${selector}' failed: HTTP ${res.statusCode} ${body.slice(0, 200)}`));
        }
      });
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`reading '${selector}' timed out`)));
    req.on('error', reject);
  });
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
