// Finds a Chromium/Chrome binary for the browser tests.
//
// Why not Playwright's own browser: its download needs hosts this project's machines
// cannot reach, so we drive the distribution's Chromium with playwright-core instead.
// Why it may install: a fresh CI machine has no Chromium, and Debian's package is the
// one source that works there (we run as root on those machines).
//
// CLI:  node scripts/find-chrome.mjs [--no-install]
//       prints the path on stdout (install progress goes to stderr), exit 1 if none.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const FIXED_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export const INSTALL_HINT =
  'No Chromium/Chrome found: install Chromium (Debian: apt-get install -y chromium) or set CHROME_PATH.';

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** Looks without installing anything. Returns the path or undefined. */
export function locateChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    // An explicit CHROME_PATH that is wrong is a configuration error: say so, don't guess.
    if (!isExecutable(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} is not an executable file.`);
    return fromEnv;
  }
  return FIXED_PATHS.find(isExecutable) ?? PATH_NAMES.map(onPath).find(Boolean);
}

function canAptInstall() {
  return process.getuid?.() === 0 && existsSync('/etc/debian_version') && Boolean(onPath('apt-get'));
}

function run(cmd, args) {
  // stdout goes to stderr so that the CLI's stdout stays exactly the path.
  const r = spawnSync(cmd, args, {
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}).\n${INSTALL_HINT}`);
}

/**
 * Returns the path of a Chromium/Chrome. When none is found and we are root on Debian
 * (and install is not false), installs Debian's chromium package first.
 * Throws an Error whose message says what to install.
 */
export function findChrome({ install = true } = {}) {
  const found = locateChrome();
  if (found) return found;
  if (!install || !canAptInstall()) throw new Error(INSTALL_HINT);
  process.stderr.write('find-chrome: no Chromium found; installing Debian package "chromium"...\n');
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium']);
  const after = locateChrome();
  if (!after) throw new Error(`apt-get installed chromium but no binary was found.\n${INSTALL_HINT}`);
  return after;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(findChrome({ install: !process.argv.includes('--no-install') }));
  } catch (err) {
    console.error(`find-chrome: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
