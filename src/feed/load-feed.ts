/**
 * parse-feed.ts for the widgets: the same steps, with the WordPress and RSS/Atom readers imported
 * only when a feed is in their format, so a page showing a JSON Feed never downloads them (they are
 * separate chunks of the CDN build). JSON Feed, the common case, is read without waiting.
 */
import { detectFeed, emptyFeed, type ParseOptions } from './feed-detect.js';
import { asFeedError } from './feed-error.js';
import { normalizeJsonFeed } from './json-feed.js';
import type { Feed } from './story.js';

/** `parseFeedText` of `text`, or `parseFeedData` of `data` when there is no text, loading the reader the feed needs. */
export async function loadFeed(text: string | undefined, contentType: string | null, feedUrl: string | undefined, options: ParseOptions = {}, data?: unknown): Promise<Feed> {
  const [format, value] = detectFeed(text, data, options);
  // A reader that fails to load (its chunk, from the CDN) is a network failure to say as one, not a feed the widget cannot read.
  const loadChunk = <T>(chunk: Promise<T>): Promise<T> => chunk.catch((reason) => Promise.reject(asFeedError(reason, 'network')));
  if (format == 'markup') {
    const feed = (await loadChunk(import('./markup-feed.js'))).parseMarkupFeed(value as string, contentType, feedUrl, options);
    // A JSON feed that PHP's warnings came before (markup-feed.ts), read as JSON.
    return typeof feed == 'string' ? loadFeed(feed, contentType, feedUrl, options) : feed;
  }
  return format == 'wordpress'
      ? (await loadChunk(import('./wordpress.js'))).normalizeWordPress(value, feedUrl ?? options.baseUrl)
      : format
        ? normalizeJsonFeed(value, feedUrl, options.baseUrl)
        : emptyFeed();
}
