/** Helpers for the integration tests (they run inside VS Code's extension host). */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as vscode from 'vscode';
import type { CorpusNavigatorApi } from '../../src/vscode/activate';

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
