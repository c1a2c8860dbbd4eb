// Takes the README screenshots of the demo page, docs/demo.png (Russian) and docs/demo-en.png
// (English), in Debian's Chromium through playwright-core. It starts its own demo server on a free
// port and blocks every request that is not to that server, so it runs offline. It does not build:
// `npm run screenshot` builds first.

import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startDemoServer } from './serve-demo.mjs';

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const VIEWPORT = { width: 1280, height: 900 };
const MAX_HEIGHT = 1800; // the picture ends below the two columns (the footer adds nothing), at most this tall
const RENDER_TIMEOUT_MS = 15_000;

const SHOTS = [
  { lang: 'ru', query: '', file: 'docs/demo.png' },
  { lang: 'en', query: '?lang=en', file: 'docs/demo-en.png' },
];

/** Runs in the page: what is still missing before both widgets show their content. */
function missingContent() {
  const missing = [];
  for (const tag of ['featured-story', 'recent-posts']) {
    if (!customElements.get(tag)) missing.push(`<${tag}> is not defined`);
  }
  const story = document.querySelector('featured-story');
  const posts = document.querySelector('recent-posts');
  if (!story?.shadowRoot?.querySelector('[part~="title"]')) missing.push('<featured-story> has no [part~="title"]');
  if (!posts?.shadowRoot?.querySelector('[part~="item"]')) missing.push('<recent-posts> has no [part~="item"]');
  return missing;
}

/** Runs in the page: waits for every image, the widgets' shadow roots included, and for fonts. */
async function settle() {
  const roots = [document, ...[...document.querySelectorAll('featured-story, recent-posts')].map((el) => el.shadowRoot).filter(Boolean)];
  const images = roots.flatMap((root) => [...root.querySelectorAll('img')]);
  await Promise.all(images.map((img) => img.decode().catch(() => {})));
  await document.fonts.ready;
}

async function shoot(browser, server, { lang, query, file }) {
  const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('requestfailed', (request) => {
    if (new URL(request.url()).origin === server.origin) {
      problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  // Offline by construction: only the demo server may be reached.
  await page.route('**/*', (route) =>
    new URL(route.request().url()).origin === server.origin ? route.continue() : route.abort('blockedbyclient'),
  );

  const url = server.url + query;
  await page.goto(url, { waitUntil: 'load' });
  // Polled from here: waitForFunction compiles its predicate in the page, which the demo's Trusted
  // Types policy (require-trusted-types-for 'script') blocks; page.evaluate of a function is not.
  const deadline = Date.now() + RENDER_TIMEOUT_MS;
  let missing = await page.evaluate(missingContent);
  while (missing.length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    missing = await page.evaluate(missingContent).catch(() => ['(page could not be inspected)']);
  }
  if (missing.length) {
    throw new Error(
      [
        `${url}: the widgets did not render within ${RENDER_TIMEOUT_MS / 1000} s:`,
        ...missing.map((m) => `  - ${m}`),
        ...problems.map((p) => `  - ${p}`),
      ].join('\n'),
    );
  }
  const pageLang = await page.evaluate(() => document.documentElement.lang);
  if (pageLang !== lang) throw new Error(`${url}: expected <html lang="${lang}">, found "${pageLang}"`);

  await page.evaluate(settle);
  await page.waitForLoadState('networkidle');

  const height = await page.evaluate((max) => {
    const pageHeight = document.documentElement.scrollHeight;
    const columns = document.querySelector('.layout');
    const columnsEnd = columns ? Math.ceil(columns.getBoundingClientRect().bottom + scrollY) + 24 : pageHeight;
    return Math.min(pageHeight, columnsEnd, max);
  }, MAX_HEIGHT);
  const out = path.join(rootDir, file);
  await page.screenshot({
    path: out,
    fullPage: true,
    clip: { x: 0, y: 0, width: VIEWPORT.width, height },
    animations: 'disabled',
    caret: 'hide',
  });
  await page.close();
  const { size } = await stat(out);
  console.log(`${file}: ${VIEWPORT.width}×${height}, ${Math.round(size / 1024)} KB`);
  if (problems.length) console.warn(problems.map((p) => `  warning: ${p}`).join('\n'));
}

async function main() {
  if (!existsSync(path.join(rootDir, 'dist', 'news-widgets.js'))) {
    throw new Error('dist/news-widgets.js is missing: run `npm run build` first (`npm run screenshot` does).');
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  await mkdir(path.join(rootDir, 'docs'), { recursive: true });

  const server = await startDemoServer({ port: 0 });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    for (const shot of SHOTS) await shoot(browser, server, shot);
  } finally {
    await browser?.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(`screenshot: ${error.message}`);
  process.exitCode = 1;
});
