/**
 * Sanitizes feed HTML (a story body) for rendering, with DOMPurify and an allowlist suited to news:
 * paragraphs, links, emphasis, lists, quotes, figures, images, sub-headings and simple tables.
 * Scripts, styles, style attributes, event handlers, forms, frames, objects and SVG never survive.
 * Every `href`/`src` is resolved against the story's URL and kept only with a safe scheme (the same
 * rule as the normalizer's); links get `rel="noopener noreferrer"`, images load lazily.
 *
 * The result is a DocumentFragment, not a string: it is inserted as nodes, so the sanitized markup is
 * never parsed a second time (no mutation XSS) and no Trusted Types sink is involved. Server
 * rendering (sanitize-html-server.ts, never shipped to browsers) uses the same allowlist and hook
 * and prints a string once.
 * A private DOMPurify instance is used: an application sharing the dompurify module may call
 * `setConfig` or add permissive hooks, and neither may reach our allowlist. The instance parses
 * under the library's Trusted Types policy, so it needs no second "dompurify" policy of its own.
 */
import createDOMPurify from 'dompurify';
import { resolveImageUrl, resolveLinkUrl } from '../feed/url.js';
import { trustedTypesPolicy } from './trusted-types.js';

const allowedTags = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'div', 'dl', 'dt', 'em',
  'figcaption', 'figure', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'li', 'mark', 'ol', 'p',
  'picture', 'pre', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'time', 'tr', 'u', 'ul',
];
const allowedAttributes = [
  'alt', 'colspan', 'datetime', 'dir', 'height', 'href', 'lang', 'reversed', 'rowspan', 'scope', 'src',
  'start', 'title', 'width',
];

let currentBase: string | undefined;
let currentTarget: string | undefined;

/** DOMPurify's `afterSanitizeAttributes` hook: resolves and checks URLs, marks links and images. */
export function resolveUrls(node: Element): void {
  if (node.nodeName === 'A') {
    const href = resolveLinkUrl(node.getAttribute('href'), currentBase);
    if (href) {
      node.setAttribute('href', href);
      node.setAttribute('rel', 'noopener noreferrer');
      if (currentTarget) node.setAttribute('target', currentTarget);
    } else node.removeAttribute('href');
  } else if (node.nodeName === 'IMG') {
    const src = resolveImageUrl(node.getAttribute('src'), currentBase);
    if (src) node.setAttribute('src', src);
    else node.removeAttribute('src');
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
    if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
  }
}

let purifier: ReturnType<typeof createDOMPurify> | undefined;

/** The allowlist, the same in the browser and on a server (sanitize-html-server.ts). */
export function config(extra: object) {
  return {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: allowedAttributes,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    ...extra,
  };
}

/** Runs `sanitize` with the URL base and link target the hook applies. */
export function withUrlContext<T>(baseUrl: string | undefined, linkTarget: string | undefined, sanitize: () => T): T {
  currentBase = baseUrl;
  currentTarget = linkTarget || undefined;
  try {
    return sanitize();
  } finally {
    currentBase = undefined;
    currentTarget = undefined;
  }
}

/**
 * A sanitized copy of `html` as nodes ready to insert; relative URLs resolve against `baseUrl`, and
 * links open in `linkTarget` when given.
 */
export function sanitizeHtml(html: string, baseUrl?: string, linkTarget?: string, level?: number): DocumentFragment {
  if (!purifier) {
    purifier = createDOMPurify(window);
    purifier.addHook('afterSanitizeAttributes', resolveUrls);
  }
  const policy = trustedTypesPolicy();
  return withUrlContext(baseUrl, linkTarget, () => {
    const fragment = purifier!.sanitize(html, config({
      RETURN_DOM_FRAGMENT: true,
      ...(policy ? { TRUSTED_TYPES_POLICY: policy as unknown as TrustedTypePolicy } : {}),
    })) as unknown as DocumentFragment | null;
    // null when the HTML parses as a frameset page (no <body>): nothing in it would be shown anyway.
    return nestHeadings(fragment ?? document.createDocumentFragment(), level);
  });
}

/**
 * Moves a body's sub-headings below the story's title, at heading level `level` (2 by default):
 * the highest becomes `level + 1` and the others keep their steps below it (h6 at most). A body's
 * <h2> under a title at <h3> would outrank the story it is part of, and one starting at <h4> under
 * an <h2> would skip a level, breaking the page's outline for screen-reader users.
 */
export function nestHeadings<T extends ParentNode>(root: T, level = 2): T {
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
