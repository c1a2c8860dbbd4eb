// The project's own commands, run as a developer or CI runs them: the demo server behind
// `npm start`, the browser check behind `npm test`, and what the bundles must not contain.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { test } from 'node:test';
import { startDemoServer, STRICT_CSP } from '../../scripts/serve-demo.mjs';

const root = new URL('../../', import.meta.url);

test('the demo server serves the page under the strict CSP, with the sample feed dated at request time', async () => {
  const server = await startDemoServer({ port: 0 });
  try {
    assert.match(server.url, /^http:\/\/localhost:\d+\/demo\/$/);
    const page = await fetch(server.url);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-security-policy'), STRICT_CSP);
    assert.match(await page.text(), /<featured-story[\s\S]*<recent-posts/);
    const theming = await fetch(new URL('theming.html', server.url));
    assert.equal(theming.status, 200);
    assert.equal(theming.headers.get('content-security-policy'), STRICT_CSP);
    const before = Date.now();
    const response = await fetch(new URL('feeds/news.ru.json', server.url));
    assert.match(response.headers.get('content-type'), /^application\/feed\+json/);
    const feed = await response.json();
    const hoursAgo = feed.items.map((item) => Math.round((before - Date.parse(item.date_published)) / 3_600_000));
    assert.ok(hoursAgo.includes(9) && hoursAgo.includes(22), `hours ago: ${hoursAgo}`);
  } finally {
    await server.stop();
  }
});

test('npm test stops with one line naming the packages to install where it cannot install them', () => {
  const result = spawnSync(process.execPath, ['scripts/ensure-browsers.mjs'], {
    cwd: root,
    encoding: 'utf8',
    // No apt-get on this PATH and a Chromium that does not exist: nothing can be installed.
    env: { PATH: dirname(process.execPath), CHROME_PATH: '/nonexistent/chromium', NEWS_WIDGETS_BROWSERS: 'chromium' },
  });
  assert.equal(result.status, 1);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0], /apt-get install chromium$/);
});

test('the bundles ship neither the ICU message parser nor lit development code', () => {
  const chunks = readdirSync(new URL('dist/chunks/', root)).map((file) => `dist/chunks/${file}`);
  for (const bundle of ['dist/news-widgets.js', 'dist/news-widgets.iife.js', ...chunks]) {
    const code = readFileSync(new URL(bundle, root), 'utf8');
    // Error names only the parser has, and the warning only lit's development build prints.
    assert.ok(!/EXPECT_ARGUMENT_CLOSING_BRACE|MALFORMED_ARGUMENT/.test(code), `${bundle} contains the ICU parser`);
    assert.ok(!code.includes('Lit is in dev mode'), `${bundle} contains lit's development build`);
  }
});

test('no locale data but English in the files every page loads: other locales are chunks of their own', () => {
  const localesDir = new URL('src/i18n/locales/', root);
  for (const file of readdirSync(localesDir)) {
    const locale = file.replace(/\.json$/, '');
    if (locale === 'en') continue;
    const { recentPostsHeading, loading } = JSON.parse(readFileSync(new URL(file, localesDir), 'utf8'));
    for (const bundle of ['dist/news-widgets.js', 'dist/news-widgets.iife.js']) {
      const code = readFileSync(new URL(bundle, root), 'utf8');
      for (const words of [recentPostsHeading, loading]) assert.ok(!code.includes(words), `${bundle} carries the ${locale} words "${words}"`);
    }
  }
});
