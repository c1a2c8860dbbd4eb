// Runs test/**/*.test.{ts,tsx} in Chromium, Firefox ESR and WebKitGTK from Debian packages. Start it with
// scripts/run-tests.mjs, which also runs WebKitWebDriver; NEWS_WIDGETS_BROWSERS picks a subset.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_PATH, FIREFOX_PATH, MINIBROWSER_PATH, selectedBrowsers } from './scripts/browsers.mjs';
import { cjsPackages } from './test/server/cjs-packages.mjs';
import { fixtureRoutes } from './test/server/fixture-routes.mjs';
import { mediaFeaturesPlugin } from './test/server/media-features.mjs';
import { demoCspMiddleware, demoFeedMiddleware } from './scripts/serve-demo.mjs';

const puppeteerLauncher = options =>
  chromeLauncher({ puppeteer, launchOptions: { headless: true, ...options } });
const launchers = {
  chromium: () => puppeteerLauncher({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox',
    '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'] }),
  // The remote agent turns off updates and telemetry; release builds honour the remote-settings
  // pref only with MOZ_REMOTE_SETTINGS_DEVTOOLS. With these, Firefox stays on localhost.
  firefox: () => puppeteerLauncher({ browser: 'firefox', executablePath: FIREFOX_PATH,
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: { 'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'network.proxy.type': 0, 'network.trr.mode': 5 } }),
  // MiniBrowser has no headless mode: run-tests.mjs runs the driver under Xvfb. WebKitWebDriver
  // refuses webdriverio's default BiDi session ("Failed to match capabilities"): classic only.
  webkit: () => webdriverLauncher({
    hostname: '127.0.0.1', port: Number(process.env.NEWS_WIDGETS_WEBKIT_DRIVER_PORT || 4444),
    capabilities: { browserName: 'MiniBrowser', 'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] } } }),
};

export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)), // wtr's default is the cwd at import time
  files: 'test/**/*.test.{ts,tsx}',
  nodeResolve: true,
  middleware: [fixtureRoutes(), demoCspMiddleware, demoFeedMiddleware], // the demo as `npm start` serves it
  plugins: [
    // React is CommonJS only: served as ES modules for test/frameworks/react.test.tsx.
    cjsPackages(fileURLToPath(new URL('.', import.meta.url)), ['react', 'react/jsx-runtime', 'react-dom', 'react-dom/client']),
    esbuildPlugin({ ts: true, tsx: true,
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    mediaFeaturesPlugin(), // forced-colors for test/a11y/media.test.ts (Chromium)
    // test/visual/: baselines in test/screenshots/<browser>/baseline/ (committed), new images and
    // diffs of a failure in …/failed/ (ignored). `npm run test:update-screenshots` rewrites baselines.
    visualRegressionPlugin({
      update: process.env.NEWS_WIDGETS_UPDATE_SCREENSHOTS === '1',
      baseDir: fileURLToPath(new URL('./test/screenshots', import.meta.url)),
      // Per-pixel colour tolerance well below pixelmatch's default 0.1, which lets a slightly changed
      // text colour pass; antialiased pixels are told apart by pixelmatch itself.
      diffOptions: { threshold: 0.02 },
      failureThresholdType: 'percent',
      failureThreshold: 0.01,
    }),
  ],
  browsers: selectedBrowsers().map(name => launchers[name]()),
  concurrency: 1, // one test file at a time per browser; WebKit's launcher needs it (else iframes)
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 120_000,
  testFramework: { config: { timeout: 10_000 } },
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
};
