// Integration tests inside a real VS Code, offline: the VS Code server shipped in the code-server npm package,
// its web workbench in headless Debian chromium, and our test module (out/test/integration/index.js, built by
// `npm run build`) run by the workbench in a real Node extension host, exactly as @vscode/test-electron would.
//
//   npm run build && npm run test:vscode
//
// Installs what is missing on first use (scripts/harness/tools.mjs). Output: the extension host's console (mocha's
// spec report, ending with "N passed, N failed"); screenshots and logs in test-results/. Exit code: the tests'.
//
//   npm run build && npm run test:vsix        (node scripts/vscode-test.mjs --vsix)
//
// --vsix: the smoke test of the package instead. Packages dist/ with vsce, installs the .vsix into the server's empty
// extensions folder and runs out/test/smoke/ against it; the repository is not loaded as a development extension
// (the development path is an empty stub that only puts the workbench in extension-test mode). Logs and
// screenshots are prefixed `vsix-`, so both runs' results stay side by side in test-results/.
// Environment: KEEP_TMP=1 keeps the run's temp folder; CORPUS_NAV_TEST_TIMEOUT_MS (default 600000) bounds the run;
// CORPUS_NAV_VERBOSE=1 also prints the workbench's own log lines; CORPUS_NAV_GREP=<text> runs only the matching
// tests (mocha --grep); CORPUS_NAV_CACHE moves the tool cache.
// `--restricted` (npm run test:vscode:restricted): workspace trust on and the workspace not trusted, so VS Code
// runs in restricted mode; only test/integration/restricted.test.ts runs (the default run leaves it out).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { launchBrowser } from './harness/browser.mjs';
import { NODE24_VERSION, ensureTools, vscodeInfo } from './harness/tools.mjs';
import { ROOT, fail, killGroup, log, makeRunDir, removeRunDir, seconds } from './harness/util.mjs';
import { startVSCodeServer, workbenchConfig } from './harness/vscode-server.mjs';
import { extensionIdentity, installVsix, packageVsix } from './harness/vsix.mjs';

const TIMEOUT_MS = Number(process.env.CORPUS_NAV_TEST_TIMEOUT_MS ?? 600_000);
const VERBOSE = process.env.CORPUS_NAV_VERBOSE === '1';
const VSIX = process.argv.includes('--vsix');
const SUITE = VSIX ? 'smoke' : 'integration';
const RESULTS = join(ROOT, 'test-results');
const RESTRICTED = process.argv.includes('--restricted');
// --arabic: VS Code's display language set to Arabic (the server's --locale); only arabic.test.ts runs.
const ARABIC = process.argv.includes('--arabic');
// --scale: a workspace of SCALE_ARTICLES generated articles in big/ (no seeds/, so nothing activates the extension
// before the test does); only scale.test.ts runs.
const SCALE = process.argv.includes('--scale');
// CORPUS_NAV_SCALE_ARTICLES sets another size (e.g. 2000, for a quicker run of one suite).
const SCALE_ARTICLES = Number(process.env.CORPUS_NAV_SCALE_ARTICLES ?? 5000);
// The synthetic-corpus generator the unit tests and the benchmark use too, as `npm run build` bundles it.
const SYNTHETIC = 'out/test/support/synthetic.js';
const PREFIX = VSIX ? 'vsix-' : RESTRICTED ? 'restricted-' : ARABIC ? 'arabic-' : SCALE ? 'scale-' : '';
const SERVER_LOG = join(RESULTS, `${PREFIX}vscode-server.log`);
const WORKBENCH_LOG = join(RESULTS, `${PREFIX}workbench.log`);
const SUMMARY = /^(\d+) passed, (\d+) failed$/;
const WORKSPACE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  ...(SCALE ? { 'corpusNavigator.corpusFolders': ['big'] } : {}),
  // Restricted mode: open the folder untrusted, without asking.
  ...(RESTRICTED ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open', 'security.workspace.trust.emptyWindow': false } : {}),
};

/** Everything that needs closing, whichever way the run ends. */
const state = { server: undefined, context: undefined, page: undefined, shots: undefined, runDir: undefined };
/** Set up in main(): how each way of ending (tests done, timeout, server or page gone) settles the run. */
const exitWith = {};

