// Server-rendered widgets in a real browser (Debian's Chromium through playwright-core): with
// JavaScript off the snippet is the finished, styled widget with absolute dates; with the bundle the
// elements take over with no feed request, no frame without content, no layout shift, and live
// relative times. Needs `npm run build`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../../scripts/browsers.mjs';
import { renderWidget } from '../../dist/lib/server/index.js';

const scriptSafe = (data) => JSON.stringify(data).replace(/</g, '\\u003c');

const root = new URL('../../', import.meta.url);
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const hour = 3_600_000;

let server;
let origin;
let browser;
const requests = [];

function feed() {
  const now = Date.now();
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Городские новости',
    items: [
      {
        id: 'bridge',
        url: `${origin}/news/bridge.html`,
        title: 'Открыли новый мост',
        summary: 'Движение по мосту открыто в среду.',
        content_html: '<p>Мост соединил <strong>два района</strong>.</p><img src="/images/old-bridge.png" onerror="window.__xss = 1"><script>window.__xss = 2</script>',
        image: `${origin}/images/bridge.png`,
        date_published: new Date(now - 3 * hour).toISOString(),
        _news_widgets: { featured: true },
      },
      { id: 'cleanup', url: `${origin}/news/cleanup.html`, title: 'Субботник в субботу', summary: 'Жители уберут дворы и скверы.', date_published: new Date(now - 5 * hour).toISOString() },
      { id: 'library', url: `${origin}/news/library.html`, title: 'Библиотеки работают дольше', summary: 'До 21:00 по будням.', date_published: new Date(now - 30 * hour).toISOString() },
    ],
  };
}

