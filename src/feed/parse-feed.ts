/**
 * Turns what a server (or the page) gave into a normalized `Feed`, whatever its format: JSON Feed,
 * a WordPress REST posts list, RSS or Atom, or any JSON shape a `transform` function maps to JSON
 * Feed items. The format is detected from the content, unless `format` forces one. It tells apart
 * the ways a body can fail: an HTML page (a CMS error page or a login wall served with status 200),
 * text that is not JSON or XML, and a document that is not a feed. No DOM here beyond the XML parser.
 */
import { FeedError } from './feed-error.js';
import { isJsonFeed, normalizeJsonFeed } from './json-feed.js';
import type { Feed } from './story.js';
import { isWordPressPosts, normalizeWordPress } from './wordpress.js';
import { isXmlFeedText, parseXmlFeed } from './xml-feed.js';

export type FeedFormat = 'json-feed' | 'wordpress' | 'rss' | 'atom';

/** Maps any JSON to JSON Feed items (or a whole JSON Feed object), for custom APIs. */
export type FeedTransform = (data: unknown) => unknown;

export interface ParseOptions {
  /** Forces a format instead of detecting it. */
  format?: FeedFormat | string;
  transform?: FeedTransform;
}

const emptyFeed = (): Feed => ({ authors: [], stories: [], skipped: 0 });

/** Normalizes already-parsed JSON data: a JSON Feed object, WordPress posts, or anything `transform` understands. */
export function parseFeedData(data: unknown, feedUrl: string | undefined, options: ParseOptions = {}): Feed {
  let document = data;
  if (options.transform) {
    try {
      const transformed = options.transform(data);
      document = Array.isArray(transformed) ? { version: 'https://jsonfeed.org/version/1.1', items: transformed } : transformed;
    } catch (cause) {
      throw new FeedError('format', `The transform function failed: ${(cause as Error)?.message ?? cause}`, undefined, { cause });
    }
  }
  const format = options.transform ? 'json-feed' : options.format;
  if (format === 'wordpress' || (!format && isWordPressPosts(document))) return normalizeWordPress(document, feedUrl);
  if (format === 'json-feed' || isJsonFeed(document)) return normalizeJsonFeed(document, feedUrl);
  if (Array.isArray(document) && document.length === 0) return emptyFeed(); // an empty WordPress page
  throw new FeedError('format', 'The document is neither a JSON Feed nor a WordPress posts list.');
}

/** Parses a response body (already decoded to text) in any supported format. */
export function parseFeedText(body: string, contentType: string | null, feedUrl: string | undefined, options: ParseOptions = {}): Feed {
  const text = body.replace(/^\uFEFF/, '');
  const xmlForced = options.format === 'rss' || options.format === 'atom';
  if (!options.transform && (xmlForced || (!options.format && isXmlFeedText(text)))) return parseXmlFeed(text, feedUrl);
  if (/^\s*</.test(text) && /html/i.test(contentType ?? '') || /^\s*<(!doctype html|html)[\s>]/i.test(text)) {
    throw new FeedError('format', 'The server sent an HTML page instead of a feed.');
  }
  if (/^\s*</.test(text)) throw new FeedError('format', 'The XML document is not an RSS or Atom feed.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new FeedError('parse', `The feed is not valid JSON: ${(cause as Error).message}`, undefined, { cause });
  }
  return parseFeedData(data, feedUrl, options);
}
