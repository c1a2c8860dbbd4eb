/**
 * The WordPress REST API's posts collection (`/wp-json/wp/v2/posts`, with or without `?_embed`) to
 * the normalized `Feed`.
 *
 * A post's `title.rendered` and `excerpt.rendered` are HTML: they become plain text here, without a
 * DOM (normalizers run anywhere), by a small tag stripper and entity decoder that is enough for these
 * short fields. `content.rendered` stays HTML, to be sanitized by the components. Authors, the
 * featured image and the category and tag names exist only in `_embedded` (`?_embed`); without it a
 * post has only numeric ids for them, which are ignored. An embedded entry can be a REST error object
 * (a deleted author, private media) instead of the thing itself: it is skipped. Anything of the wrong
 * type is skipped, never thrown on; a body that is not an array of posts is a `FeedError`. A post's
 * fields other than its id are read when first used (lazy-story.ts): only the posts shown are stripped
 * of their HTML.
 */
import { FeedError } from './feed-error.js';
import { decodeEntities } from './html-text.js';
import { lazyStories } from './lazy-story.js';
import type { Author, Feed, ImageSize, Story } from './story.js';
import { resolveImageUrl, resolveLinkUrl } from './url.js';
import { collectStories, isImageWidth, isObject, readArray, readIsoDate, readText, type JsonObject } from './values.js';

export { isWordPressPosts } from './feed-detect.js';

export function normalizeWordPress(posts: unknown, feedUrl?: string): Feed {
  if (!Array.isArray(posts)) {
    throw new FeedError('format', 'The document is not a WordPress posts collection (expected a JSON array of posts).');
  }
  // The posts collection says nothing about the site itself (its name is at /wp-json, another request).
  return {
    title: undefined,
    homePageUrl: undefined,
    language: undefined,
    authors: [],
    ...collectStories(posts, (post) => {
      const id = isObject(post) ? readText(post['id']) : undefined;
      return id ? wordPressStory(id, post as JsonObject, feedUrl) : undefined;
    }),
  };
}

function embeddedOf({ _embedded: embedded }: JsonObject): JsonObject {
  return isObject(embedded) ? embedded : {};
}

/** The featured image's three fields come from one reading of the medium. */
const featuredImages = new WeakMap<JsonObject, ReturnType<typeof readFeaturedImage>>();
function featuredImageOf(post: JsonObject, base: string | undefined): ReturnType<typeof readFeaturedImage> {
  let found = featuredImages.get(post);
  if (!found) featuredImages.set(post, (found = readFeaturedImage(post, base)));
  return found;
}

/** How each field of a story is read from its post, when first used (lazy-story.ts). */
const wordPressStory = lazyStories<JsonObject, string | undefined>({
  title: (post) => htmlToPlainText(readRendered(post['title'])),
  url: (post, base) => resolveLinkUrl(post['link'], base),
  summary: (post) => excerptToPlainText(readRendered(post['excerpt'])),
  // A password-protected post's content is not for the public (WordPress sends it only with the password).
  contentHtml: ({ content }) => (isObject(content) && content['protected'] === true ? undefined : readText(readRendered(content))),
  image: (post, base) => featuredImageOf(post, base).image,
  imageAlt: (post, base) => featuredImageOf(post, base).imageAlt,
  imageSizes: (post, base) => featuredImageOf(post, base).imageSizes,
  // `date_gmt` is UTC without a zone suffix, which readIsoDate reads as UTC. `date` is the site's
  // local time, in a zone the posts response does not state (it is in the site's settings, at
  // another endpoint): it is read as UTC too, a few hours off at worst, rather than in the
  // visitor's zone, which would be off by a different amount for every visitor. It is only used
  // when `date_gmt` is absent or unreadable (`null` for drafts and some imported posts).
  published: (post) => readIsoDate(post['date_gmt']) ?? readIsoDate(post['date']),
  modified: (post) => readIsoDate(post['modified_gmt']) ?? readIsoDate(post['modified']),
  authors: (post, base) => readAuthors(embeddedOf(post), base),
  tags: (post) => readTermNames(embeddedOf(post)),
  featured: (post) => post['sticky'] === true || undefined,
});

