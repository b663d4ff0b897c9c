// `npm start [-- <folder>]`: open a corpus in a real VS Code with the extension (after `npm run build`): the seeds
// by default, or <folder> (relative to where npm was run), a folder of .txt articles.
//  - The workspace is the corpus folder alone (a .code-workspace file naming it, with `corpusNavigator.corpusFolders`
//    set to ".": the folder itself is the corpus), never the repository; nothing is written into the folder.
//  - The window opens on the Corpus Navigator view: a helper extension of its own (scripts/harness/start-view/,
//    never packaged) shows it at startup, since VS Code has no setting for a fresh profile's first view.
//  - With VS Code's `code` on PATH: `code --extensionDevelopmentPath=<root> --extensionDevelopmentPath=<helper> <ws>`.
//  - Otherwise: code-server (VS Code in the browser, installed on demand into .cache/) with the extension and the
//    helper packaged and installed into a throw-away profile; open the printed address. Runs until Ctrl+C, then
//    removes its temp folder. PORT (default 8080; a free one if taken) sets the port.
// Flags: --code-server uses code-server even when `code` exists; --check starts, verifies that the page is served
// and both extensions installed, opens the page in headless Chromium when the harness has it and checks that the
// Corpus Navigator view is the one shown (screenshot test-results/start-first-screen.png), then stops (exit 0 when
// all is well).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, delimiter, join, resolve } from 'node:path';
import { ensureTools } from './harness/tools.mjs';
import { ROOT, fail, freePort, isPortFree, killGroup, log, makeRunDir, removeRunDir, run, seconds, startDetached, waitForLine } from './harness/util.mjs';

const CHECK = process.argv.includes('--check');
const FORCE_CODE_SERVER = CHECK || process.argv.includes('--code-server');
const EXTENSION_ID = 'corpus-navigator.corpus-navigator';
const HELPER = join(ROOT, 'scripts', 'harness', 'start-view');
const HELPER_ID = 'corpus-navigator.corpus-navigator-start';

/** The corpus folder: the first argument that is not a flag (relative to where npm was run), else seeds/. */
function corpusFolder() {
  const arg = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const dir = arg === undefined ? join(ROOT, 'seeds') : resolve(process.env.INIT_CWD ?? process.cwd(), arg);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw fail(`${dir} is not a folder: give a folder of .txt articles (npm start -- <folder>)`);
  const txt = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.txt')).length;
  log(`corpus: ${dir} (${txt} .txt file${txt === 1 ? '' : 's'} at its top${txt === 0 ? '; articles in subfolders are read too' : ''})`);
  return dir;
}

/** A workspace of the corpus folder alone, which is the corpus itself; written as `file` (not into the folder). */
function writeWorkspace(file, corpus) {
  const workspace = { folders: [{ path: corpus }], settings: { 'corpusNavigator.corpusFolders': ['.'] } };
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify(workspace, null, 2) + '\n');
  return file;
}
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  // The corpus and its view, not a chat panel beside them (as in the test harness's window).
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  // The seeds sit inside this repository: no offer to open it.
  'git.openRepositoryInParentFolders': 'never',
  // Your own project: no Restricted Mode banner.
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
};

