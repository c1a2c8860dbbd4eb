/**
 * Dynamic responses for the test server, for the cases a static file under test/fixtures/ cannot
 * express: HTTP errors, slow responses, an HTML page where a feed was expected. Each route is one
 * small function of (ctx, params, query) keyed by the first path segment after /test-api/; add a
 * route per new case (ETag/304, charsets, CSP headers...). Responses skip the dev server's own
 * caching and transforms, so what a route sets is exactly what the browser gets.
 * Test-only: nothing in src/ may depend on these URLs.
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { STRICT_CSP } from '../../scripts/serve-demo.mjs';

const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));
const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));
const MAX_DELAY_MS = 15000;

/** Reads a file under test/fixtures/, or returns undefined for a missing or escaping path. */
async function readFixture(relativePath = '') {
  const file = resolve(fixturesDir, relativePath);
  if (!file.startsWith(fixturesDir) || file.endsWith(sep)) return undefined;
  return readFile(file).catch(() => undefined);
}

/** Per-name request counters of the stateful routes below, read back through /test-api/stats/<name>. */
const stats = new Map();
const countFor = (name) => {
  if (!stats.has(name)) stats.set(name, { requests: 0, conditional: 0, notModified: 0 });
  return stats.get(name);
};

const waiting = new Map();
/** Names released with ?early=1 before their request arrived: that request is answered at once. */
const releasedEarly = new Set();

/**
 * Resolves once /test-api/release/<name> is requested (or after 15 s). A release that came first
 * (the browser had not sent the request yet) counts, when it was asked for with ?early=1.
 */
const heldUntilReleased = (name) =>
  releasedEarly.delete(name) ||
  new Promise((resolve) => {
    waiting.set(name, [...(waiting.get(name) ?? []), resolve]);
    setTimeout(resolve, MAX_DELAY_MS);
  });

