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
  /**
   * Where relative URLs resolve in a feed that was not fetched (given as data) when it does not
   * give its own address (JSON Feed `feed_url`): the page's base URL.
   */
  baseUrl?: string;
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

/**
 * Which reader a feed needs, and what it reads: `text` (a body, decoded) when given, else `data`
 * (already parsed JSON). Markup (RSS, Atom, or an HTML page instead of a feed) goes to the markup
 * reader without its byte order mark, unless a transform is set; JSON is parsed, transformed (a
 * transform's array becomes a JSON Feed's items) and told apart. An empty array is an empty feed
 * (format ''). Throws a `FeedError` for text that is not JSON, a failed transform, JSON that is no feed.
 */
export function detectFeed(text: string | undefined, data: unknown, { format, transform }: ParseOptions): ['markup' | 'wordpress' | 'json-feed' | '', unknown] {
  if (text != null) {
    text = text.replace(/^\uFEFF/, '');
    if ((!transform && (format == 'rss' || format == 'atom')) || /^\s*</.test(text)) return ['markup', text];
    try {
      data = JSON.parse(text);
    } catch (cause) {
      throw new FeedError('parse', `not valid JSON: ${(cause as Error).message}`, undefined, { cause });
    }
  }
  if (transform) {
    try {
      data = transform(data);
    } catch (cause) {
      throw new FeedError('format', `transform failed: ${(cause as Error)?.message ?? cause}`, undefined, { cause });
    }
    if (Array.isArray(data)) data = { version: 'https://jsonfeed.org/version/1.1', items: data };
    format = 'json-feed';
  }
  if (format == 'wordpress' || (!format && isWordPressPosts(data))) return ['wordpress', data];
  if (format == 'json-feed' || isJsonFeed(data)) return ['json-feed', data];
  if (Array.isArray(data) && !data.length) return ['', data];
  throw new FeedError('format', 'not a JSON Feed or WordPress posts');
}
