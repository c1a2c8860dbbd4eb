#!/usr/bin/env node
/**
 * Makes sure the browsers the test suite drives are installed, from Debian packages: nothing in
 * this project downloads a browser of its own. Silent when all are present. When some are missing
 * and we are root on a Debian-like system, installs them with apt-get; otherwise exits 1 with one
 * line naming the packages to install. Honours NEWS_WIDGETS_BROWSERS (see scripts/browsers.mjs).
 * Node builtins only.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import {
  CHROMIUM_PATH,
  FIREFOX_PATH,
  MINIBROWSER_PATH,
  WEBKIT_DRIVER_PATH,
  selectedBrowsers,
} from './browsers.mjs';

/** What each browser needs: an executable (absolute path or a name on PATH) and its package. */
const REQUIREMENTS = {
  chromium: [[CHROMIUM_PATH, 'chromium']],
  firefox: [[FIREFOX_PATH, 'firefox-esr']],
  webkit: [
    [WEBKIT_DRIVER_PATH, 'webkit2gtk-driver'],
    [MINIBROWSER_PATH, 'webkit2gtk-driver'], // libwebkit2gtk-4.1-0, a dependency of the driver
    ['xvfb-run', 'xvfb'],
    ['xauth', 'xauth'],
  ],
};

function isExecutable(file) {
  const candidates = file.includes('/')
    ? [file]
    : (process.env.PATH ?? '').split(delimiter).map(dir => join(dir, file));
  return candidates.some(candidate => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function missingPackages(browsers) {
  const missing = browsers
    .flatMap(browser => REQUIREMENTS[browser])
    .filter(([file]) => !isExecutable(file))
    .map(([, pkg]) => pkg);
  return [...new Set(missing)];
}

let browsers;
try {
  browsers = selectedBrowsers();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

let missing = missingPackages(browsers);
const canInstall = process.getuid?.() === 0 && isExecutable('apt-get');

if (missing.length > 0 && canInstall) {
  console.log(`news-widgets: installing ${missing.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // An update failure (one unreachable mirror) should not stop an install from the lists we have.
  spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  // --no-install-recommends still brings fonts-dejavu-core (Latin and Cyrillic, via fontconfig)
  // and Mesa's software GL: on a minimal Debian 12 all three browsers pass the suite with it.
  spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env,
  });
  missing = missingPackages(browsers);
}

if (missing.length > 0) {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  console.error(`news-widgets tests need Debian packages: ${sudo}apt-get install ${missing.join(' ')}`);
  process.exit(1);
}