/** `{ rendered: '…' }`, as WordPress wraps its rendered fields; a bare string is taken as is. */
function readRendered(field: unknown): string | undefined {
  const value = isObject(field) ? field['rendered'] : field;
  return typeof value === 'string' ? value : undefined;
}

/** An embedded REST error (`{ code, message, data: { status } }`) in place of a user, a medium or a term. */
function isRestError(value: JsonObject): boolean {
  return typeof value['code'] === 'string' && (isObject(value['data']) || typeof value['message'] === 'string');
}

/** The embedded entries of a relation: error objects and non-objects left out. */
function embeddedObjects(value: unknown): JsonObject[] {
  return readArray(value).filter((entry): entry is JsonObject => isObject(entry) && !isRestError(entry));
}

function readAuthors(embedded: JsonObject, base: string | undefined): Author[] {
  const authors: Author[] = [];
  for (const user of embeddedObjects(embedded['author'])) {
    // Display names are stored HTML-escaped ("Admin &amp; Co").
    const name = htmlToPlainText(user['name']);
    if (name) authors.push({ name, url: resolveLinkUrl(user['link'], base) });
  }
  return authors;
}

/**
 * The featured medium's full-size URL, its alt text and its other sizes (`media_details.sizes`:
 * thumbnail, medium, large…, each with `source_url` and `width`). Media that is not an image (a
 * featured video) gives none; so does the error object WordPress embeds for private media. Without
 * an embedded medium (no `_embed`), Jetpack's `jetpack_featured_media_url`, which sites with Jetpack
 * (all of WordPress.com) add to each post, is the full-size URL.
 */
function readFeaturedImage(post: JsonObject, base: string | undefined): Pick<Story, 'image' | 'imageAlt' | 'imageSizes'> {
  const [media] = readArray(embeddedOf(post)['wp:featuredmedia']);
  if (media === undefined) return { image: resolveImageUrl(post['jetpack_featured_media_url'], base) };
  const none = { image: undefined };
  if (!isObject(media) || isRestError(media)) return none;
  const mediaType = media['media_type'];
  if (typeof mediaType === 'string' && mediaType !== 'image') return none;
  const image = resolveImageUrl(media['source_url'], base);
  if (!image) return none;
  const details = isObject(media['media_details']) ? media['media_details'] : {};
  const sizes = isObject(details['sizes']) ? details['sizes'] : {};
  const imageSizes: ImageSize[] = [];
  const seenWidths = new Set<number>();
  for (const size of Object.values(sizes)) {
    if (!isObject(size)) continue;
    const url = resolveImageUrl(size['source_url'], base);
    const width = Number(size['width']);
    if (!url || !isImageWidth(width) || seenWidths.has(width)) continue;
    seenWidths.add(width);
    imageSizes.push({ url, width });
  }
  imageSizes.sort((a, b) => a.width - b.width);
  const found: Pick<Story, 'image' | 'imageAlt' | 'imageSizes'> = { image };
  const alt = htmlToPlainText(media['alt_text']);
  if (alt) found.imageAlt = alt;
  if (imageSizes.length > 1) found.imageSizes = imageSizes;
  return found;
}

const tagTaxonomies = new Set(['category', 'post_tag']);

/** Names of the post's categories and tags (`wp:term` is one array per taxonomy), decoded, without repeats. */
function readTermNames(embedded: JsonObject): string[] {
  const names = new Set<string>();
  for (const terms of readArray(embedded['wp:term'])) {
    for (const term of embeddedObjects(terms)) {
      if (typeof term['taxonomy'] !== 'string' || !tagTaxonomies.has(term['taxonomy'])) continue;
      const name = htmlToPlainText(term['name']);
      if (name) names.add(name);
    }
  }
  return [...names];
}

// ---------------------------------------------------------------------------------------------
// HTML to plain text, without a DOM. Good enough for titles, excerpts and names; not a parser.
// ---------------------------------------------------------------------------------------------

