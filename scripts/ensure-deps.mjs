// Runs before `npm test` and `npm start`: on a fresh clone, installs the npm dependencies once (`npm ci`),
// so that the README's quick start is two commands; before `npm test`, also Debian's sphinxsearch (searchd, for the
// archive tests) when it is missing and apt-get can run. Plain Node, no dependencies.
import { existsSync, readFileSync } from 'node:fs';
import { execSync, spawnSync } from 'node:child_process';

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

// The archive tests start a real searchd (test/support/sphinxCluster.ts); they fail, saying so, without one.
const hasSearchd = ['/usr/bin/searchd', '/usr/sbin/searchd', '/usr/local/bin/searchd', process.env.SEARCHD].some((p) => p && existsSync(p));
if (process.env.npm_lifecycle_event === 'pretest' && !hasSearchd) {
  const root = process.getuid?.() === 0;
  const sudo = !root && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (apt && (root || sudo)) {
    const p = sudo ? 'sudo -n ' : '';
    console.log('[deps] installing searchd for the archive tests (apt-get install -y sphinxsearch)…');
    execSync(`${p}apt-get update && ${p}apt-get install -y sphinxsearch`, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.log('[deps] searchd is missing and cannot be installed here: install sphinxsearch (or Manticore) for the archive tests');
  }
}