function page(withScript) {
  const data = feed();
  const attributes = { lang: 'ru', 'time-zone': 'Europe/Moscow' };
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>SSR</title>
${withScript ? `<script>
  // Samples every frame before it paints: a shadow root without a title link would be a flash.
  window.__frames = []; window.__flash = [];
  (function sample() {
    for (const el of document.querySelectorAll('recent-posts, featured-story')) {
      // An element the parser has not finished yet (its template not attached) is not a flash.
      if (document.readyState === 'loading' && !el.nextElementSibling) continue;
      if (!el.shadowRoot || !el.shadowRoot.querySelector('[part~="title"] a')) window.__flash.push(el.localName);
    }
    window.__frames.push(performance.now());
    requestAnimationFrame(sample);
  })();
  window.__shifts = [];
  new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value))).observe({ type: 'layout-shift', buffered: true });
</script>` : ''}
</head><body style="max-width: 40rem">
${renderWidget({ element: 'featured-story', feed: data, attributes })}
${renderWidget({ element: 'recent-posts', feed: data, attributes: { ...attributes, limit: 3 } })}
<p id="after">Текст страницы после виджетов.</p>
${withScript ? '<script type="module" src="/dist/news-widgets.js"></script>' : ''}
</body></html>`;
}

before(async () => {
  const png = readFileSync(new URL('test/fixtures/feeds/images/bridge.png', root));
  const bundle = readFileSync(new URL('dist/news-widgets.js', root));
  server = createServer((request, response) => {
    requests.push(request.url);
    const path = new URL(request.url, 'http://x').pathname;
    if (path === '/plain.html' || path === '/scripted.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(path === '/scripted.html'));
    } else if (path === '/more.html' || path === '/more-scripted.html') {
      // "load more" needs the script: a snippet with it, and text below to see whether it moves.
      const more = renderWidget({ element: 'recent-posts', feed: feed(), attributes: { lang: 'ru', limit: 1, 'load-more': true } });
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="ru"><meta charset="utf-8"><body>
${more}<p id="after">Текст страницы.</p>
${path === '/more-scripted.html' ? '<script type="module" src="/dist/news-widgets.js"></script>' : ''}`);
    } else if (path === '/fallback.html' || path === '/fallback-scripted.html') {
      // Plain HTML fallback content, for sites without Node: a list of links inside the element.
      const data = scriptSafe(feed());
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="ru"><meta charset="utf-8"><body>
<recent-posts><ul><li><a id="fallback" href="/news/bridge.html">Открыли новый мост</a></li></ul><script type="application/feed+json">${data}</script></recent-posts>
${path === '/fallback-scripted.html' ? '<script type="module" src="/dist/news-widgets.js"></script>' : ''}`);
    } else if (path === '/dist/news-widgets.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    } else if (/^\/dist\/chunks\/[\w.-]+\.js$/.test(path)) {
      // The bundle's chunks: the page's words, the sanitizer (loaded on demand).
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(new URL(path.slice(1), root)));
    } else if (path.startsWith('/images/')) {
      response.writeHead(200, { 'content-type': 'image/png' }).end(png);
    } else response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS, headless: true });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** The hostile body as DOMPurify leaves it, whether sanitized on the server or in the browser. */
function assertSanitizedBody(html) {
  const body = html.replace(/<!--[^>]*-->/g, ''); // lit's markers
  assert.match(body, /^<p>Мост соединил <strong>два района<\/strong>\.<\/p><img [^>]+>$/);
  // Another picture than the story's image, which the body does not show a second time.
  assert.match(body, / src="http:\/\/127\.0\.0\.1:\d+\/images\/old-bridge\.png"/);
  assert.doesNotMatch(body, /onerror|script|__xss/);
}

/** What a reader sees of a widget: texts, links, computed styles, all through the open shadow root. */
function readWidget(tag) {
  const host = document.querySelector(tag);
  const root = host.shadowRoot;
  const visible = (el) => !!el && el.getBoundingClientRect().height > 0 && getComputedStyle(el).visibility !== 'hidden';
  const script = host.querySelector('script[type="application/feed+json"]');
  return {
    defined: !!customElements.get(tag),
    hostDisplay: getComputedStyle(host).display,
    titles: [...root.querySelectorAll('[part~="title"] a')].map((a) => ({ text: a.textContent.trim(), href: a.href, visible: visible(a), decoration: getComputedStyle(a).textDecorationLine })),
    times: [...root.querySelectorAll('time')].map((t) => ({ text: t.textContent.trim(), visible: visible(t), color: getComputedStyle(t).color, text_color: getComputedStyle(t.parentElement).color })),
    excerpts: [...root.querySelectorAll('[part~="excerpt"]')].map((p) => p.textContent.trim()),
    body: root.querySelector('[part~="body"]')?.innerHTML ?? null,
    bodyVisible: visible(root.querySelector('[part~="body"]')),
    image: root.querySelector('[part~="image"]')?.naturalWidth ?? null,
    listStyle: root.querySelector('[part~="list"]') ? getComputedStyle(root.querySelector('[part~="list"]')).listStyleType : null,
    scriptVisible: visible(script),
  };
}

test('without JavaScript the snippet is the finished widget: linked titles, excerpts, image, sanitized body, absolute dates, styled', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  try {
    const tab = await context.newPage();
    await tab.goto(`${origin}/plain.html`, { waitUntil: 'load' });
    const featured = await tab.evaluate(readWidget, 'featured-story');
    const recent = await tab.evaluate(readWidget, 'recent-posts');
    assert.equal(featured.defined, false, 'no script ran');
    assert.deepEqual(featured.titles.map((t) => [t.text, t.href, t.visible]), [['Открыли новый мост', `${origin}/news/bridge.html`, true]]);
    assertSanitizedBody(featured.body);
    assert.ok(featured.bodyVisible);
    assert.ok(featured.image > 0, 'the story image loaded');
    assert.deepEqual(recent.titles.map((t) => t.text), ['Открыли новый мост', 'Субботник в субботу', 'Библиотеки работают дольше']);
    assert.ok(recent.titles.every((t) => t.visible && t.decoration === 'none'), 'title links are styled as headings');
    assert.deepEqual(recent.excerpts, ['Движение по мосту открыто в среду.', 'Жители уберут дворы и скверы.', 'До 21:00 по будням.']);
    assert.equal(recent.listStyle, 'none');
    assert.equal(recent.hostDisplay, 'block');
    for (const time of [...featured.times, ...recent.times]) {
      assert.ok(time.visible);
      assert.match(time.text, /^\d{1,2} [а-я]+$/, `an absolute date, not a relative time: ${time.text}`);
      assert.notEqual(time.color, time.text_color, 'times are in the muted colour');
    }
    assert.equal(recent.scriptVisible, false, 'the printed feed is never visible');
  } finally {
    await context.close();
  }
});

test('with the bundle the widgets take over with no feed request, no empty frame, no layout shift, and relative times', async () => {
  const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  try {
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    requests.length = 0;
    await tab.goto(`${origin}/scripted.html`, { waitUntil: 'load' });
    await tab.waitForFunction(() => customElements.get('recent-posts') && customElements.get('featured-story'));
    await tab.evaluate(() => Promise.all([...document.querySelectorAll('recent-posts, featured-story')].map((el) => el.updateComplete)));
    // A few more frames, so anything painted after the upgrade is sampled too.
    await tab.evaluate(() => new Promise((resolve) => { let n = 0; const step = () => (++n > 5 ? resolve() : requestAnimationFrame(step)); requestAnimationFrame(step); }));
    const featured = await tab.evaluate(readWidget, 'featured-story');
    const recent = await tab.evaluate(readWidget, 'recent-posts');
    const { flash, shifts, xss } = await tab.evaluate(() => ({ flash: window.__flash, shifts: window.__shifts, xss: window.__xss }));
    assert.deepEqual(errors, []);
    assert.equal(featured.defined, true);
    // The bundle's own chunks (the page's words, the sanitizer) may load; nothing else may.
    assert.deepEqual(requests.filter((url) => !/^\/(scripted\.html|dist\/news-widgets\.js|dist\/chunks\/[\w.-]+\.js|images\/(old-)?bridge\.png|favicon\.ico)$/.test(url)), [], 'no feed request');
    assert.deepEqual(flash, [], 'every frame showed the content');
    assert.deepEqual(shifts, [], 'no layout shift');
    assert.equal(xss, undefined);
    assert.deepEqual(recent.titles.map((t) => t.text), ['Открыли новый мост', 'Субботник в субботу', 'Библиотеки работают дольше']);
    assert.deepEqual(recent.times.map((t) => t.text), ['3 часа назад', '5 часов назад', 'вчера']);
    assert.deepEqual(featured.times.map((t) => t.text), ['3 часа назад']);
    assertSanitizedBody(featured.body);
  } finally {
    await context.close();
  }
});

test('fallback links inside the element show until it is defined, then give way to its shadow DOM; the printed feed never shows', async () => {
  for (const [path, scripted] of [['/fallback.html', false], ['/fallback-scripted.html', true]]) {
    const context = await browser.newContext({ javaScriptEnabled: scripted });
    try {
      const tab = await context.newPage();
      await tab.goto(`${origin}${path}`, { waitUntil: 'load' });
      if (scripted) await tab.waitForFunction(() => document.querySelector('recent-posts').shadowRoot?.querySelector('[part~="title"] a'));
      const seen = await tab.evaluate(() => ({
        fallback: document.getElementById('fallback').getBoundingClientRect().height > 0,
        script: document.querySelector('recent-posts script').getBoundingClientRect().height > 0,
      }));
      assert.deepEqual(seen, { fallback: !scripted, script: false }, path);
    } finally {
      await context.close();
    }
  }
});

test('without JavaScript the "load more" button, which needs the script, is neither seen nor reachable; it appears in its own space once the script runs', async () => {
  for (const scripted of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled: scripted });
    try {
      const tab = await context.newPage();
      await tab.goto(`${origin}${scripted ? '/more-scripted.html' : '/more.html'}`, { waitUntil: 'load' });
      const seen = () => {
        const button = document.querySelector('recent-posts').shadowRoot.querySelector('[part~="load-more"]');
        return { visibility: getComputedStyle(button).visibility, after: document.getElementById('after').getBoundingClientRect().top };
      };
      const before = await tab.evaluate(seen);
      if (scripted) {
        await tab.waitForFunction(() => customElements.get('recent-posts'));
        await tab.evaluate(() => document.querySelector('recent-posts').updateComplete);
      }
      const now = await tab.evaluate(seen);
      assert.equal(now.visibility, scripted ? 'visible' : 'hidden');
      if (scripted) assert.equal(now.after, before.after, 'the text below did not move');
      else {
        await tab.keyboard.press('Tab');
        assert.equal(await tab.evaluate(() => document.querySelector('recent-posts').shadowRoot.activeElement?.getAttribute('part') ?? null), 'link', 'Tab reaches the title link, not the button');
        await tab.keyboard.press('Tab');
        assert.equal(await tab.evaluate(() => document.querySelector('recent-posts').shadowRoot.activeElement), null, 'nor after it');
      }
    } finally {
      await context.close();
    }
  }
});