/** A start or end tag, with `>` allowed inside quoted attribute values. Group 1: its name. */
const tagPattern = /<\/?([a-zA-Z][a-zA-Z0-9:-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;
/** Elements whose content is not text. */
const hiddenElements = /<(script|style|template|noscript|iframe|object|svg|math|textarea|title)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/\1\s*>/gi;
/** Elements that separate words: their tags become a space, other tags vanish ("W<em>or</em>d"). */
const blockElements = /^(address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|ol|p|pre|section|table|td|th|tr|ul)$/i;
const classAttribute = /\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
/** Link text that is a theme's "read more" link rather than part of the excerpt. */
const readMoreText = /^(?:continue reading|read more|читать далее|читать полностью|подробнее|далее)(?![\p{L}\p{N}])/iu;
/** WordPress's default excerpt ending (` [&hellip;]`) and its variants, once decoded. */
const trailingMoreMarker = /\s*\[\s*(?:…|\.\.\.)\s*\]\s*$/;
/** Whitespace as HTML collapses it, plus no-break spaces; see collapseWhitespace. */
const whitespaceRun = /[\t\n\f\r \u00A0]+/g;

/** Tags stripped, entities decoded, whitespace collapsed; `undefined` when nothing is left or for a value that is no string. */
function htmlToPlainText(html: unknown): string | undefined {
  return typeof html == 'string' ? readText(collapseWhitespace(decodeEntities(stripTags(html)))) : undefined;
}

/**
 * An excerpt's plain text: as htmlToPlainText, without the "read more" that WordPress and themes
 * append to it (a trailing `[…]`, an element of class `more-link`, a trailing "Continue reading" link).
 */
function excerptToPlainText(html: string | undefined): string | undefined {
  if (html === undefined) return undefined;
  let text = collapseWhitespace(decodeEntities(stripTags(removeReadMoreLinks(html))));
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(trailingMoreMarker, '');
  }
  return readText(text);
}

function stripTags(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(hiddenElements, ' ')
    .replace(/<[!?][^>]*>/g, '')
    .replace(tagPattern, (_tag, name: string) => (blockElements.test(name) ? ' ' : ''));
}

/** Removes every element of class `more-link`, and a link at the very end whose text is "Continue reading". */
function removeReadMoreLinks(html: string): string {
  let result = '';
  let position = 0;
  const startTag = /<([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  for (let match = startTag.exec(html); match; match = startTag.exec(html)) {
    const [tag, name, attributes = ''] = match;
    const classMatch = classAttribute.exec(attributes);
    const classes = classMatch ? (classMatch[1] ?? classMatch[2] ?? classMatch[3] ?? '').split(/\s+/) : [];
    if (!classes.includes('more-link')) continue;
    // The element ends at the first matching end tag (a nested element of the same name would end it
    // early: good enough for a link), or is just its start tag when it is not closed.
    const end = new RegExp(`</${name}\\s*>`, 'i');
    const rest = html.slice(match.index + tag.length);
    const endMatch = end.exec(rest);
    const elementEnd = match.index + tag.length + (endMatch ? endMatch.index + endMatch[0].length : 0);
    result += `${html.slice(position, match.index)} `;
    position = elementEnd;
    startTag.lastIndex = elementEnd;
  }
  result += html.slice(position);
  // A trailing <a>…</a> (maybe inside the closing </p>) whose text reads "Continue reading".
  return result.replace(/<a\b(?:[^>"']|"[^"]*"|'[^']*')*>((?:(?!<a\b)[\s\S])*?)<\/a\s*>((?:\s|<\/[a-zA-Z][a-zA-Z0-9]*\s*>)*)$/i, (link, text: string, after: string) => {
    const linkText = collapseWhitespace(decodeEntities(stripTags(text))).trim();
    return readMoreText.test(linkText) ? ` ${after}` : link;
  });
}

/**
 * Collapses runs of whitespace to one space, as HTML renders text. A run made only of no-break
 * spaces stays one no-break space: Russian typography ties "9&nbsp;мая" and "—" to their words.
 */
function collapseWhitespace(text: string): string {
  return text.replace(whitespaceRun, (run) => (/^\u00A0+$/.test(run) ? '\u00A0' : ' '));
}

