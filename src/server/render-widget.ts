/**
 * Server rendering of the widgets (news-widgets/server): the element's HTML with its shadow DOM as a
 * declarative shadow root, rendered by lit's own server renderer (@lit-labs/ssr) from the same
 * component classes and CSS the browser runs, and the feed printed into the element as
 * `<script type="application/feed+json">`, which the browser reads instead of fetching.
 *
 * Without JavaScript the snippet is the finished widget: linked titles, excerpts, images, the
 * sanitized body, absolute dates (see time-view.ts). With the script, the element upgrades, reads
 * the printed feed synchronously and renders with live relative times in the same task, so nothing
 * paints in between (see news-element.ts for why this is a replacement, not lit's hydration).
 *
 * Node only: it imports jsdom and @lit-labs/ssr, which the browser bundles never see.
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { FeaturedStoryElement } from '../components/featured-story/featured-story.element.js';
import { RecentPostsElement } from '../components/recent-posts/recent-posts.element.js';
import { decodeFeedBytes } from '../feed/decode.js';
import { FeedError } from '../feed/feed-error.js';
import { parseFeedData, parseFeedText } from '../feed/parse-feed.js';
import type { Feed } from '../feed/story.js';
import { toJsonFeed } from '../feed/to-json-feed.js';
import { availableLocales, loadCatalog } from '../i18n/messages.js';
import { loadSanitizer } from '../sanitize/sanitizer.js';
import { withServerDom } from './server-dom.js';

export type WidgetName = 'recent-posts' | 'featured-story';

/** An attribute's value: a string or number as written, `true` for a present boolean attribute, `false`/`null`/`undefined` for none. */
export type AttributeValue = string | number | boolean | null | undefined;

export interface RenderWidgetOptions {
  /** Which widget to render. */
  element: WidgetName;
  /**
   * The feed: the text of a JSON Feed, WordPress REST posts list, RSS or Atom document (detected as
   * the components detect it), its bytes (a `Buffer`, `Uint8Array` or `ArrayBuffer`, decoded by its
   * byte order mark, `contentType`'s charset or XML declaration, as the components decode a response),
   * or already-parsed JSON (a JSON Feed object or a WordPress posts array).
   */
  feed: unknown;
  /** The feed's own URL: relative links and images in it resolve against it. */
  feedUrl?: string;
  /** The Content-Type the feed was served with, if any (it tells an HTML error page apart, and gives the charset of bytes). */
  contentType?: string | null;
  /** Forces the feed format (`json-feed`, `wordpress`, `rss`, `atom`) instead of detecting it. */
  format?: string;
  /**
   * The element's attributes, as on the page: `lang` (the locale of the words and dates; the server
   * has no page to inherit it from), `time-zone` (dates are in the server's zone otherwise), `limit`,
   * `heading`, `label`, `item-id`, `tags`, `link-target`, `excerpt-length`, …
   */
  attributes?: Record<string, AttributeValue>;
}

const widgets = { 'recent-posts': RecentPostsElement, 'featured-story': FeaturedStoryElement } as const;

// In the browser, a locale's words and the sanitizer load on demand before a widget shows them; a
// server render is synchronous, so this module loads them all (every locale, both parts, and
// intl-messageformat where a part needs it) before it exports anything.
await Promise.all([...availableLocales().map((locale) => loadCatalog(locale, ['core', 'time'])), loadSanitizer()]);

/** Attribute names an author could write; never `on…` (handlers), nor attributes the snippet sets itself. */
const attributeName = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const reserved = new Set(['format']); // consumed here: the printed feed is always JSON Feed

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attributeText(attributes: Record<string, AttributeValue>): string {
  let text = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (!attributeName.test(name) || name.startsWith('on')) throw new TypeError(`news-widgets: "${name}" is not an attribute renderWidget can set.`);
    if (reserved.has(name) || value === false || value === null || value === undefined) continue;
    text += value === true ? ` ${name}` : ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return text;
}

/**
 * JSON for a `<script>` element: `<` is escaped as `\u003c`, so no `</script>` or `<!--` in feed
 * text can end the element early or start a comment. JSON.parse reads it back unchanged.
 */
export function scriptSafeJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Reads `feed` (text, bytes or parsed JSON) into the normalized feed, as the components do; throws a `FeedError`. */
function readFeed(options: RenderWidgetOptions): Feed {
  const { feedUrl, format } = options;
  let { feed } = options;
  // Bytes, as `readFileSync(path)` without an encoding gives them: a windows-1251 or KOI8-R feed is
  // only readable from its bytes (an object to parseFeedData, which would call it no feed at all).
  if (feed instanceof ArrayBuffer) feed = new Uint8Array(feed);
  else if (ArrayBuffer.isView(feed)) feed = new Uint8Array(feed.buffer, feed.byteOffset, feed.byteLength);
  if (feed instanceof Uint8Array) feed = decodeFeedBytes(feed, options.contentType ?? null);
  if (typeof feed === 'string') return parseFeedText(feed, options.contentType ?? null, feedUrl, { format });
  if (feed === null || typeof feed !== 'object') throw new FeedError('format', 'The feed must be the text or bytes of a feed, or a parsed JSON Feed (or WordPress posts).');
  return parseFeedData(feed, feedUrl, { format });
}

/**
 * The widget as HTML: `<recent-posts …><template shadowrootmode="open">…</template><script
 * type="application/feed+json">…</script></recent-posts>`. Synchronous; throws a `FeedError` (with
 * `kind` `parse` or `format`) for a feed it cannot read, never returning half a widget.
 */
export function renderWidget(options: RenderWidgetOptions): string {
  const elementClass = widgets[options.element];
  if (!elementClass) throw new TypeError(`news-widgets: unknown element "${options.element}" (recent-posts or featured-story).`);
  const attributes = attributeText(options.attributes ?? {});
  return withServerDom(() => {
    const jsonFeed = toJsonFeed(readFeed(options));
    // Registered in lit's server registry on first use, not on import (importing registers nothing).
    elementClass.define();
    const tag = unsafeStatic(options.element);
    // The printed feed is added to the rendered element, not written into the template: lit keeps
    // every template's static text for the life of the process (static-html's cache of strings, and
    // the server renderer's parsed templates), so a feed inside one would be kept, in several copies,
    // by a server or a watching build that renders feed after feed. (The attributes are static text
    // too, but a site has a few sets of them, each of a few bytes.)
    const result = render(html`<${tag}${unsafeStatic(attributes)} .feed=${jsonFeed}></${tag}>`);
    // lit's hydration markers (comments) are dropped: the browser replaces the server DOM instead of
    // hydrating it (see news-element.ts), so they would only be bytes. So is `<?>`, the node lit puts
    // at the end of a template that ends with an expression (lit/lit#2470): browsers read it as a
    // comment, but it is a parse error that validators and strict parsers reject. Feed text cannot
    // fake either: text and attribute values are escaped (`<` included, in sanitized HTML too),
    // sanitized HTML has no comments, and the printed JSON has no "<".
    const element = collectResultSync(result)
      .replace(/<!--(?:\/?lit-part[^>]*|lit-node \d+)-->|<\?>/g, '')
      .replace(/^(<[a-z-]+)\s+(>?)/, (_, open: string, end: string) => (end ? `${open}>` : `${open} `)); // lit's spacing
    const close = `</${options.element}>`;
    if (!element.endsWith(close)) throw new Error(`news-widgets: lit rendered no closing ${close}.`);
    return `${element.slice(0, -close.length)}<script type="application/feed+json">${scriptSafeJson(jsonFeed)}</script>${close}`;
  });
}
