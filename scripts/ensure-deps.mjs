// Runs before `npm test` and `npm start`: on a fresh clone, installs the npm dependencies once (`npm ci`),
// so that the README's quick start is two commands. Plain Node, no dependencies.
import { existsSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const wanted = Object.keys(lock.packages?.['']?.devDependencies ?? {});
const missing = wanted.filter((name) => !existsSync(`node_modules/${name}/package.json`));
if (missing.length > 0) {
  console.log(`[deps] installing npm dependencies (missing: ${missing.join(', ')})…`);
  execSync('npm ci --no-audit --no-fund', {
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
}
