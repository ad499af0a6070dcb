// `npm test`: type check, lint, unit tests, build, checks over dist/, then browser tests against the
// production server. Stops at the first failing stage and says which one. Stage names as arguments
// run only those stages: `node scripts/test.ts unit build dist e2e`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { childEnvironment } from '../src/config.ts';
import { chromiumPath, noChromiumMessage } from './support/chromium.ts';

function findBrowser(): string {
  const found = chromiumPath();
  if (found) return found;
  // On Debian as root we can install the distribution's Chromium ourselves.
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log("No Chromium found: installing Debian's chromium package...");
    run('apt-get', ['update', '-qq'], 'apt-get update');
    run('apt-get', ['install', '-y', '-qq', 'chromium'], 'install chromium');
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  console.error(noChromiumMessage);
  process.exit(1);
}

// What every command gets; CHROME_PATH joins it once a browser is found.
let env = childEnvironment();

function run(command: string, args: string[], stage: string, settings: Record<string, string> = {}): void {
  const started = Date.now();
  console.log(`\n▶ ${stage}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: childEnvironment(settings, env) });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${stage} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${stage} (${seconds} s)`);
}

const stages = process.argv.slice(2);
const want = (stage: string) => stages.length === 0 || stages.includes(stage);
env = childEnvironment({ CHROME_PATH: findBrowser() });

// Generated holiday data is imported by the planner's code, so it must exist before anything else.
run('npm', ['run', 'data'], 'holiday data');
if (want('check')) run('npx', ['astro', 'check', '--minimumSeverity', 'warning'], 'type check (astro check)');
if (want('check')) run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'], 'type check (tsc)');
if (want('lint')) run('npm', ['run', 'lint'], 'lint');
if (want('unit')) run('npx', ['vitest', 'run'], 'unit tests');
// The tests' build includes the test-only pages (tests/fixtures/articles); `npm start`'s build never does.
if (want('build')) run('npm', ['run', 'build'], 'build', { TEST_FIXTURES: '1' });
if (want('dist')) run('npx', ['vitest', 'run', '--config', 'tests/build/vitest.config.ts'], 'checks over dist/');
if (want('e2e')) run('npx', ['playwright', 'test'], 'browser tests');
console.log('\nAll test stages passed.');
