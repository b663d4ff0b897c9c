// The same integration suite under @vscode/test-electron (desktop VS Code), for contributors with internet access:
//
//   npm run build && npm run test:electron
//
// test-electron downloads VS Code from update.code.visualstudio.com into .vscode-test/ unless
// VSCODE_EXECUTABLE_PATH points at a local VS Code (the `code` binary's real executable, e.g.
// /usr/share/code/code). Offline, the download fails within seconds and this script says so; use
// `npm run test:vscode` (real VS Code server + web workbench, installed from npm) instead.
// Environment: VSCODE_EXECUTABLE_PATH, VSCODE_VERSION (default: newest matching engines.vscode), KEEP_TMP=1,
// CORPUS_NAV_GREP=<text> (only the matching tests), CORPUS_NAV_TEST_TIMEOUT_MS (default 600000).
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT, fail, log, makeRunDir, removeRunDir, seconds } from './harness/util.mjs';

const TIMEOUT_MS = Number(process.env.CORPUS_NAV_TEST_TIMEOUT_MS ?? 600_000);
const NETWORK_ERROR = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|timeout|Failed to download|Error retrieving VS Code versions/i;

async function main() {
  const t0 = Date.now();
  for (const f of ['dist/extension.js', 'out/test/integration/index.js']) {
    if (!existsSync(join(ROOT, f))) throw fail(`${f} is missing: run \`npm run build\` first`);
  }
  const executable = process.env.VSCODE_EXECUTABLE_PATH;
  if (executable && !existsSync(executable)) throw fail(`VSCODE_EXECUTABLE_PATH=${executable} does not exist`);

  const run = makeRunDir('corpus-nav-electron');
  try {
    cpSync(join(ROOT, 'seeds'), join(run.workspace, 'seeds'), { recursive: true });
    const options = {
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(ROOT, 'out', 'test', 'integration', 'index'),
      launchArgs: [run.workspace, '--disable-extensions'],
      extensionTestsEnv: {
        CORPUS_NAV_WORKSPACE: run.workspace,
        ...(process.env.CORPUS_NAV_GREP ? { CORPUS_NAV_GREP: process.env.CORPUS_NAV_GREP } : {}),
      },
      // An idle timeout for each request of the download: a silent network fails instead of hanging.
      timeout: 20_000,
      ...(executable ? { vscodeExecutablePath: executable } : {}),
      ...(process.env.VSCODE_VERSION ? { version: process.env.VSCODE_VERSION } : {}),
    };
    log(executable ? `VS Code: ${executable}` : 'VS Code: downloading through @vscode/test-electron (cached in .vscode-test/)…');
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(fail(`TIMEOUT: the tests did not finish within ${seconds(TIMEOUT_MS)} (limit: CORPUS_NAV_TEST_TIMEOUT_MS)`)), TIMEOUT_MS);
    });
    let code;
    try {
      code = await Promise.race([runTests(options), timeout]);
    } catch (e) {
      if (e?.harness) throw e;
      if (e?.name === 'TestRunFailedError' || typeof e?.code === 'number' || /Test run failed/i.test(String(e?.message))) {
        code = typeof e.code === 'number' ? e.code : 1;
      } else if (!executable && NETWORK_ERROR.test(`${e?.message} ${e?.code} ${e?.cause?.message ?? ''}`)) {
        throw fail(
          `could not download VS Code (${e?.message ?? e}): no internet access to update.code.visualstudio.com?\n` +
            `  Either point VSCODE_EXECUTABLE_PATH at a local VS Code executable, or run the same suite offline with\n` +
            `  \`npm run test:vscode\` (real VS Code server + web workbench, installed from npm).`,
        );
      } else {
        throw e;
      }
    } finally {
      clearTimeout(timer);
    }
    log(`${code === 0 ? 'PASSED' : `FAILED (exit code ${code})`} in ${seconds(Date.now() - t0)}`);
    return code;
  } finally {
    removeRunDir(run.dir);
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[harness] ${e?.harness ? e.message : (e?.stack ?? e)}`);
    process.exit(1);
  },
);
