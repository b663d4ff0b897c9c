// Small process, file and network helpers shared by the harness scripts. Plain Node, no dependencies.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (scripts/harness/../..). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Playwright must never try to download its own browsers: they are unreachable here. */
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

export function log(message) {
  console.log(`[harness] ${message}`);
}

export function fail(message) {
  const err = new Error(message);
  err.harness = true;
  return err;
}

export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Time an async step and log "<label>: done in N s". */
export async function timed(label, fn) {
  const t0 = Date.now();
  const value = await fn();
  log(`${label}: done in ${seconds(Date.now() - t0)}`);
  return value;
}

/**
 * Run a command to completion, streaming its output (prefixed) to our stdout and into `logFile` if given.
 * Resolves with the exit code when `allowFailure`, else rejects on a non-zero exit.
 */
export function run(cmd, args, { cwd = ROOT, env = process.env, logFile, prefix = '  | ', allowFailure = false, quiet = false } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const file = logFile ? createWriteStream(logFile) : undefined;
    let tail = '';
    const onData = (chunk) => {
      const text = chunk.toString();
      file?.write(text);
      tail = (tail + text).slice(-4000);
      if (!quiet) process.stdout.write(text.replace(/^(?=.)/gm, prefix));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => reject(fail(`could not start ${cmd}: ${e.message}`)));
    child.on('close', (code, signal) => {
      file?.end();
      if (code === 0 || allowFailure) resolvePromise({ code: code ?? 1, output: tail });
      else {
        if (quiet) process.stdout.write(tail.replace(/^(?=.)/gm, prefix));
        reject(fail(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})${logFile ? `; log: ${logFile}` : ''}`));
      }
    });
  });
}

/** A free TCP port on 127.0.0.1 (the OS picks one). */
export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePromise(port));
    });
  });
}

/** True when nothing listens on 127.0.0.1:port. */
export function isPortFree(port) {
  return new Promise((resolvePromise) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => resolvePromise(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolvePromise(true)));
  });
}

/**
 * A fresh temp folder for one run, with the sub-folders a VS Code server and a browser write into, and the
 * environment (TMPDIR, XDG_*) that keeps their files inside it.
 */
export function makeRunDir(prefix) {
  const dir = mkdtempSync(join(process.env.CORPUS_NAV_TMP ?? tmpdir(), `${prefix}-`));
  const sub = (name) => {
    const p = join(dir, name);
    mkdirSync(p, { recursive: true, mode: 0o700 });
    return p;
  };
  const paths = {
    dir,
    tmp: sub('tmp'),
    workspace: sub('workspace'),
    serverData: sub('server-data'),
    userData: sub('user-data'),
    extensions: sub('extensions'),
    browserProfile: sub('browser-profile'),
  };
  const env = {
    TMPDIR: paths.tmp,
    XDG_CONFIG_HOME: sub('xdg/config'),
    XDG_DATA_HOME: sub('xdg/data'),
    XDG_CACHE_HOME: sub('xdg/cache'),
    XDG_STATE_HOME: sub('xdg/state'),
    XDG_RUNTIME_DIR: sub('xdg/runtime'),
  };
  return { ...paths, env };
}

export function removeRunDir(dir) {
  if (!dir) return;
  if (process.env.KEEP_TMP === '1') {
    log(`KEEP_TMP=1: kept ${dir}`);
    return;
  }
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch (e) {
    log(`could not remove ${dir}: ${e.message}`);
  }
}

/**
 * Start a long-running process in its own process group (so that it and everything it spawns can be killed
 * together with killGroup), its output appended to `logFile` and handed to `onLine` line by line.
 */
export function startDetached(cmd, args, { cwd = ROOT, env, logFile, onLine } = {}) {
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const file = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
  const listeners = new Set(onLine ? [onLine] : []);
  /** Subscribe to the output, line by line; returns an unsubscribe function. */
  child.onLine = (fn) => {
    listeners.add(fn);
    return () => listeners.delete(fn);
  };
  let partial = '';
  const onData = (chunk) => {
    const text = chunk.toString();
    file?.write(text);
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) for (const fn of listeners) fn(line);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.on('close', () => file?.end());
  return child;
}

/** SIGTERM a process group, then SIGKILL it if it is still there after `graceMs`. */
export async function killGroup(child, graceMs = 2000) {
  if (!child?.pid) return;
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
      return true;
    } catch {
      return false; // already gone
    }
  };
  if (!signal('SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await sleep(100);
    if (!signal(0)) return;
  }
  signal('SIGKILL');
}

/** Resolve when `matcher` is true for a line of a startDetached child's output; reject on its exit or timeout. */
export function waitForLine(child, matcher, timeoutMs, what) {
  return new Promise((resolvePromise, reject) => {
    let unsubscribe = () => {};
    const done = (settle, value) => {
      clearTimeout(timer);
      unsubscribe();
      child.off('exit', onExit);
      settle(value);
    };
    const onExit = (code, sig) => done(reject, fail(`${what}: the process exited early (${sig ?? `exit ${code}`})`));
    const timer = setTimeout(() => done(reject, fail(`timed out after ${seconds(timeoutMs)} waiting for ${what}`)), timeoutMs);
    unsubscribe = child.onLine((line) => {
      if (matcher(line)) done(resolvePromise, line);
    });
    child.once('exit', onExit);
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
