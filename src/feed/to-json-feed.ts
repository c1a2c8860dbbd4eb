/**
 * A normalized `Feed` back to a JSON Feed 1.1 document, for server rendering: whatever format the
 * server read (JSON Feed, WordPress, RSS, Atom), the page gets one JSON Feed printed into the element
 * (`<script type="application/feed+json">`), which the browser normalizes to the same stories
 * without fetching or parsing XML. URLs are already absolute and of a safe scheme; HTML is still raw
 * (the browser sanitizes it again, as it does any feed). No DOM.
 */
import type { Author, Feed, Story } from './story.js';

type JsonFeedAuthor = { name: string; url?: string };

const authorsOf = (authors: Author[]): JsonFeedAuthor[] | undefined =>
  authors.length ? authors.map(({ name, url }) => (url ? { name, url } : { name })) : undefined;

function item(story: Story): Record<string, unknown> {
  return {
    id: story.id,
    url: story.url,
    title: story.title,
    summary: story.summary,
    content_html: story.contentHtml,
    content_text: story.contentText,
    image: story.image,
    date_published: story.published?.toISOString(),
    date_modified: story.modified?.toISOString(),
    authors: authorsOf(story.authors),
    tags: story.tags.length ? story.tags : undefined,
    language: story.language,
    _news_widgets: extensionOf(story),
  };
}

/**
 * What JSON Feed has no field for, in our extension (read back by json-feed.ts): the story to feature,
 * and a WordPress image's alt text and sizes, without which the server's image and the browser's
 * after it would lose their text alternative and `srcset`.
 */
function extensionOf({ featured, imageAlt, imageSizes }: Story): Record<string, unknown> | undefined {
  return featured || imageAlt || imageSizes ? { featured: featured || undefined, image_alt: imageAlt, image_sizes: imageSizes } : undefined;
}

/** The JSON Feed 1.1 document of `feed` (undefined fields are left out by `JSON.stringify`). */
export function toJsonFeed(feed: Feed): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homePageUrl,
    language: feed.language,
    authors: authorsOf(feed.authors),
    next_url: feed.nextUrl,
    items: feed.stories.map(item),
  };
}
