// `npm start`: open the seeds corpus in a real VS Code with the extension (after `npm run build`).
//  - With VS Code's `code` on PATH: `code --extensionDevelopmentPath=<root> <root>` (the project holds seeds/).
//  - Otherwise: code-server (VS Code in the browser, installed on demand into .cache/) serving the project folder
//    with the extension packaged and installed into a throw-away profile; open the printed address. Runs until
//    Ctrl+C, then removes its temp folder. PORT (default 8080; a free one if taken) sets the port.
// Flags: --code-server uses code-server even when `code` exists; --check starts, verifies that the page is
// served and the extension installed, then stops (exit 0 when all is well).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ensureTools } from './harness/tools.mjs';
import { ROOT, fail, freePort, isPortFree, killGroup, log, makeRunDir, removeRunDir, run, seconds, startDetached, waitForLine } from './harness/util.mjs';

const CHECK = process.argv.includes('--check');
const FORCE_CODE_SERVER = CHECK || process.argv.includes('--code-server');
const EXTENSION_ID = 'corpus-navigator.corpus-navigator';
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
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

async function codeServer() {
  const t0 = Date.now();
  const tools = await ensureTools({ chromium: false });
  const r = makeRunDir('corpus-nav-start');
  state.runDir = r.dir;
  const env = { ...process.env, ...r.env };
  const entry = join(tools.codeServer, 'out', 'node', 'entry.js');
  const port = await chooseport();
  const config = join(r.dir, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  mkdirSync(join(r.userData, 'User'), { recursive: true });
  writeFileSync(join(r.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const common = ['--config', config, '--user-data-dir', r.userData, '--extensions-dir', r.extensions];

  // Package the built extension (dist/ as built by `npm run build`) and install it into this profile.
  const vsix = join(r.dir, 'corpus-navigator.vsix');
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  await run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix], { env, quiet: true });
  await run(tools.node24, [entry, ...common, '--install-extension', vsix], { env, quiet: true });
  const listed = spawnSync(tools.node24, [entry, ...common, '--list-extensions', '--show-versions'], { env, encoding: 'utf8' });
  const installed = listed.stdout.split('\n').find((l) => l.toLowerCase().startsWith(`${EXTENSION_ID}@`));
  if (!installed) throw fail(`the extension did not install into code-server (listed: ${listed.stdout.trim() || listed.stderr.trim()})`);
  log(`extension packaged and installed: ${installed}`);

  state.server = startDetached(
    tools.node24,
    [entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', ...common, ROOT],
    { cwd: r.dir, env, logFile: join(r.dir, 'code-server.log') },
  );
  state.server.once('exit', (code, sig) => {
    if (stopping) return;
    log(`code-server exited (${sig ?? `exit ${code}`}); its log was ${join(r.dir, 'code-server.log')}`);
    stop(1);
  });
  await waitForLine(state.server, (l) => l.includes('HTTP server listening on'), 60_000, 'code-server to listen');
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(ROOT).replaceAll('%2F', '/')}`;
  const res = await fetch(url);
  const html = await res.text();
  if (res.status !== 200 || !html.includes('vscode-workbench-web-configuration')) {
    throw fail(`code-server answered ${url} with HTTP ${res.status} but no workbench page`);
  }
  const bar = '='.repeat(Math.max(60, url.length + 4));
  console.log(`\n${bar}\n  Corpus Navigator in VS Code (code-server), ready in ${seconds(Date.now() - t0)}:\n\n  ${url}\n\n  Open it in a browser. Ctrl+C stops it.\n${bar}\n`);
  if (CHECK) {
    log(`--check: the page is served (HTTP ${res.status}) and ${installed} is installed: stopping`);
    await stop(0);
  }
}

async function main() {
  if (!FORCE_CODE_SERVER && onPath('code')) {
    log(`opening ${ROOT} in VS Code with the extension (code --extensionDevelopmentPath)…`);
    const r = spawnSync('code', [`--extensionDevelopmentPath=${ROOT}`, ROOT], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
  await codeServer();
}

main().catch((e) => {
  console.error(`[harness] ${e?.harness ? e.message : (e?.stack ?? e)}`);
  stop(1);
});
