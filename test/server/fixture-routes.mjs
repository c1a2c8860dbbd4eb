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

const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));
const MAX_DELAY_MS = 15000;

/** Reads a file under test/fixtures/, or returns undefined for a missing or escaping path. */
async function readFixture(relativePath = '') {
  const file = resolve(fixturesDir, relativePath);
  if (!file.startsWith(fixturesDir) || file.endsWith(sep)) return undefined;
  return readFile(file).catch(() => undefined);
}

const routes = {
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
    await routes[name](ctx, params, ctx.query);
  };
}
