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

test('the demo server sends text compressed, as a production server would, and the same bytes', async () => {
  const server = await startDemoServer({ port: 0 });
  try {
    for (const [path, file] of [['dist/news-widgets.js', 'dist/news-widgets.js'], ['demo/theming.html', 'demo/theming.html'], ['demo/demo.css', 'demo/demo.css']]) {
      for (const encoding of ['br', 'gzip']) {
        // fetch() decodes the body itself; the header says how it travelled.
        const response = await fetch(new URL(path, server.origin), { headers: { 'accept-encoding': encoding } });
        assert.equal(response.headers.get('content-encoding'), encoding, `${path} with ${encoding}`);
        assert.match(response.headers.get('vary'), /accept-encoding/i);
        assert.ok(Number(response.headers.get('content-length')) < readFileSync(new URL(file, root)).length / 2, `${path} with ${encoding}`);
        assert.equal(await response.text(), readFileSync(new URL(file, root), 'utf8'));
      }
    }
    const page = await fetch(server.url, { headers: { 'accept-encoding': 'br' } });
    assert.equal(page.headers.get('content-encoding'), 'br');
    assert.match(await page.text(), /<featured-story[\s\S]*<recent-posts/);
    const feed = await fetch(new URL('feeds/news.ru.json', server.url), { headers: { 'accept-encoding': 'br' } });
    assert.equal(feed.headers.get('content-encoding'), 'br');
    assert.ok((await feed.json()).items.length > 0);
    const plain = await fetch(new URL('dist/news-widgets.js', server.origin), { headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(await plain.text(), readFileSync(new URL('dist/news-widgets.js', root), 'utf8'));
  } finally {
    await server.stop();
  }
});

test('the demo news page hints the chunks its widgets import on load: the story\'s code, its language\'s words and the sanitizer', async () => {
  const server = await startDemoServer({ port: 0 });
  try {
    const hints = async (query) => {
      const page = await (await fetch(new URL(query, server.url))).text();
      const found = [...page.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => match[1]);
      // Before the bundle's script, so the browser has them on its way when it starts the bundle.
      if (found.length) assert.ok(page.indexOf(found.at(-1)) < page.indexOf('src="../dist/news-widgets.js"'));
      for (const href of found) assert.equal((await fetch(new URL(href, server.url))).status, 200, href);
      return found.map((href) => href.replace(/^\.\.\/dist\/chunks\/(.+)-[\w-]{6}\.js$/, '$1'));
    };
    assert.deepEqual(await hints(''), ['featured-story', 'ru.core', 'sanitize-html']);
    assert.deepEqual(await hints('?lang=kk-KZ'), ['featured-story', 'kk.core', 'sanitize-html']);
    // Traditional Chinese by its script or its region, Simplified otherwise, as the widgets choose.
    for (const lang of ['zh-Hant', 'zh-hant', 'zh-TW', 'zh_HK', 'zh-MO']) assert.deepEqual(await hints(`?lang=${lang}`), ['featured-story', 'zh-Hant.core', 'sanitize-html'], lang);
    for (const lang of ['zh', 'zh-CN', 'zh-SG']) assert.deepEqual(await hints(`?lang=${lang}`), ['featured-story', 'zh.core', 'sanitize-html'], lang);
    assert.deepEqual(await hints('?lang=en'), ['featured-story', 'sanitize-html']); // English words are in the bundle
    assert.deepEqual(await hints('?lang=xx'), ['featured-story', 'ru.core', 'sanitize-html']); // demo.js shows Russian then
    assert.deepEqual(await hints('theming.html'), []);
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
  // The classic bundle is ASCII (terser's ascii_only): its non-ASCII words are escapes, "\u6700\u65b0".
  const escaped = (text) =>
    text.replace(/[^\x00-\x7f]/g, (char) => (char.charCodeAt(0) < 0x100 ? '\\x' : '\\u') + char.charCodeAt(0).toString(16).padStart(char.charCodeAt(0) < 0x100 ? 2 : 4, '0'));
  for (const file of readdirSync(localesDir)) {
    const locale = file.replace(/\.json$/, '');
    if (locale === 'en') continue;
    const { recentPostsHeading, loading } = JSON.parse(readFileSync(new URL(file, localesDir), 'utf8'));
    for (const bundle of ['dist/news-widgets.js', 'dist/news-widgets.iife.js']) {
      const code = readFileSync(new URL(bundle, root), 'utf8');
      for (const words of [recentPostsHeading, loading]) assert.ok(!code.includes(words) && !code.includes(escaped(words)), `${bundle} carries the ${locale} words "${words}"`);
    }
  }
});
