/**
 * What the story-body sanitizer keeps, the same in the browser (sanitize-html.ts) and on a server
 * (sanitize-html-server.ts): DOMPurify's allowlist, and our rules for what it kept.
 */
import type { resolveImageUrl, resolveLinkUrl } from '../feed/url.js';

/**
 * The URL checks of feed/url.ts, passed in rather than imported: the browser's sanitizer chunk then
 * imports nothing, so the classic bundle can fetch the same chunk instead of carrying DOMPurify, and
 * the module build has no second copy of them.
 */
export interface UrlRules {
  link: typeof resolveLinkUrl;
  image: typeof resolveImageUrl;
}

/** DOMPurify's configuration. */
export const allowlist = {
  // Written as arrays: brotli finds these names in DOMPurify's own lists, written the same way.
  ALLOWED_TAGS: [
    'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'div', 'dl', 'dt', 'em',
    'figcaption', 'figure', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'li', 'mark', 'ol', 'p',
    'picture', 'pre', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot',
    'th', 'thead', 'time', 'tr', 'u', 'ul',
  ],
  ALLOWED_ATTR: [
    'alt', 'colspan', 'datetime', 'dir', 'height', 'href', 'lang', 'reversed', 'rowspan', 'scope', 'src',
    'start', 'title', 'width',
  ],
  // DOMPurify keeps data-* and aria-* attributes beyond ALLOWED_ATTR unless told not to.
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

/**
 * Our rules, applied to what DOMPurify kept: URLs resolved against `baseUrl` and checked (dropped
 * when unsafe), links marked and opened in `linkTarget` when given, images lazy and with an `alt`,
 * and sub-headings nested below the story's title (see below).
 */
export function applyRules<T extends ParentNode>(root: T, urls: UrlRules, baseUrl?: string, linkTarget?: string, level?: number): T {
  for (const link of root.querySelectorAll('a')) {
    const href = urls.link(link.getAttribute('href'), baseUrl);
    if (href) {
      link.setAttribute('href', href);
      link.setAttribute('rel', 'noopener noreferrer');
      if (linkTarget) link.setAttribute('target', linkTarget);
    } else link.removeAttribute('href');
  }
  for (const image of root.querySelectorAll('img')) {
    const src = urls.image(image.getAttribute('src'), baseUrl);
    if (src) image.setAttribute('src', src);
    else image.removeAttribute('src');
    image.setAttribute('loading', 'lazy');
    image.setAttribute('decoding', 'async');
    if (!image.hasAttribute('alt')) image.setAttribute('alt', '');
  }
  return nestHeadings(root, level);
}

/**
 * Moves a body's sub-headings below the story's title, at heading level `level` (2 by default):
 * the highest becomes `level + 1` and the others keep their steps below it (h6 at most). A body's
 * <h2> under a title at <h3> would outrank the story it is part of, and one starting at <h4> under
 * an <h2> would skip a level, breaking the page's outline for screen-reader users.
 */
function nestHeadings<T extends ParentNode>(root: T, level = 2): T {
  const headings = [...root.querySelectorAll('h2,h3,h4,h5,h6')];
  const shift = level + 1 - Math.min(...headings.map((heading) => +heading.localName[1]!));
  for (const heading of headings) {
    const nested = heading.ownerDocument.createElement(`h${Math.min(+heading.localName[1]! + shift, 6)}`);
    for (const { name, value } of heading.attributes) nested.setAttribute(name, value);
    nested.append(...heading.childNodes);
    heading.replaceWith(nested);
  }
  return root;
}
