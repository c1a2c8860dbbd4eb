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
  /** The next page, from a `Link: <…>; rel="next"` header (WordPress sends one), else WordPress's `X-WP-TotalPages`. */
  nextUrl?: string;
  /** Validators for revalidation (null when the server sent none). */
  etag?: string | null;
  lastModified?: string | null;
  /** True when the server answered 304 and this is the previous copy. */
  notModified?: boolean;
}

export interface FeedRequestOptions {
  signal?: AbortSignal;
  /**
   * Milliseconds before the request is given up (default 10 s; `Infinity`, or anything past the ~24.8
   * days a timer can wait, never). A function is asked again when that time comes, for a deadline
   * that may have moved meanwhile (the feed store's: the longest timeout of the widgets waiting).
   */
  timeout?: number | (() => number);
  credentials?: RequestCredentials;
  /** The copy already held: its validators make the request conditional, and a 304 returns it. */
  previous?: FeedResponse;
}

export const defaultTimeout = 10_000;

/** The largest feed read (64 MiB): five times the largest real feeds, whose newest stories are all that is shown. */
const maxFeedBytes = 67_108_864;

/**
 * The timeout a widget asked for, or the default for none. As a number: a framework may set the
 * property to an attribute's text (Vue's `timeout="5000"`), and `started + "5000"` would be a string
 * (`>` already compares such text as a number).
 */
export const timeoutOf = (asked: number | undefined): number => (asked! > 0 ? Number(asked) : defaultTimeout);

/** Whether `url` is on the page's origin; `undefined` outside a browser. */
const sameOrigin = (url: string): boolean | undefined => globalThis.location && new URL(url, location.href).origin == location.origin;

/** Fetches one feed body; sharing a request between widgets is the feed store's job (feed-store.ts). */
export async function requestFeed(url: string, { signal: outer, timeout: asked, credentials = 'omit', previous }: FeedRequestOptions = {}): Promise<FeedResponse> {
  // One controller for the timeout and the caller's signal (AbortSignal.any, which some engines lack).
  const controller = new AbortController();
  const abort = (reason: unknown) => controller.abort(reason);
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUpWhenDue = () => {
    const timeout = typeof asked == 'function' ? asked() : timeoutOf(asked);
    const wait = started + timeout - Date.now();
    // A timer longer than 2^31 - 1 ms would fire at once (browsers wrap the delay): such a wait is none.
    if (wait > 0) timer = wait < 2 ** 31 ? setTimeout(giveUpWhenDue, wait) : undefined;
    else abort(new FeedError('timeout', `no answer from ${url} in ${timeout} ms`));
  };
  giveUpWhenDue();
  if (outer?.aborted) abort(outer.reason);
  outer?.addEventListener('abort', () => abort(outer.reason));
  const { signal } = controller;
  // A timeout or the caller's abort, else a network failure: fetch gives the same TypeError for
  // "offline" and "blocked by CORS"; the page's origin tells them apart.
  const fail = (cause: unknown): never => {
    if (signal.aborted) throw signal.reason;
    const blocked = sameOrigin(url) === false && navigator.onLine !== false;
    throw new FeedError(blocked ? 'blocked' : 'network', `${url} unreachable: ${blocked ? 'not allowed here (CORS)?' : ((cause as Error)?.message ?? cause)}`, undefined, { cause });
  };
  try {
    const response = await fetch(url, {
      signal,
      credentials,
      headers: {
        // Short enough to stay a CORS-safelisted header (no preflight for a plain GET).
        accept: 'application/feed+json, application/json, application/rss+xml, application/atom+xml, */*;q=0.5',
        // If-None-Match / If-Modified-Since from the copy already held, so an unchanged feed costs a
        // 304. Same-origin only: on another origin these headers would turn a simple GET into a CORS
        // preflight that many feed servers do not answer; there the browser's HTTP cache revalidates.
        ...(previous && sameOrigin(url) && { ...(previous.etag && { 'if-none-match': previous.etag }), ...(previous.lastModified && { 'if-modified-since': previous.lastModified }) }),
      },
      // Without validators of our own, revalidate whatever the HTTP cache holds.
      cache: 'no-cache',
    }).catch(fail);
    const { headers, status } = response;
    if (status == 304 && previous) return { ...previous, notModified: true };
    if (!response.ok) throw new FeedError('http', `${url} answered ${status} ${response.statusText}`, status);
    const contentType = headers.get('content-type');
    // The body is read through a byte count, and ends with the request's signal: a feed that never
    // ends would otherwise fill the memory until the timeout (gigabytes a second from a fast
    // server), and a body that aborting the request does not end (a Response made by a script, as a
    // test's fetch stub makes) would outlive the timeout.
    let left = maxFeedBytes;
    const body = response.body?.pipeThrough(
      new TransformStream({
        start: (stream) => signal.addEventListener('abort', () => stream.error()),
        transform: (chunk: Uint8Array, stream) => ((left -= chunk.length) < 0 ? abort(new FeedError('format', `${url} is over 64 MiB`)) : stream.enqueue(chunk)),
      }),
    );
    const bytes = new Uint8Array(await new Response(body).arrayBuffer().catch(fail));
    const finalUrl = response.url || url;
    return {
      url: finalUrl,
      contentType,
      body: await decodeBody(bytes, contentType),
      nextUrl: nextLink(headers.get('link'), finalUrl) ?? pageAfter(headers.get('x-wp-totalpages'), finalUrl),
      etag: headers.get('etag'),
      lastModified: headers.get('last-modified'),
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The body as text. JSON in UTF-8 (the only encoding JSON may use, and what almost every feed
 * server sends) is decoded here; anything else, where the charset must be worked out from the BOM,
 * the header and the XML declaration, loads the full decoder (decode.ts), which picks UTF-8 for
 * such a body too.
 */
async function decodeBody(bytes: Uint8Array, contentType: string | null): Promise<string> {
  let start = 0;
  while ([9, 10, 13, 32].includes(bytes[start]!)) start++; // JSON's whitespace
  const charset = /;\s*charset\s*=\s*["']?([^\s;,"']*)/i.exec(contentType ?? '')?.[1];
  return (bytes[start] == 123 || bytes[start] == 91) /* { or [ */ && (!charset || /^utf-?8$/i.test(charset))
    ? new TextDecoder().decode(bytes)
    : (await import('./decode.js')).decodeFeedBytes(bytes, contentType);
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

/**
 * The next page by WordPress's `X-WP-TotalPages` header, for a posts response whose `Link` header a
 * proxy or plugin dropped: the URL with its `page` parameter one higher, while there are more pages.
 */
function pageAfter(totalPages: string | null, base: string): string | undefined {
  const url = new URL(base);
  const page = +url.searchParams.get('page')! || 1;
  url.searchParams.set('page', `${page + 1}`);
  return page < +totalPages! ? url.href : undefined;
}
