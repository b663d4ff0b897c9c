// Packaging the built extension (dist/ from `npm run build`) with @vscode/vsce, and installing a .vsix into the VS
// Code server's extensions folder, offline. Used by `npm run test:vsix` (scripts/vscode-test.mjs --vsix).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, run } from './util.mjs';

/** The same flags as `npm run package`: no npm dependency scan (esbuild bundled them), no repository yet. */
export const VSCE_FLAGS = ['--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];

/** The id VS Code gives the extension (publisher.name) and its version, from package.json. */
export function extensionIdentity() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return { id: `${pkg.publisher}.${pkg.name}`, version: pkg.version };
}

/** `vsce package` into `file` (quietly; its output is shown if it fails). */
export async function packageVsix(file, { env = process.env } = {}) {
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  await run(process.execPath, [vsce, 'package', ...VSCE_FLAGS, '-o', file], { env, quiet: true });
  return file;
}

/**
 * Install `file` into `runDir.extensions` with the VS Code server's own command line (server-main.js
 * --install-extension), as `code --install-extension` would; the server started afterwards on the same folders
 * loads it like any installed extension.
 */
export async function installVsix(tools, runDir, file) {
  const server = join(tools.vscode, 'out', 'server-main.js');
  const args = [server, '--accept-server-license-terms', '--server-data-dir', runDir.serverData, '--user-data-dir', runDir.userData, '--extensions-dir', runDir.extensions];
  await run(tools.node24, [...args, '--install-extension', file], { env: { ...process.env, ...runDir.env }, quiet: true });
  const listed = await run(tools.node24, [...args, '--list-extensions', '--show-versions'], { env: { ...process.env, ...runDir.env }, quiet: true });
  return listed.output.split('\n').map((l) => l.trim()).filter(Boolean);
}
