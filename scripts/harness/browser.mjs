// Headless Debian chromium driven by playwright-core (never playwright's own browser downloads).
import { chromium } from 'playwright-core';

/** Flags verified on these machines (see /work/shared/notes/real-vscode.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Without it the workbench's websocket to 127.0.0.1 fails with ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS.
  '--disable-features=LocalNetworkAccessChecks',
];

/** Launch chromium with a fresh profile in `profileDir`; returns the context and its first page. */
export async function launchBrowser({ executablePath, profileDir, env, viewport = { width: 1400, height: 900 } }) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    env: { ...process.env, ...env },
    timeout: 60_000,
    // Our scripts handle the signals themselves: playwright's own handlers would exit(130) before they clean up.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, version: context.browser()?.version() };
}
