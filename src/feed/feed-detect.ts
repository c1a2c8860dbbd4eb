/**
 * What kind of feed a body or a JSON value is, without the readers themselves: the feed readers
 * other than JSON Feed are loaded only when a feed needs them (see load-feed.ts), so telling the
 * formats apart must not import them. Also the failures that need no reader: a transform that
 * throws, text that is not JSON, JSON that is no feed. No DOM.
 */
import { FeedError } from './feed-error.js';
import { isJsonFeed } from './json-feed.js';
import type { Feed } from './story.js';
import { isObject, readText } from './values.js';

export type FeedFormat = 'json-feed' | 'wordpress' | 'rss' | 'atom';

/** Maps any JSON to JSON Feed items (or a whole JSON Feed object), for custom APIs. */
export type FeedTransform = (data: unknown) => unknown;

export interface ParseOptions {
  /** Forces a format instead of detecting it. */
  format?: FeedFormat | string;
  transform?: FeedTransform;
}

/**
 * True when `value` looks like a posts collection: an array in whose first five elements there is an
 * object with an `id` and a `title` object holding a string `rendered`. An empty array is not
 * recognised, since it could be any format's empty list; a caller that gets `[]` shows an empty
 * feed anyway (and `normalizeWordPress([])` is one).
 */
export const isWordPressPosts = (value: unknown): boolean =>
  Array.isArray(value) &&
  value.slice(0, 5).some((post) => isObject(post) && readText(post['id']) && isObject(post['title']) && typeof post['title']['rendered'] == 'string');

export const emptyFeed = (): Feed => ({ authors: [], stories: [], skipped: 0 });

/** The document `transform` makes of `data` (a JSON Feed, or its items), or `data` itself without one. */
export function transformedData(data: unknown, { transform }: ParseOptions): unknown {
  if (!transform) return data;
  try {
    data = transform(data);
  } catch (cause) {
    throw new FeedError('format', `transform failed: ${(cause as Error)?.message ?? cause}`, undefined, { cause });
  }
  return Array.isArray(data) ? { version: 'https://jsonfeed.org/version/1.1', items: data } : data;
}

/** Which reader a JSON document needs: `empty` for an empty WordPress page. */
export function jsonFormat(document: unknown, options: ParseOptions): 'json-feed' | 'wordpress' | 'empty' {
  const format = options.transform ? 'json-feed' : options.format;
  if (format == 'wordpress' || (!format && isWordPressPosts(document))) return 'wordpress';
  if (format == 'json-feed' || isJsonFeed(document)) return 'json-feed';
  if (Array.isArray(document) && !document.length) return 'empty';
  throw new FeedError('format', 'not a JSON Feed or WordPress posts');
}

/** The body without a byte order mark. */
export const withoutBom = (body: string): string => body.replace(/^\uFEFF/, '');

/** True when the body is markup (RSS, Atom, or an HTML page instead of a feed), or RSS/Atom is forced. */
export const isMarkupText = (text: string, options: ParseOptions): boolean =>
  (!options.transform && (options.format == 'rss' || options.format == 'atom')) || /^\s*</.test(text);

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new FeedError('parse', `not valid JSON: ${(cause as Error).message}`, undefined, { cause });
  }
}
