/**
 * Sanitizes feed HTML (a story body) for rendering, with DOMPurify and an allowlist suited to news:
 * paragraphs, links, emphasis, lists, quotes, figures, images, sub-headings and simple tables.
 * Scripts, styles, style attributes, event handlers, forms, frames, objects and SVG never survive.
 * Every `href`/`src` is resolved against the story's URL and kept only with a safe scheme (the same
 * rule as the normalizer's); links get `rel="noopener noreferrer"`, images load lazily.
 *
 * The result is a DocumentFragment, not a string: it is inserted as nodes, so the sanitized markup is
 * never parsed a second time (no mutation XSS) and no Trusted Types sink is involved. Server
 * rendering (sanitize-html-server.ts, never shipped to browsers) uses the same allowlist and rules
 * and prints a string once.
 * A private DOMPurify instance is used: an application sharing the dompurify module may call
 * `setConfig` or add permissive hooks, and neither may reach our allowlist. The instance parses
 * under the library's Trusted Types policy, so it needs no second "dompurify" policy of its own.
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { resolveImageUrl, resolveLinkUrl } from '../feed/url.js';
import { trustedTypesPolicy } from './trusted-types.js';

/** DOMPurify's configuration: the allowlist, the same in the browser and on a server (sanitize-html-server.ts). */
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
export function applyRules<T extends ParentNode>(root: T, baseUrl?: string, linkTarget?: string, level?: number): T {
  for (const link of root.querySelectorAll('a')) {
    const href = resolveLinkUrl(link.getAttribute('href'), baseUrl);
    if (href) {
      link.setAttribute('href', href);
      link.setAttribute('rel', 'noopener noreferrer');
      if (linkTarget) link.setAttribute('target', linkTarget);
    } else link.removeAttribute('href');
  }
  for (const image of root.querySelectorAll('img')) {
    const src = resolveImageUrl(image.getAttribute('src'), baseUrl);
    if (src) image.setAttribute('src', src);
    else image.removeAttribute('src');
    image.setAttribute('loading', 'lazy');
    image.setAttribute('decoding', 'async');
    if (!image.hasAttribute('alt')) image.setAttribute('alt', '');
  }
  return nestHeadings(root, level);
}

let purifier: DOMPurify | undefined;

/**
 * A sanitized copy of `html` as nodes ready to insert; relative URLs resolve against `baseUrl`, and
 * links open in `linkTarget` when given.
 */
export function sanitizeHtml(html: string, baseUrl?: string, linkTarget?: string, level?: number): DocumentFragment {
  purifier ??= createDOMPurify(window);
  const fragment = purifier.sanitize(html, {
    ...allowlist,
    RETURN_DOM_FRAGMENT: true,
    // Without Trusted Types (undefined), DOMPurify needs no policy at all.
    TRUSTED_TYPES_POLICY: trustedTypesPolicy() as TrustedTypePolicy | undefined,
  }) as DocumentFragment | null;
  // null when the HTML parses as a frameset page (no <body>): nothing in it would be shown anyway.
  return applyRules(fragment ?? document.createDocumentFragment(), baseUrl, linkTarget, level);
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
