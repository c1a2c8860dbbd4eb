/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) to the normalized `Feed`.
 *
 * Follows the spec where it says what a reader must do: items without an `id` are discarded, a
 * numeric id is coerced to a string, 1.0's single `author` is read when 1.1's `authors` is absent,
 * and item authors fall back to the feed's. Relative URLs resolve against the feed's URL. Anything of
 * the wrong type is skipped, never thrown on; a document that is not a feed at all is a `FeedError`.
 * One extension is read: `"_news_widgets": { "featured": true }` on an item marks the story to feature.
 */
import { FeedError } from './feed-error.js';
import type { Author, Feed, Story } from './story.js';
import { resolveImageUrl, resolveLinkUrl } from './url.js';
import { collectStories, isObject, readArray, readIsoDate, readLanguage, readText, sortNewestFirst, type JsonObject } from './values.js';

const versionPrefix = 'https://jsonfeed.org/version/';

/** True when `value` looks like a JSON Feed document (a version URL, or at least an `items` array). */
export function isJsonFeed(value: unknown): value is JsonObject {
  if (!isObject(value)) return false;
  const version = value['version'];
  if (typeof version === 'string' && version.startsWith(versionPrefix)) return true;
  return version === undefined && Array.isArray(value['items']);
}

/**
 * An enormous feed (10,000 items, 10 MB) must not cost a widget that shows six of them: beyond this
 * many items, only the newest are read (dates are cheap to compare; full normalization is not).
 */
export const maxStoriesRead = 1000;

/** The `count` newest items (undated ones last), found from their dates alone. */
function newestItems(items: unknown[], count: number): unknown[] {
  const dated = items.map((item, index) => ({ item, index, published: isObject(item) ? readIsoDate(item['date_published']) : undefined }));
  return sortNewestFirst(dated).slice(0, count).map(({ item }) => item);
}

export function normalizeJsonFeed(document: unknown, feedUrl?: string): Feed {
  if (!isJsonFeed(document)) {
    throw new FeedError('format', 'The document is not a JSON Feed (no "version" of jsonfeed.org and no "items" array).');
  }
  // Relative URLs resolve against where the feed was fetched from, else its own absolute feed_url.
  const base = feedUrl ?? resolveLinkUrl(document['feed_url']);
  const feedAuthors = readAuthors(document, base);
  const feedLanguage = readLanguage(document['language']);
  const items = readArray(document['items']);
  const read = items.length > maxStoriesRead ? newestItems(items, maxStoriesRead) : items;
  const { stories, skipped } = collectStories(read, (item) => isObject(item) ? normalizeItem(item, base, feedAuthors) : undefined);

  return {
    title: readText(document['title']),
    homePageUrl: resolveLinkUrl(document['home_page_url'], base),
    language: feedLanguage,
    authors: feedAuthors,
    stories,
    skipped,
    unread: items.length - read.length || undefined,
    nextUrl: resolveLinkUrl(document['next_url'], base),
  };
}

function normalizeItem(item: JsonObject, base: string | undefined, feedAuthors: Author[]): Story | undefined {
  const id = readText(item['id']);
  if (!id) return undefined;
  const authors = readAuthors(item, base);
  return {
    id,
    title: readText(item['title']),
    url: resolveLinkUrl(item['url'], base) ?? resolveLinkUrl(item['external_url'], base),
    summary: readText(item['summary']),
    contentHtml: readText(item['content_html']),
    contentText: readText(item['content_text']),
    image: resolveImageUrl(item['image'], base) ?? resolveImageUrl(item['banner_image'], base),
    published: readIsoDate(item['date_published']),
    modified: readIsoDate(item['date_modified']),
    authors: authors.length ? authors : feedAuthors,
    tags: readArray(item['tags']).map(readText).filter((tag): tag is string => tag !== undefined),
    language: readLanguage(item['language']),
    featured: isObject(item['_news_widgets']) && item['_news_widgets']['featured'] === true ? true : undefined,
  };
}

/** 1.1's `authors` array, else 1.0's `author` object. Authors without a name are dropped. */
function readAuthors(owner: JsonObject, base: string | undefined): Author[] {
  const list = Array.isArray(owner['authors']) ? owner['authors'] : isObject(owner['author']) ? [owner['author']] : [];
  const authors: Author[] = [];
  for (const entry of list) {
    const name = isObject(entry) ? readText(entry['name']) : undefined;
    if (name) authors.push({ name, url: resolveLinkUrl((entry as JsonObject)['url'], base) });
  }
  return authors;
}
