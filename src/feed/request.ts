/**
 * Fetches a feed body: decoded by its charset, revalidated against the copy already held, given up
 * after a timeout. Network failures, timeouts, cross-origin refusals and HTTP errors come out as
 * `FeedError`s with a kind the UI can put into words. No DOM.
 */
import { FeedError } from './feed-error.js';

export interface FeedResponse {
  /** The final URL, after redirects: relative links in the feed resolve against it. */
  url: string;
  contentType: string | null;
  /** The body decoded by its charset (HTTP header, BOM or XML declaration), not assumed UTF-8. */
  body: string;
  /** The next page, from a `Link: <…>; rel="next"` header (WordPress sends one). */
  nextUrl?: string;
  /** Validators for revalidation. */
  etag?: string;
  lastModified?: string;
  /** True when the server answered 304 and this is the previous copy. */
  notModified?: boolean;
}

export interface FeedRequestOptions {
  signal?: AbortSignal;
  /** Milliseconds before the request is given up (default 10 s). */
  timeout?: number;
  credentials?: RequestCredentials;
  /** The copy already held: its validators make the request conditional, and a 304 returns it. */
  previous?: FeedResponse;
}

export const defaultTimeout = 10_000;

// Short enough to stay a CORS-safelisted header (no preflight for a plain GET).
const accept = 'application/feed+json, application/json, application/rss+xml, application/atom+xml, */*;q=0.5';

/** Fetches one feed body; sharing a request between widgets is the feed store's job (feed-store.ts). */
export async function requestFeed(url: string, options: FeedRequestOptions = {}): Promise<FeedResponse> {
  const timeout = options.timeout !== undefined && options.timeout > 0 ? options.timeout : defaultTimeout;
  const timeoutController = new AbortController();
  const timer = setTimeout(
    () => timeoutController.abort(new FeedError('timeout', `No answer from ${url} within ${timeout} ms.`)),
    timeout,
  );
  const combined = options.signal ? anySignal([options.signal, timeoutController.signal]) : timeoutController.signal;
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: combined,
        credentials: options.credentials ?? 'omit',
        headers: { accept, ...conditionalHeaders(url, options.previous) },
        // Without validators of our own, revalidate whatever the HTTP cache holds.
        cache: 'no-cache',
      });
    } catch (cause) {
      throw toFeedError(cause, combined, url);
    }
    if (response.status === 304 && options.previous) return { ...options.previous, notModified: true };
    if (!response.ok) {
      throw new FeedError('http', `${url} answered ${response.status} ${response.statusText}.`, response.status);
    }
    const contentType = response.headers.get('content-type');
    let bytes: ArrayBuffer;
    try {
      bytes = await response.arrayBuffer();
    } catch (cause) {
      throw toFeedError(cause, combined, url);
    }
    const finalUrl = response.url || url;
    return {
      url: finalUrl,
      contentType,
      body: await decodeBody(bytes, contentType),
      nextUrl: nextLink(response.headers.get('link'), finalUrl),
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    };
  } finally {
    clearTimeout(timer);
  }
}

function toFeedError(cause: unknown, signal: AbortSignal, url: string): unknown {
  if (signal.aborted) return signal.reason;
  if (cause instanceof FeedError) return cause;
  // fetch gives the same TypeError for "offline" and "blocked by CORS"; the page's origin tells them apart.
  const crossOrigin = typeof location !== 'undefined' && new URL(url, location.href).origin !== location.origin;
  const online = typeof navigator === 'undefined' || navigator.onLine !== false;
  if (crossOrigin && online) {
    return new FeedError('blocked', `The browser could not read ${url}: the server may not allow this site (CORS), or it is unreachable.`, undefined, { cause });
  }
  return new FeedError('network', `${url} could not be reached: ${(cause as Error)?.message ?? cause}`, undefined, { cause });
}

/**
 * The body as text. JSON in UTF-8 (the only encoding JSON may use, and what almost every feed
 * server sends) is decoded here; anything else, where the charset must be worked out from the BOM,
 * the header and the XML declaration, loads the full decoder (decode.ts), which picks UTF-8 for
 * such a body too.
 */
async function decodeBody(bytes: ArrayBuffer, contentType: string | null): Promise<string> {
  const view = new Uint8Array(bytes);
  let start = 0;
  while (view[start] === 0x20 || view[start] === 0x09 || view[start] === 0x0a || view[start] === 0x0d) start++;
  const charset = /;\s*charset\s*=\s*["']?([^\s;,"']*)/i.exec(contentType ?? '')?.[1];
  if ((view[start] === 0x7b || view[start] === 0x5b) && (!charset || /^utf-?8$/i.test(charset))) return new TextDecoder().decode(view);
  return (await import('./decode.js')).decodeFeedBytes(view, contentType);
}

/**
 * If-None-Match / If-Modified-Since from the copy already held, so an unchanged feed costs a 304.
 * Same-origin only: on another origin these headers would turn a simple GET into a CORS preflight
 * that many feed servers do not answer; there the browser's HTTP cache revalidates instead.
 */
function conditionalHeaders(url: string, previous: FeedResponse | undefined): Record<string, string> {
  if (!previous || typeof location === 'undefined' || new URL(url, location.href).origin !== location.origin) return {};
  const headers: Record<string, string> = {};
  if (previous.etag) headers['if-none-match'] = previous.etag;
  if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;
  return headers;
}

/** The `rel="next"` target of an HTTP Link header, resolved against the response URL. */
function nextLink(header: string | null, base: string): string | undefined {
  for (const link of header?.split(/,(?=\s*<)/) ?? []) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(link);
    if (match && /;\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(match[2]!)) {
      try {
        return new URL(match[1]!, base).href;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** AbortSignal.any, with a fallback for engines that lack it. */
function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}
