/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) to the normalized `Feed`.
 *
 * Follows the spec where it says what a reader must do: items without an `id` are discarded, a
 * numeric id is coerced to a string, 1.0's single `author` is read when 1.1's `authors` is absent,
 * and item authors fall back to the feed's. Relative URLs resolve against the feed's URL. Anything of
 * the wrong type is skipped, never thrown on; a document that is not a feed at all is a `FeedError`.
 * One extension is read, on an item: `"_news_widgets": { "featured": true, "image_alt": "…", "image_sizes":
 * [{ "url": "…", "width": 300 }, …] }` marks the story to feature, and gives its image's alt text and
 * other sizes (for `srcset`), which the server's printed feed carries over from WordPress media.
 *
 * A story's fields other than its id are read from its item when first used (lazy-story.ts).
 */
import { FeedError } from './feed-error.js';
import { lazyStories } from './lazy-story.js';
import type { Author, Feed } from './story.js';
import { resolveImageUrl, resolveLinkUrl } from './url.js';
import { collectStories, isImageWidth, isObject, readArray, readIsoDate, readLanguage, readText, sortNewestFirst, type JsonObject } from './values.js';

/** True when `value` looks like a JSON Feed document (a version URL, or at least an `items` array). */
export function isJsonFeed(value: unknown): value is JsonObject {
  if (!isObject(value)) return false;
  const version = value['version'];
  return typeof version == 'string' ? version.startsWith('https://jsonfeed.org/version/') : version === undefined && Array.isArray(value['items']);
}

/**
 * An enormous feed (10,000 items, 10 MB) must not cost a widget that shows six of them: beyond this
 * many items, only the newest are read (dates are cheap to compare; full normalization is not).
 */
export const maxStoriesRead = 1000;

/** What every item's fields are read with: the URL relative ones resolve against, and the feed's authors. */
interface FeedContext {
  base: string | undefined;
  feedAuthors: Author[];
}

/** An item's time: when it was published, else (as Atom's `updated` stands in for `published`) when it was last modified. */
const publishedOf = (item: JsonObject) => readIsoDate(item['date_published']) ?? readIsoDate(item['date_modified']);

/** How each field of a story is read from its item (see lazy-story.ts). */
const jsonFeedStory = lazyStories<JsonObject, FeedContext>({
  title: (item) => readText(item['title']),
  url: (item, { base }) => resolveLinkUrl(item['url'], base) ?? resolveLinkUrl(item['external_url'], base),
  summary: (item) => readText(item['summary']),
  contentHtml: (item) => readText(item['content_html']),
  contentText: (item) => readText(item['content_text']),
  image: (item, { base }) => resolveImageUrl(item['image'], base) ?? resolveImageUrl(item['banner_image'], base),
  published: publishedOf,
  modified: (item) => readIsoDate(item['date_modified']),
  authors: (item, { base, feedAuthors }) => readAuthors(item, base) ?? feedAuthors,
  tags: (item) => readArray(item['tags']).map(readText).filter((tag): tag is string => !!tag),
  language: (item) => readLanguage(item['language']),
  featured: (item) => extensionOf(item)['featured'] === true || undefined,
  imageAlt: (item) => readText(extensionOf(item)['image_alt']),
  imageSizes: (item, { base }) => {
    // Checked as WordPress's sizes are: an http(s) URL and a plausible width in pixels each.
    const sizes = readArray(extensionOf(item)['image_sizes']).flatMap((size) => {
      const url = isObject(size) && resolveImageUrl(size['url'], base);
      const width = isObject(size) && size['width'];
      return url && isImageWidth(width) ? [{ url, width }] : [];
    });
    return sizes.length > 1 ? sizes : undefined;
  },
});

const extensionOf = (item: JsonObject): JsonObject => (isObject(item['_news_widgets']) ? item['_news_widgets'] : {});

/**
 * `feedUrl` is where the feed was fetched from; `pageUrl`, for a feed given as data, where the page
 * showing it is. Relative URLs resolve against the first, else the feed's own absolute `feed_url`,
 * else the page.
 */
export function normalizeJsonFeed(document: unknown, feedUrl?: string, pageUrl?: string): Feed {
  if (!isJsonFeed(document)) throw new FeedError('format', 'not a JSON Feed');
  const base = feedUrl ?? resolveLinkUrl(document['feed_url']) ?? pageUrl;
  const feedAuthors = readAuthors(document, base) ?? [];
  const items = readArray(document['items']);
  // The newest items of an enormous feed, found from their dates alone.
  const read =
    items.length > maxStoriesRead
      ? sortNewestFirst(items.map((item) => ({ item, published: isObject(item) ? publishedOf(item) : undefined })))
          .slice(0, maxStoriesRead)
          .map(({ item }) => item)
      : items;
  const context = { base, feedAuthors };
  const { stories, skipped } = collectStories(read, (item) => {
    const id = isObject(item) && readText(item['id']);
    return id ? jsonFeedStory(id, item as JsonObject, context) : undefined;
  });

  return {
    title: readText(document['title']),
    homePageUrl: resolveLinkUrl(document['home_page_url'], base),
    language: readLanguage(document['language']),
    authors: feedAuthors,
    stories,
    skipped,
    unread: items.length - read.length || undefined,
    nextUrl: resolveLinkUrl(document['next_url'], base),
  };
}

/**
 * 1.1's `authors` array, else 1.0's `author` object (also beside an `authors` that names no one, as
 * generators that write both print `"authors": []`); `undefined` when no author has a name.
 */
function readAuthors(owner: JsonObject, base: string | undefined): Author[] | undefined {
  for (const list of [readArray(owner['authors']), [owner['author']]]) {
    const authors = list.flatMap((entry) => {
      const name = isObject(entry) && readText(entry['name']);
      return name ? [{ name, url: resolveLinkUrl(entry['url'], base) }] : [];
    });
    if (authors.length) return authors;
  }
  return undefined;
}
