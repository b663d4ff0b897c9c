// The plain VS Code server inside the code-server package (lib/vscode/out/server-main.js), run with Node 24.
import { join } from 'node:path';
import { fail, freePort, startDetached, waitForLine } from './util.mjs';

/**
 * Start the server in its own process group on a free port of 127.0.0.1 and wait until it listens.
 * `run` is a makeRunDir() result (its data folders and TMPDIR/XDG_* environment are used).
 * Returns { child, port, base }; stop it with killGroup(child). `workspaceTrust: true` leaves workspace trust on
 * (the restricted-mode tests); by default it is disabled, so the test workspace is trusted.
 */
export async function startVSCodeServer(tools, run, { logFile, args = [], readyTimeoutMs = 60_000, workspaceTrust = false } = {}) {
  const port = await freePort();
  const child = startDetached(
    tools.node24,
    [
      join(tools.vscode, 'out', 'server-main.js'),
      '--host', '127.0.0.1',
      '--port', String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      // A built web workbench ignores the extension-tests payload unless the smoke-test driver is enabled.
      '--enable-smoke-test-driver',
      '--disable-telemetry',
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--server-data-dir', run.serverData,
      '--user-data-dir', run.userData,
      '--extensions-dir', run.extensions,
      ...args,
    ],
    { cwd: run.dir, env: { ...process.env, ...run.env }, logFile },
  );
  await waitForLine(child, (line) => line.includes('Extension host agent listening'), readyTimeoutMs, 'the VS Code server to listen');
  return { child, port, base: `http://127.0.0.1:${port}` };
}

const decodeEntities = (s) =>
  s.replace(/&(quot|amp|lt|gt|apos|#39|#x27);/g, (_, e) => ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", '#39': "'", '#x27': "'" })[e]);

/** The workbench configuration the server embeds in its page (meta#vscode-workbench-web-configuration). */
export async function workbenchConfig(base) {
  const res = await fetch(`${base}/`);
  const html = await res.text();
  const tag = html.match(/<meta\s+id="vscode-workbench-web-configuration"[^>]*>/)?.[0];
  const settings = tag?.match(/data-settings="([^"]*)"/)?.[1];
  if (!settings) throw fail(`no workbench configuration in the page served at ${base}/ (HTTP ${res.status})`);
  return JSON.parse(decodeEntities(settings));
}
