/**
 * parse-feed.ts for the widgets: the same steps, with the WordPress and RSS/Atom readers imported
 * only when a feed is in their format, so a page showing a JSON Feed never downloads them (they are
 * separate chunks of the CDN build). JSON Feed, the common case, is read without waiting.
 */
import { emptyFeed, isMarkupText, jsonFormat, parseJsonText, transformedData, withoutBom, type ParseOptions } from './feed-detect.js';
import { normalizeJsonFeed } from './json-feed.js';
import type { Feed } from './story.js';

/** `parseFeedData`, loading the reader the data needs. */
export async function loadFeedData(data: unknown, feedUrl: string | undefined, options: ParseOptions = {}): Promise<Feed> {
  const document = transformedData(data, options);
  const format = jsonFormat(document, options);
  if (format === 'wordpress') return (await import('./wordpress.js')).normalizeWordPress(document, feedUrl);
  return format === 'json-feed' ? normalizeJsonFeed(document, feedUrl) : emptyFeed();
}

/** `parseFeedText`, loading the reader the body needs. */
export async function loadFeedText(body: string, contentType: string | null, feedUrl: string | undefined, options: ParseOptions = {}): Promise<Feed> {
  const text = withoutBom(body);
  if (isMarkupText(text, options)) return (await import('./markup-feed.js')).parseMarkupFeed(text, contentType, feedUrl, options);
  return loadFeedData(parseJsonText(text), feedUrl, options);
}
