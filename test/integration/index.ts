/**
 * The extension tests entry point (`extensionTestsPath`): VS Code's extension host loads the built
 * out/test/integration/index.js and awaits `run()`, under the real-VS-Code harness (scripts/vscode-test.mjs) or
 * @vscode/test-electron (scripts/electron-test.mjs) alike. Runs every *.test.js next to it with mocha (bdd) and
 * ends with one plain line "N passed, N failed", which CI reads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...testFiles(p));
    else if (entry.name.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

/**
 * Under the real-VS-Code harness the extension host's console reaches the runner through the workbench's log,
 * mixed with the workbench's own messages and with printf arguments unformatted. So, when the runner passes a
 * marker (CORPUS_NAV_LOG_MARKER), each console call is formatted here and tagged with it; the runner prints the
 * tagged messages without the tag. VS Code makes the console's methods read-only, so the global `console` object
 * is replaced by one that inherits from it. Under test-electron (no marker) the console is left alone.
 */
function tagConsole(marker: string | undefined): void {
  if (!marker) return;
  const original = globalThis.console;
  const tagged: Console = Object.create(original);
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const write = original[method].bind(original);
    Object.defineProperty(tagged, method, { value: (...args: unknown[]) => write(marker + format(...args)), writable: true, configurable: true });
  }
  globalThis.console = tagged;
}

/** An error VS Code prints as its message alone (the stack would only point here). */
function quiet(message: string): Error {
  const e = new Error(message);
  e.stack = `Error: ${message}`;
  return e;
}

export async function run(): Promise<void> {
  tagConsole(process.env.CORPUS_NAV_LOG_MARKER);
  // A window like a user's first one, minus the secondary side bar (chat), so screenshots show our views.
  await Promise.resolve(vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar')).catch(() => undefined);
  // The reporters captured console.log when mocha was loaded: send them through the (tagged) console.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(...args);
  // No colours: the escape codes would arrive raw through the workbench's log.
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, reporter: 'spec', color: false });
  if (process.env.CORPUS_NAV_GREP) mocha.grep(process.env.CORPUS_NAV_GREP);
  // Some suites need a window of their own and run alone, in a phase of the harness: restricted.test.js an
  // untrusted workspace (--restricted), arabic.test.js VS Code in Arabic (--arabic). The default run leaves them out.
  // scale.test.js a generated corpus of thousands of articles (--scale).
  const phase =
    process.env.CORPUS_NAV_RESTRICTED === '1'
      ? 'restricted.test.js'
      : process.env.CORPUS_NAV_ARABIC === '1'
        ? 'arabic.test.js'
        : process.env.CORPUS_NAV_SCALE
          ? 'scale.test.js'
          : undefined;
  const phaseOnly = new Set(['restricted.test.js', 'arabic.test.js', 'scale.test.js']);
  const files = testFiles(__dirname).filter((f) => (phase ? path.basename(f) === phase : !phaseOnly.has(path.basename(f))));
  for (const f of files) mocha.addFile(f);
  return new Promise((resolve, reject) => {
    const done = (passed: number, failed: number, error?: unknown): void => {
      console.log(`${passed} passed, ${failed} failed`);
      if (error !== undefined) reject(error instanceof Error ? error : new Error(String(error)));
      else if (failed > 0) reject(quiet(`${failed} integration test(s) failed`));
      else if (passed === 0) reject(quiet(`no integration test passed (test files: ${files.length})`));
      else resolve();
    };
    try {
      const runner = mocha.run(() => done(runner.stats?.passes ?? 0, runner.stats?.failures ?? 0));
    } catch (e) {
      // A test file that throws while loading: report it as a failure so CI sees it.
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      done(0, 1, e);
    }
  });
}