/** A screenshot file name from a test-supplied name: letters, digits, '.', '_', '-' only. */
function safeName(name) {
  const s = String(name ?? '')
    .replace(/\.png$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 100);
  return s || 'screenshot';
}

async function screenshot(name) {
  if (!state.page || state.page.isClosed()) throw new Error('no page to take a screenshot of');
  const file = join(RESULTS, `${safeName(name)}.png`);
  await state.page.screenshot({ path: file, timeout: 30_000 });
  return file;
}

/**
 * What the workbench shows of the elements matching a CSS selector: each one's text as rendered (innerText),
 * whether its text is cut (wider than its box), and for an icon label (a tree row, a quick pick item) where its
 * name and description are drawn; in the workbench and in its frames (webviews). Read only: tests check what users
 * see.
 */
async function rendered(selector) {
  if (!state.page || state.page.isClosed()) throw new Error('no page to read');
  const read = (els) =>
    els.map((e) => {
      // Where an icon label (a tree row, a quick pick item) draws its name and description, left to right.
      const span = (css) => {
        const r = e.querySelector(css)?.getBoundingClientRect();
        return r && r.width > 0 ? { left: Math.round(r.left), right: Math.round(r.right) } : undefined;
      };
      const box = e.getBoundingClientRect();
      return {
        text: e.innerText,
        clipped: e.scrollWidth > e.clientWidth + 1,
        width: e.clientWidth,
        box: { left: Math.round(box.left), right: Math.round(box.right) },
        name: span('.label-name'),
        description: span('.label-description'),
      };
    });
  // The workbench, then every frame in it (webviews are frames within frames); a frame that goes away is skipped.
  const found = [];
  for (const frame of state.page.frames()) found.push(...(await frame.$$eval(selector, read).catch(() => [])));
  return found;
}

/**
 * The hover widget as rendered, for tests that check what users see (`test/integration/util.ts`, `renderedHover`):
 * its box, and per paragraph its text, the `align` it is inside, its box, and where its first and last visible
 * characters are drawn (bidi controls and spaces left out). Undefined when no hover is shown.
 */
function renderedHover() {
  return state.page.evaluate(() => {
    const visible = (el) => el.getBoundingClientRect().width > 0 && getComputedStyle(el).visibility !== 'hidden';
    const hover = [...document.querySelectorAll('.monaco-hover')].find((h) => !h.classList.contains('hidden') && visible(h));
    if (!hover) return undefined;
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const paragraphs = [...hover.querySelectorAll('p')].map((p) => {
      const chars = [];
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (let i = 0; i < n.data.length; i++) {
          if (/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(n.data[i])) continue;
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + 1);
          const r = range.getBoundingClientRect();
          if (r.width > 0) chars.push({ char: n.data[i], left: r.left, right: r.right, top: r.top });
        }
      }
      return { text: p.textContent, align: p.closest('[align]')?.getAttribute('align') ?? null, box: box(p), first: chars[0], last: chars.at(-1) };
    });
    return { box: box(hover), paragraphs };
  });
}

/**
 * GET /screenshot?name=<name> → page.screenshot() into test-results/<name>.png → {"path": "..."};
 * GET /rendered?selector=<css> → {"elements": [{text, clipped, width, box, name?, description?}]};
 * GET /hover → the rendered hover (see renderedHover) → {"hover": {...}} (no "hover" when none is shown).
 */
function startScreenshotServer() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const reply = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/rendered') {
      try {
        return reply(200, { elements: await rendered(url.searchParams.get('selector') ?? '') });
      } catch (e) {
        return reply(500, { error: e instanceof Error ? e.message : String(e) });
      }
    }
    if (url.pathname === '/hover') {
      try {
        return reply(200, { hover: await renderedHover() });
      } catch (e) {
        return reply(500, { error: e instanceof Error ? e.message : String(e) });
      }
    }
    if (url.pathname !== '/screenshot') return reply(404, { error: 'use /screenshot?name=<name>, /rendered?selector=<css> or /hover' });
    try {
      const file = await screenshot(url.searchParams.get('name'));
      log(`screenshot: ${file}`);
      reply(200, { path: file });
    } catch (e) {
      reply(500, { error: e instanceof Error ? e.message : String(e) });
    }
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

