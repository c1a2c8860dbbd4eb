// Serves the demo page (demo/) and the built bundles (dist/) from the repository root with
// @web/dev-server, for `npm start`, scripts/screenshot.mjs and any test or benchmark that needs the
// demo over HTTP. It only serves files: it builds nothing (run `npm run build` first), opens no
// browser and reaches no network beyond localhost.
//
// A few things differ from a plain static server:
// - /demo/feeds/*.json get their `date_published` filled in at request time (see demo-feed.mjs),
//   so the demo's relative times always read "9 hours ago", never "3 months ago";
// - / redirects to /demo/;
// - text (HTML, CSS, JavaScript, JSON, SVG) is sent compressed, brotli or gzip, as any production
//   server sends it: the demo's load (and Lighthouse's view of it) is then what a visitor gets;
// - the news page names the chunks its widgets import as they start (<featured-story>'s code, the
//   words of its language, the HTML sanitizer) in <link rel="modulepreload"> hints, as a site's build would: their names
//   carry a content hash, so they are read from dist/chunks when the page is served.
// It prints the URLs of the demo's two pages: the news (/demo/) and theming (/demo/theming.html).
//
// Run directly: `node scripts/serve-demo.mjs` (port from $PORT, else 8000, else any free port).

import { existsSync, realpathSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { Readable } from 'node:stream';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { materializeDemoFeed } from './demo-feed.mjs';

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const feedsDir = path.join(rootDir, 'demo', 'feeds');
const DEFAULT_PORT = 8000;
const FEED_PATH = /^\/demo\/feeds\/([A-Za-z0-9_-][A-Za-z0-9._-]*\.json)$/;

/** Koa middleware: serves demo feeds with dates relative to the moment of the request. */
export async function demoFeedMiddleware(ctx, next) {
  const match = FEED_PATH.exec(ctx.path);
  if (!match || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();

  let text;
  try {
    text = await readFile(path.join(feedsDir, match[1]), 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT' || error.code === 'EISDIR') return next();
    throw error;
  }
  ctx.body = `${JSON.stringify(materializeDemoFeed(JSON.parse(text)), null, 2)}\n`;
  ctx.set('Content-Type', 'application/feed+json; charset=utf-8');
  ctx.set('Cache-Control', 'no-store');
}

/**
 * The strict policy a government site may serve, on every demo page: no inline code or styles, and
 * Trusted Types required, with the library's two policy names allowed. The demo works under it.
 */
export const STRICT_CSP =
  "script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types news-widgets dompurify";

/** Koa middleware: demo pages are served with STRICT_CSP. */
export async function demoCspMiddleware(ctx, next) {
  await next();
  if (ctx.path.startsWith('/demo/') && (ctx.path.endsWith('/') || ctx.path.endsWith('.html'))) {
    ctx.set('Content-Security-Policy', STRICT_CSP);
  }
}

/** A response body (a string, a Buffer or a file stream) as bytes; undefined for anything else. */
async function bodyBytes(body) {
  if (typeof body === 'string') return Buffer.from(body);
  if (Buffer.isBuffer(body)) return body;
  if (body instanceof Readable) return Buffer.concat(await body.toArray());
  return undefined;
}

const NEWS_PAGE = /^\/demo\/(?:index\.html)?$/;
const BUNDLE_SCRIPT = '<script type="module" src="../dist/news-widgets.js"></script>';

/**
 * The chunks the news page's widgets import as soon as they start, for `lang` (the page's ?lang, as
 * demo.js reads it; Russian by default): <featured-story>'s code (the page has a story of the day),
 * the words of the language (English ones are in the bundle) and the HTML sanitizer, since the
 * sample feeds' story of the day has an HTML body.
 */
async function newsPageChunks(lang) {
  const chunks = await readdir(path.join(rootDir, 'dist', 'chunks')).catch(() => []);
  // Chunk names keep the locale's case (zh-Hant.core-…); ?lang= is read in any case, and zh-TW
  // (HK, MO) means zh-Hant, as demo.js reads it.
  const coreOf = (code) => chunks.find((name) => name.toLowerCase().startsWith(`${code}.core-`) && name.endsWith('.js'));
  const wanted = lang?.toLowerCase() ?? '';
  const traditional = /^zh[-_](tw|hk|mo)\b/.test(wanted) ? 'zh-hant' : '';
  const code = [wanted, traditional, wanted.split(/[-_]/)[0]].find((candidate) => candidate === 'en' || (candidate && coreOf(candidate))) ?? 'ru';
  const named = (prefix) => chunks.find((name) => new RegExp(`^${prefix}-[\\w-]+\\.js$`).test(name));
  return [named('featured-story'), coreOf(code), named('sanitize-html')].filter(Boolean);
}

/**
 * Koa middleware: the news page gets <link rel="modulepreload"> hints for the chunks its widgets
 * import on load, so the browser fetches them with the bundle instead of after running it. Without
 * an ETag: the hints follow the build, which the HTML file's ETag knows nothing of.
 */
export async function demoPreloadMiddleware(ctx, next) {
  await next();
  if (!NEWS_PAGE.test(ctx.path) || ctx.status !== 200 || ctx.method !== 'GET') return;
  const html = (await bodyBytes(ctx.body))?.toString('utf8');
  if (!html?.includes(BUNDLE_SCRIPT)) return;
  const hints = (await newsPageChunks(new URLSearchParams(ctx.querystring).get('lang'))).map((name) => `<link rel="modulepreload" href="../dist/chunks/${name}">\n    `);
  ctx.body = html.replace(BUNDLE_SCRIPT, `${hints.join('')}${BUNDLE_SCRIPT}`);
  ctx.response.remove('ETag');
}

const COMPRESSIBLE = /^(?:text\/|application\/(?:javascript|json|feed\+json|[a-z.+-]*\+xml|xml)$|image\/svg\+xml$)/;
const compressors = {
  // Quality 5: most of quality 11's saving on these files, at a few milliseconds a request.
  br: (bytes) => promisify(brotliCompress)(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
  gzip: (bytes) => promisify(gzip)(bytes, { level: 6 }),
};
/** Compressed bodies by encoding and ETag (the dev server's, so a changed file is compressed anew). */
const compressedCache = new Map();

/** Koa middleware: compresses text responses with brotli or gzip, whichever the client accepts. */
export async function compressionMiddleware(ctx, next) {
  await next();
  if (ctx.status !== 200 || ctx.body == null || ctx.response.get('Content-Encoding')) return;
  if (!COMPRESSIBLE.test(ctx.response.type)) return;
  ctx.vary('Accept-Encoding');
  const encoding = ctx.acceptsEncodings('br', 'gzip', 'identity');
  if (encoding !== 'br' && encoding !== 'gzip') return;
  const bytes = await bodyBytes(ctx.body);
  if (!bytes) return;
  const etag = ctx.response.get('ETag');
  const key = etag && `${encoding} ${ctx.path} ${etag}`;
  let compressed = key && compressedCache.get(key);
  if (!compressed) {
    compressed = await compressors[encoding](bytes);
    if (key) {
      if (compressedCache.size >= 200) compressedCache.delete(compressedCache.keys().next().value);
      compressedCache.set(key, compressed);
    }
  }
  if (ctx.method === 'HEAD') ctx.length = compressed.length;
  else ctx.body = compressed;
  ctx.set('Content-Encoding', encoding);
}

/** Koa middleware: `/` and `/demo` go to `/demo/`, keeping the query (`/?lang=en`). */
async function demoRedirectMiddleware(ctx, next) {
  if (ctx.path === '/' || ctx.path === '/demo') {
    ctx.redirect(`/demo/${ctx.search}`);
    return;
  }
  return next();
}

/** Resolves `port` if nothing listens on it, else any free port (0 always means "any"). */
function findPort(port) {
  const tryListen = (candidate) =>
    new Promise((resolve, reject) => {
      const probe = createServer();
      probe.unref();
      probe.once('error', reject);
      // No host, like @web/dev-server for "localhost": all interfaces, IPv6 and IPv4.
      probe.listen({ port: candidate }, () => {
        const { port: bound } = probe.address();
        probe.close(() => resolve(bound));
      });
    });
  return tryListen(port).catch((error) => {
    if (port !== 0 && (error.code === 'EADDRINUSE' || error.code === 'EACCES')) return tryListen(0);
    throw error;
  });
}

/**
 * Starts the demo server.
 *
 * @param {{ port?: number }} [options] Preferred port (default 8000; 0 = any free port). If it is
 *   taken, another free port is used: read the actual one from the result.
 * @returns {Promise<{ url: string, origin: string, port: number, requestedPort: number, stop: () => Promise<void> }>}
 *   `url` is the demo page, e.g. "http://localhost:8000/demo/".
 */
export async function startDemoServer({ port = DEFAULT_PORT } = {}) {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`startDemoServer: invalid port ${port}`);
  }
  const actualPort = await findPort(port);
  const server = await startDevServer({
    config: {
      rootDir,
      hostname: 'localhost',
      port: actualPort,
      nodeResolve: false,
      watch: false,
      injectWebSocket: false,
      middleware: [compressionMiddleware, demoRedirectMiddleware, demoCspMiddleware, demoPreloadMiddleware, demoFeedMiddleware],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
    autoExitProcess: false,
  });
  const origin = `http://localhost:${actualPort}`;
  let stopped;
  return {
    url: `${origin}/demo/`,
    origin,
    port: actualPort,
    requestedPort: port,
    stop: () => (stopped ??= server.stop()),
  };
}

function portFromEnv() {
  const raw = process.env.PORT;
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`PORT must be an integer from 0 to 65535, got "${raw}"`);
  }
  return port;
}

async function main() {
  if (!existsSync(path.join(rootDir, 'dist', 'news-widgets.js'))) {
    console.warn('warning: dist/news-widgets.js is missing, the widgets will not load: run `npm run build` (or `npm start`).');
  }
  let server;
  const shutDown = async () => {
    await server?.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutDown);
  process.once('SIGTERM', shutDown);

  server = await startDemoServer({ port: portFromEnv() });
  const note =
    server.requestedPort !== 0 && server.port !== server.requestedPort
      ? ` (port ${server.requestedPort} is in use)`
      : '';
  console.log(`news-widgets demo: ${server.url}${note}`);
  console.log(`theming page:      ${new URL('theming.html', server.url).href}`);
}

function isRunDirectly() {
  if (!process.argv[1]) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isRunDirectly()) {
  main().catch((error) => {
    console.error(`news-widgets demo: ${error.message}`);
    process.exit(1);
  });
}
