/**
 * Which browsers the test suite runs in, and where their Debian packages put them. Shared by
 * scripts/ensure-browsers.mjs, scripts/run-tests.mjs and web-test-runner.config.mjs so that the
 * three agree. Node builtins only: ensure-browsers runs before anything else is checked.
 *
 * NEWS_WIDGETS_BROWSERS=chromium,firefox,webkit (the default) picks a subset.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
export const FIREFOX_PATH = '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER_PATH = '/usr/bin/WebKitWebDriver';
/** MiniBrowser lives under the multiarch library directory (libwebkit2gtk-4.1-0). */
export const MINIBROWSER_PATH =
  ['x86_64-linux-gnu', 'aarch64-linux-gnu']
    .map(arch => `/usr/lib/${arch}/webkit2gtk-4.1/MiniBrowser`)
    .find(path => existsSync(path)) ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export const ALL_BROWSERS = ['chromium', 'firefox', 'webkit'];

/** The browsers named by NEWS_WIDGETS_BROWSERS, in a stable order; throws on an unknown name. */
export function selectedBrowsers(value = process.env.NEWS_WIDGETS_BROWSERS) {
  const names = (value || ALL_BROWSERS.join(','))
    .split(',')
    .map(name => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter(name => !ALL_BROWSERS.includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(
      `NEWS_WIDGETS_BROWSERS=${value}: expected a comma list of ${ALL_BROWSERS.join(', ')}`,
    );
  }
  return ALL_BROWSERS.filter(name => names.includes(name));
}