const routes = {
  /**
   * /test-api/cp1251-page: an old CMS page in windows-1251 (said in its HTTP header and
   * its meta tag) with the classic bundle served as old servers serve static files, without a charset,
   * so the browser decodes the script in the page's encoding. Its own text is ASCII.
   */
  'cp1251-page'(ctx) {
    ctx.set('Content-Type', 'text/html; charset=windows-1251');
    ctx.body = `<!doctype html><html lang="ru"><head><meta charset="windows-1251"><title>CMS</title>
<script src="/test-api/js-without-charset/news-widgets.iife.js" defer></script></head>
<body><recent-posts excerpt-length="60" src="/test/fixtures/feeds/municipal.ru.json"></recent-posts></body></html>`;
  },

  /** /test-api/js-without-charset/<path under dist/>: that built file as JavaScript with no charset in its Content-Type. */
  async 'js-without-charset'(ctx, params) {
    const file = resolve(distDir, params.join('/'));
    const body = file.startsWith(distDir) ? await readFile(file).catch(() => undefined) : undefined;
    if (!body) return routes.status(ctx, [404]);
    ctx.set('Content-Type', 'text/javascript');
    ctx.body = body;
  },

  /**
   * /test-api/without-chunk/<chunk>/<path under dist/>: the CDN module build as a CDN that fails one
   * chunk (503 for the chunk whose file name starts with "<chunk>-"), for pages that lose a part of
   * the code. /test-api/without-chunk/<chunk>/page.html?element=<recent-posts|featured-story>&feed=<fixture path>
   * is a Russian page with that element on that feed, loading the build from beside it.
   */
  async 'without-chunk'(ctx, [chunk, ...path], query) {
    if (path.join('/') == 'page.html') {
      const element = query.element == 'featured-story' ? 'featured-story' : 'recent-posts';
      ctx.type = 'text/html';
      ctx.body = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>CDN</title>
<script type="module" src="news-widgets.js"></script></head>
<body><${element} src="/test/fixtures/${encodeURI(String(query.feed ?? ''))}"></${element}></body></html>`;
      return;
    }
    if (path.at(-1)?.startsWith(`${chunk}-`)) return routes.status(ctx, [503]);
    return routes['js-without-charset'](ctx, path);
  },

  /**
   * /test-api/two-builds/<id>/page.html?first=module|classic&src=<feed path>: an old CMS page that
   * includes both CDN builds, the module one and the classic one (in that order, or the classic one
   * first), with a <recent-posts> and a <featured-story> of that feed, recording its events like
   * pages/record-page-events.js. /test-api/two-builds/<id>/<path under dist/> serves the builds, and
   * holds <featured-story>'s chunk until the page's last deferred script has run: deferred and module
   * scripts run in document order, so by then the classic script has run, and with the module build
   * first, the classic one defines that element before the module build's chunk can, however slow
   * the browser (a fixed delay was not enough for Firefox on a busy machine).
   */
  async 'two-builds'(ctx, [id, ...path], query) {
    const hold = `two-builds-${id}`;
    if (path.join('/') == 'page.html') {
      const scripts = ['<script type="module" src="news-widgets.js"></script>', '<script src="news-widgets.iife.js" defer></script>'];
      if (query.first == 'classic') scripts.reverse();
      const src = String(query.src ?? '').replace(/&/g, '&amp;').replace(/"/g, '&quot;');
      ctx.type = 'text/html';
      ctx.body = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Two builds</title>
<script src="/test/fixtures/pages/record-page-events.js"></script>${scripts.join('')}<script src="release.js" defer></script></head>
<body><recent-posts src="${src}"></recent-posts><featured-story src="${src}"></featured-story></body></html>`;
      return;
    }
    if (path.join('/') == 'release.js') {
      ctx.type = 'text/javascript';
      ctx.body = `fetch(${JSON.stringify(`/test-api/release/${hold}?early=1`)});`;
      return;
    }
    if (path.at(-1)?.startsWith('featured-story-')) await heldUntilReleased(hold);
    return routes['js-without-charset'](ctx, path);
  },

  /** /test-api/status/<code>: that status, with a short HTML body. */
  status(ctx, [code]) {
    ctx.status = /^[2-5]\d\d$/.test(code) ? Number(code) : 400;
    ctx.type = 'text/html';
    ctx.body = `<!doctype html><title>${ctx.status}</title><p>Test status ${ctx.status}</p>`;
  },

  /** /test-api/delay/<ms>?body=<fixture path>: waits, then serves that fixture as a JSON Feed. */
  async delay(ctx, [ms], query) {
    await new Promise(r => setTimeout(r, Math.min(Number(ms) || 0, MAX_DELAY_MS)));
    const body = await readFixture(query.body);
    if (!body) return routes.status(ctx, [404]);
    ctx.type = 'application/feed+json';
    ctx.body = body;
  },

  /**
   * /test-api/etag/<name>?body=<fixture>: the fixture with an ETag; a request whose If-None-Match
   * matches gets a 304. Counts requests, conditional requests and 304s under <name>.
   */
  async etag(ctx, [name], query) {
    const body = await readFixture(query.body);
    if (!body) return routes.status(ctx, [404]);
    const count = countFor(name);
    count.requests++;
    const tag = `"${body.length}-${body.reduce((hash, byte) => (hash * 31 + byte) >>> 0, 7)}"`;
    ctx.set('Cache-Control', 'no-cache'); // storable, but always revalidated
    ctx.set('ETag', tag);
    if (ctx.get('If-None-Match')) count.conditional++;
    if (ctx.get('If-None-Match') === tag) {
      count.notModified++;
      ctx.status = 304;
      return;
    }
    ctx.type = 'application/feed+json';
    ctx.body = body;
  },

  /**
   * /test-api/sequence/<name>?bodies=a.json,b.json&fail=2,3: the n-th request (from 1) gets the n-th
   * fixture (the last one once they run out), or a 503 when n is listed in `fail`; with `&delay=<ms>`,
   * that much later (each request is counted when it arrives).
   */
  async sequence(ctx, [name], query) {
    const count = countFor(name);
    const n = ++count.requests;
    if (query.delay) await new Promise((resolve) => setTimeout(resolve, Math.min(Number(query.delay) || 0, MAX_DELAY_MS)));
    if (String(query.fail ?? '').split(',').includes(String(n))) return routes.status(ctx, [503]);
    const bodies = String(query.bodies ?? '').split(',');
    const body = await readFixture(bodies[Math.min(n, bodies.length) - 1]);
    if (!body) return routes.status(ctx, [404]);
    ctx.type = 'application/feed+json';
    ctx.body = body;
  },

  /**
   * /test-api/paged/<n>?pages=a.json,b.json: page n (from 1) of a list, with a WordPress-style
   * `Link: <…>; rel="next"` header while there is a next page.
   */
  async paged(ctx, [n], query) {
    const pages = String(query.pages ?? '').split(',');
    const page = Number(n);
    const body = await readFixture(pages[page - 1]);
    if (!body) return routes.status(ctx, [400]);
    if (page < pages.length) ctx.set('Link', `<${page + 1}?pages=${query.pages}>; rel="next"`);
    ctx.type = 'application/json';
    ctx.body = body;
  },

  /**
   * /test-api/raw?body=<fixture>&type=<content type>: the fixture's exact bytes with that
   * Content-Type (the static server re-encodes text files as UTF-8, which would hide charset bugs).
   */
  async raw(ctx, _params, query) {
    const body = await readFixture(query.body);
    if (!body) return routes.status(ctx, [404]);
    ctx.set('Content-Type', String(query.type || 'application/octet-stream'));
    ctx.body = body;
  },

  /**
   * /test-api/strict-page?bundle=esm|iife: a page served with the strictest CSP a government site
   * uses (no inline code or styles, Trusted Types required), showing both widgets from the bundle.
   */
  'strict-page'(ctx, _params, query) {
    ctx.set('Content-Security-Policy', STRICT_CSP);
    ctx.type = 'text/html';
    const bundle = query.bundle === 'iife'
      ? '<script src="/dist/news-widgets.iife.js" defer></script>'
      : '<script type="module" src="/dist/news-widgets.js"></script>';
    ctx.body = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Strict page</title>
<script src="/test/fixtures/csp-recorder.js"></script>${bundle}</head><body>
<featured-story src="/test/fixtures/feeds/municipal.ru.json"></featured-story>
<recent-posts src="/test-api/raw?body=feeds/xml/rich.rss.xml&amp;type=application/rss%2Bxml"></recent-posts>
</body></html>`;
  },

  /**
   * /test-api/hold/<name>?body=<fixture>: answers with the fixture only once /test-api/release/<name>
   * was requested (or after 15 s), so a test can look at a page while its feed request is in flight.
   */
  async hold(ctx, [name], query) {
    const body = await readFixture(query.body);
    if (!body) return routes.status(ctx, [404]);
    await heldUntilReleased(name);
    ctx.type = 'application/feed+json';
    ctx.body = body;
  },

  /**
   * /test-api/release/<name>: lets the requests of <name> held now through. With ?early=1 and none
   * held yet, the next request of <name> is not held either (the browser may not have sent it yet).
   */
  release(ctx, [name], query) {
    const held = waiting.get(name) ?? [];
    held.forEach((resolve) => resolve());
    waiting.delete(name);
    if (!held.length && query.early) releasedEarly.add(name);
    ctx.status = 204;
  },

  /** /test-api/stats/<name>: the counters of the stateful routes, as JSON. */
  stats(ctx, [name]) {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(countFor(name));
  },

  /** /test-api/html-error: a 200 whose body is an HTML error page (a proxy or CMS error). */
  'html-error'(ctx) {
    ctx.type = 'text/html';
    ctx.body = '<!doctype html><title>Error</title><h1>Error</h1><p>Something went wrong.</p>';
  },
};

/** Koa middleware for the dev server's `middleware` option. */
export function fixtureRoutes(prefix = '/test-api/') {
  return async function fixtureRoutesMiddleware(ctx, next) {
    if (!ctx.path.startsWith(prefix)) return next();
    const [name, ...params] = ctx.path.slice(prefix.length).split('/');
    ctx.set('Cache-Control', 'no-store');
    if (!Object.hasOwn(routes, name)) return routes.status(ctx, [404]);
    // Decoded once here, so route params may hold any characters.
    params.forEach((param, index) => (params[index] = decodeURIComponent(param)));
    await routes[name](ctx, params, ctx.query);
  };
}