function onPath(cmd) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, cmd), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const state = { server: undefined, runDir: undefined };
let stopping;
function stop(code) {
  stopping ??= (async () => {
    await killGroup(state.server);
    removeRunDir(state.runDir);
  })();
  return stopping.finally(() => process.exit(code));
}
for (const [sig, code] of [['SIGINT', 0], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(sig, () => {
    if (!stopping) log(`${sig}: stopping code-server`);
    stop(code);
  });
}

async function chooseport() {
  const wanted = Number(process.env.PORT ?? 8080);
  if (await isPortFree(wanted)) return wanted;
  const port = await freePort();
  log(`port ${wanted} is taken: using ${port} instead`);
  return port;
}

async function codeServer(corpus) {
  const t0 = Date.now();
  const tools = await ensureTools({ chromium: false });
  const r = makeRunDir('corpus-nav-start');
  state.runDir = r.dir;
  const workspace = writeWorkspace(join(r.dir, `${basename(corpus)}.code-workspace`), corpus);
  const env = { ...process.env, ...r.env };
  const entry = join(tools.codeServer, 'out', 'node', 'entry.js');
  const port = await chooseport();
  const config = join(r.dir, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  mkdirSync(join(r.userData, 'User'), { recursive: true });
  writeFileSync(join(r.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const common = ['--config', config, '--user-data-dir', r.userData, '--extensions-dir', r.extensions];

  // Package the built extension (dist/ as built by `npm run build`) and the first-view helper, and install both.
  const vsix = join(r.dir, 'corpus-navigator.vsix');
  const helperVsix = join(r.dir, 'corpus-navigator-start.vsix');
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const pack = ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];
  await run(process.execPath, [vsce, ...pack, '-o', vsix], { env, quiet: true });
  await run(process.execPath, [vsce, ...pack, '--skip-license', '-o', helperVsix], { cwd: HELPER, env, quiet: true });
  await run(tools.node24, [entry, ...common, '--install-extension', vsix, '--install-extension', helperVsix], { env, quiet: true });
  const listed = spawnSync(tools.node24, [entry, ...common, '--list-extensions', '--show-versions'], { env, encoding: 'utf8' });
  const find = (id) => listed.stdout.split('\n').find((l) => l.toLowerCase().startsWith(`${id}@`));
  const installed = find(EXTENSION_ID);
  if (!installed || !find(HELPER_ID)) throw fail(`the extensions did not install into code-server (listed: ${listed.stdout.trim() || listed.stderr.trim()})`);
  log(`extension packaged and installed: ${installed} (and ${find(HELPER_ID)}, which shows its view first)`);

  state.server = startDetached(
    tools.node24,
    [entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', ...common, workspace],
    { cwd: r.dir, env, logFile: join(r.dir, 'code-server.log') },
  );
  state.server.once('exit', (code, sig) => {
    if (stopping) return;
    log(`code-server exited (${sig ?? `exit ${code}`}); its log was ${join(r.dir, 'code-server.log')}`);
    stop(1);
  });
  await waitForLine(state.server, (l) => l.includes('HTTP server listening on'), 60_000, 'code-server to listen');
  const url = `http://127.0.0.1:${port}/?workspace=${encodeURIComponent(workspace).replaceAll('%2F', '/')}`;
  const res = await fetch(url);
  const html = await res.text();
  if (res.status !== 200 || !html.includes('vscode-workbench-web-configuration')) {
    throw fail(`code-server answered ${url} with HTTP ${res.status} but no workbench page`);
  }
  const bar = '='.repeat(Math.max(60, url.length + 4));
  console.log(`\n${bar}\n  Corpus Navigator in VS Code (code-server), ready in ${seconds(Date.now() - t0)}:\n\n  ${url}\n\n  Open it in a browser. Ctrl+C stops it.\n${bar}\n`);
  if (CHECK) {
    log(`--check: the page is served (HTTP ${res.status}) and ${installed} is installed`);
    await checkFirstScreen(url);
    await stop(0);
  }
}

/**
 * --check with the harness's Chromium installed (`npm test` installs it): opens the page as a user would and checks
 * that the first screen shows the Corpus Navigator view with the corpus's articles; screenshot in test-results/.
 */
async function checkFirstScreen(url) {
  const tools = await ensureTools({ chromium: false });
  if (!existsSync(tools.chromium)) return log(`--check: no ${tools.chromium}, so the first screen is not looked at`);
  const { launchBrowser } = await import('./harness/browser.mjs');
  const profileDir = join(state.runDir, 'browser-profile');
  const { context, page } = await launchBrowser({ executablePath: tools.chromium, profileDir });
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const shot = join(ROOT, 'test-results', 'start-first-screen.png');
  try {
    await page.goto(url);
    // The side bar's title names the view container shown; its Articles view lists the corpus.
    const title = page.locator('.part.sidebar .composite.title h2');
    await page.waitForFunction(() => /corpus navigator/i.test(document.querySelector('.part.sidebar .composite.title h2')?.textContent ?? ''), undefined, { timeout: 60_000 });
    await page.locator('.part.sidebar .monaco-list-row').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: shot });
    log(`--check: the first screen shows "${(await title.textContent())?.trim()}" (screenshot: ${shot})`);
  } catch (e) {
    await page.screenshot({ path: shot }).catch(() => {});
    throw fail(`--check: the first screen does not show the Corpus Navigator view with articles (${e instanceof Error ? e.message.split('\n')[0] : e}; screenshot: ${shot})`);
  } finally {
    await context.close().catch(() => {});
  }
}

async function main() {
  const corpus = corpusFolder();
  if (!FORCE_CODE_SERVER && onPath('code')) {
    // `code` returns at once: the workspace file stays, in the ignored .cache/ (one per corpus folder).
    const id = createHash('sha256').update(corpus).digest('hex').slice(0, 8);
    const workspace = writeWorkspace(join(ROOT, '.cache', 'start', `${basename(corpus)}-${id}.code-workspace`), corpus);
    log(`opening ${corpus} in VS Code with the extension (code --extensionDevelopmentPath)…`);
    const r = spawnSync('code', [`--extensionDevelopmentPath=${ROOT}`, `--extensionDevelopmentPath=${HELPER}`, workspace], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
  await codeServer(corpus);
}

main().catch((e) => {
  console.error(`[harness] ${e?.harness ? e.message : (e?.stack ?? e)}`);
  stop(1);
});