let cleaningUp;
function cleanup() {
  cleaningUp ??= (async () => {
    const within = (p, ms) => Promise.race([p, new Promise((r) => setTimeout(r, ms))]);
    state.shots?.close();
    if (state.context) await within(state.context.close().catch(() => {}), 10_000);
    await killGroup(state.server);
    removeRunDir(state.runDir);
  })();
  return cleaningUp;
}

for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(sig, () => {
    if (cleaningUp) return; // already stopping
    log(`${sig}: stopping`);
    cleanup().finally(() => process.exit(code));
  });
}

async function main() {
  const t0 = Date.now();
  const tools = await ensureTools({ chromium: true });
  const tReady = Date.now(); // the time limit counts from here, not from a first install of the tools
  const v = vscodeInfo(tools);
  log(`VS Code ${v.version} (commit ${v.commit?.slice(0, 10)}, ${v.date?.slice(0, 10)}; web workbench + server from code-server ${v.codeServer}), Node ${NODE24_VERSION}`);

  for (const f of ['dist/extension.js', `out/test/${SUITE}/index.js`, ...(SCALE ? [SYNTHETIC] : [])]) {
    if (!existsSync(join(ROOT, f))) throw fail(`${f} is missing: run \`npm run build\` first`);
  }
  mkdirSync(RESULTS, { recursive: true });
  // Only what this run writes: screenshots and its own two logs (CI tees `npm test` into test-results/ as well).
  for (const f of readdirSync(RESULTS)) {
    const shot = f.endsWith('.png') && f.startsWith(PREFIX) && (PREFIX !== '' || !/^(vsix|restricted|arabic|scale)-/.test(f));
    if (shot || [SERVER_LOG, WORKBENCH_LOG].includes(join(RESULTS, f))) rmSync(join(RESULTS, f), { force: true });
  }

  // A fresh copy of the corpus: tests may add, change and delete files in it; seeds/ itself is never touched.
  const run = makeRunDir('corpus-nav-vscode');
  state.runDir = run.dir;
  if (SCALE) {
    const tGen = Date.now();
    generateArticles(join(run.workspace, 'big'), SCALE_ARTICLES);
    log(`generated ${SCALE_ARTICLES} articles in ${join(run.workspace, 'big')} in ${seconds(Date.now() - tGen)}`);
  } else {
    cpSync(join(ROOT, 'seeds'), join(run.workspace, 'seeds'), { recursive: true });
  }
  const corpusBefore = checksums(join(run.workspace, 'seeds'));
  const repoBefore = checksums(join(ROOT, 'seeds'));
  // Workspace settings that keep the window quiet and the screenshots about our views (no chat panel, no
  // welcome page, nothing fetched from a marketplace).
  mkdirSync(join(run.workspace, '.vscode'));
  writeFileSync(join(run.workspace, '.vscode', 'settings.json'), JSON.stringify(WORKSPACE_SETTINGS, null, 2));

  // --vsix: the packaged extension, installed into the server's (empty) extensions folder before it starts.
  const identity = extensionIdentity();
  let devPath = ROOT;
  if (VSIX) {
    const tPack = Date.now();
    const vsix = await packageVsix(join(run.dir, `${identity.id}-${identity.version}.vsix`), { env: { ...process.env, ...run.env } });
    const installed = await installVsix(tools, run, vsix);
    if (!installed.includes(`${identity.id}@${identity.version}`)) throw fail(`the .vsix did not install (listed: ${installed.join(', ') || 'nothing'})`);
    log(`packaged and installed ${identity.id}@${identity.version} into ${run.extensions} in ${seconds(Date.now() - tPack)}`);
    // The workbench runs extension tests only in extension-development mode, so it needs a development path: an
    // empty folder (no package.json, so no development extension) rather than the repository.
    devPath = join(run.dir, 'no-development-extension');
    mkdirSync(devPath);
  }

  const tServer = Date.now();
  if (RESTRICTED) log('restricted mode: workspace trust on, the test workspace untrusted');
  if (ARABIC) log('display language: Arabic');
  const server = await startVSCodeServer(tools, run, { logFile: SERVER_LOG, workspaceTrust: RESTRICTED, });
  state.server = server.child;
  server.child.once('exit', (code, sig) => exitWith.serverExit?.(code, sig));
  const { remoteAuthority } = await workbenchConfig(server.base);
  if (!remoteAuthority) throw fail('the workbench configuration has no remoteAuthority');
  log(`VS Code server on ${server.base} (up in ${seconds(Date.now() - tServer)}; log: ${SERVER_LOG})`);

  state.shots = await startScreenshotServer();
  const screenshotUrl = `http://127.0.0.1:${state.shots.address().port}/screenshot`;

  const { context, page, version } = await launchBrowser({ executablePath: tools.chromium, profileDir: run.browserProfile, env: run.env });
  state.context = context;
  state.page = page;
  log(`browser: ${tools.chromium} ${version ?? ''} (headless)`);

  // What the workbench reports: extension host console output (the tests) and the exit code of run(). The
  // console output comes through the workbench's log, tagged by test/integration/index.ts with `marker`.
  const marker = `<<corpus-nav-${randomBytes(4).toString('hex')}>>`;
  let summary;
  let sawOutput = false;
  const ourErrors = [];
  const result = new Promise((resolve) => {
    exitWith.tests = (code) => resolve({ code: Number(code) || 0, why: `the tests finished (exit code ${code})` });
    exitWith.timeout = () => resolve({ code: 1, why: `TIMEOUT: the tests did not finish within ${seconds(TIMEOUT_MS)} (limit: CORPUS_NAV_TEST_TIMEOUT_MS)` });
    exitWith.serverExit = (code, sig) => resolve({ code: 1, why: `the VS Code server exited (${sig ?? `exit ${code}`}); see ${SERVER_LOG}` });
    exitWith.pageGone = (what) => resolve({ code: 1, why: `the browser page ${what}` });
  });
  writeFileSync(WORKBENCH_LOG, '');
  await page.exposeFunction('codeAutomationExit', (code) => exitWith.tests(code));
  await page.exposeFunction('codeAutomationLog', (type, message) => {
    const text = String(message ?? '');
    appendFileSync(WORKBENCH_LOG, `[${type}] ${text}\n`);
    if (!text.startsWith(marker)) {
      // The workbench's own messages (offline noise mostly) stay in workbench.log.
      if (type === 'error' && /corpus-?navigator/i.test(text)) ourErrors.push(text);
      if (VERBOSE) console.log(`[workbench ${type}] ${text}`);
      return;
    }
    sawOutput = true;
    const out = text.slice(marker.length);
    for (const line of out.split('\n')) {
      const m = line.trim().match(SUMMARY);
      if (m) summary = { passed: Number(m[1]), failed: Number(m[2]) };
    }
    process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
  });
  page.on('console', (msg) => appendFileSync(WORKBENCH_LOG, `[browser ${msg.type()}] ${msg.text()}\n`));
  page.on('pageerror', (err) => appendFileSync(WORKBENCH_LOG, `[browser pageerror] ${err.message}\n`));
  page.on('crash', () => exitWith.pageGone('crashed'));
  page.on('close', () => exitWith.pageGone('closed'));

  const extensionEnvironment = {
    CORPUS_NAV_SCREENSHOT_URL: screenshotUrl,
    CORPUS_NAV_WORKSPACE: run.workspace,
    CORPUS_NAV_LOG_MARKER: marker,
    ...(RESTRICTED ? { CORPUS_NAV_RESTRICTED: '1' } : {}),
    ...(ARABIC ? { CORPUS_NAV_ARABIC: '1' } : {}),
    ...(SCALE ? { CORPUS_NAV_SCALE: String(SCALE_ARTICLES) } : {}),
    ...(process.env.CORPUS_NAV_GREP && !VSIX ? { CORPUS_NAV_GREP: process.env.CORPUS_NAV_GREP } : {}),
    ...(VSIX ? { CORPUS_NAV_EXTENSIONS_DIR: run.extensions, CORPUS_NAV_REPO: ROOT, CORPUS_NAV_VERSION: identity.version } : {}),
  };
  const remote = (path) => `vscode-remote://${remoteAuthority}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(devPath)],
    ['extensionTestsPath', remote(join(ROOT, 'out', 'test', SUITE, 'index'))],
    ['extensionEnvironment', JSON.stringify(extensionEnvironment)],
    // Only our extension (and VS Code's built-ins) run. With --vsix the installed extensions must stay enabled;
    // the extensions folder holds ours alone.
    ...(VSIX ? [] : [['disableExtensions', 'true']]),
  ];
  const url = `${server.base}/?folder=${encodeURIComponent(run.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const timer = setTimeout(() => exitWith.timeout(), TIMEOUT_MS - (Date.now() - tReady));
  const tPage = Date.now();
  log(`opening the workbench on ${run.workspace} with the ${VSIX ? 'smoke tests of the installed .vsix' : 'extension tests'}…`);
  // VS Code in Arabic: no Arabic language pack can be downloaded here, so VS Code's own strings stay English; the
  // workbench's language is what the NLS script declares, and fixing it to 'ar' before any script runs is what
  // makes vscode.env.language 'ar' and picks our own l10n/bundle.l10n.ar.json and package.nls.ar.json.
  if (ARABIC) {
    await page.addInitScript(() => {
      Object.defineProperty(globalThis, '_VSCODE_NLS_LANGUAGE', { get: () => 'ar', set: () => {}, configurable: false });
    });
  }
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  let { code, why } = await result;
  clearTimeout(timer);
  log(`${why} (workbench open for ${seconds(Date.now() - tPage)})`);
  // Nothing may write to the corpus: every file of seeds/ (the copy the tests ran on, and the repository's)
  // must be byte for byte what it was. Files the tests add and delete themselves are not corpus files.
  const changed = [...compareChecksums(corpusBefore, checksums(join(run.workspace, 'seeds'))), ...compareChecksums(repoBefore, checksums(join(ROOT, 'seeds')))];
  if (changed.length > 0) {
    code = 1;
    for (const c of changed) log(`CORPUS WRITTEN: ${c}`);
  } else {
    log(`the corpus is untouched: ${corpusBefore.size} files with the same SHA-256 after the run`);
  }
  if (code === 0 && !summary) {
    code = 1;
    log(`no "N passed, N failed" line came from the tests${sawOutput ? '' : ' (no test output at all)'}: counting it as a failure`);
  } else if (code === 0 && summary.failed > 0) {
    code = 1;
    log(`the tests reported ${summary.failed} failure(s) but exit code 0: counting it as a failure`);
  }
  if (code !== 0) {
    try {
      log(`final screenshot: ${await screenshot(`${PREFIX}final-failure`)}`);
    } catch (e) {
      log(`no final screenshot: ${e.message}`);
    }
    for (const e of ourErrors) log(`workbench error about the extension: ${e}`);
    if (!sawOutput) log(`no output from the tests: see ${WORKBENCH_LOG} and ${SERVER_LOG}`);
  }
  log(`${code === 0 ? 'PASSED' : 'FAILED'}${summary ? ` (${summary.passed} passed, ${summary.failed} failed)` : ''} in ${seconds(Date.now() - t0)} overall`);
  return code;
}

/**
 * `count` articles recombined from the seeds' sentences (deterministic): `workbenchArticles` of
 * test/support/synthetic.ts, as `npm run build` bundles it (a title line, then 8–17 paragraphs of three sentences;
 * file names carry a date over two years, so the Articles view has months to group by).
 */
function generateArticles(dir, count) {
  mkdirSync(dir, { recursive: true });
  const texts = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'));
  const { workbenchArticles } = createRequire(import.meta.url)(join(ROOT, SYNTHETIC));
  for (const a of workbenchArticles(texts, count)) writeFileSync(join(dir, a.name), a.text);
}

/** SHA-256 of every file under `dir`, by path relative to it (none when it does not exist). */
function checksums(dir, base = dir, out = new Map()) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) checksums(p, base, out);
    else if (entry.isFile()) out.set(relative(base, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
  }
  return out;
}

/** What changed between two checksum maps: files changed or gone (new files are the tests' own). */
function compareChecksums(before, after) {
  const changed = [];
  for (const [file, sum] of before) {
    if (!after.has(file)) changed.push(`${file} was deleted`);
    else if (after.get(file) !== sum) changed.push(`${file} was modified`);
  }
  return changed;
}

main()
  .then(
    (code) => code,
    (e) => {
      console.error(`[harness] ${e?.harness ? e.message : (e?.stack ?? e)}`);
      return 1;
    },
  )
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  });
