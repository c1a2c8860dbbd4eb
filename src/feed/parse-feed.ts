/**
 * Turns what a server (or the page) gave into a normalized `Feed`, whatever its format: JSON Feed,
 * a WordPress REST posts list, RSS or Atom, or any JSON shape a `transform` function maps to JSON
 * Feed items. The format is detected from the content, unless `format` forces one. It tells apart
 * the ways a body can fail: an HTML page (a CMS error page or a login wall served with status 200),
 * text that is not JSON or XML, and a document that is not a feed. No DOM here beyond the XML parser.
 *
 * Synchronous, with every reader imported: for applications and tests. The widgets use
 * load-feed.ts, the same steps with the readers other than JSON Feed loaded on demand.
 */
import { detectFeed, emptyFeed, type ParseOptions } from './feed-detect.js';
import { normalizeJsonFeed } from './json-feed.js';
import { parseMarkupFeed } from './markup-feed.js';
import type { Feed } from './story.js';
import { normalizeWordPress } from './wordpress.js';

export type { FeedFormat, FeedTransform, ParseOptions } from './feed-detect.js';

function parseFeed(text: string | undefined, data: unknown, contentType: string | null, feedUrl: string | undefined, options: ParseOptions): Feed {
  const [format, value] = detectFeed(text, data, options);
  if (format == 'markup') {
    const feed = parseMarkupFeed(value as string, contentType, feedUrl, options);
    // A JSON feed that PHP's warnings came before (markup-feed.ts), read as JSON.
    return typeof feed == 'string' ? parseFeed(feed, undefined, contentType, feedUrl, options) : feed;
  }
  if (format == 'wordpress') return normalizeWordPress(value, feedUrl ?? options.baseUrl);
  return format ? normalizeJsonFeed(value, feedUrl, options.baseUrl) : emptyFeed();
}

/** Normalizes already-parsed JSON data: a JSON Feed object, WordPress posts, or anything `transform` understands. */
export function parseFeedData(data: unknown, feedUrl: string | undefined, options: ParseOptions = {}): Feed {
  return parseFeed(undefined, data, null, feedUrl, options);
}

/** Parses a response body (already decoded to text) in any supported format. */
export function parseFeedText(body: string, contentType: string | null, feedUrl: string | undefined, options: ParseOptions = {}): Feed {
  return parseFeed(body, undefined, contentType, feedUrl, options);
}
