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
 *
 * This module is a chunk of the CDN build that imports nothing: the caller (sanitizer.ts) passes the
 * policy and the URL checks in. So the classic bundle fetches this very chunk when a story has an
 * HTML body, instead of carrying DOMPurify, the largest part of the library, on every page.
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { allowlist, applyRules, type UrlRules } from './sanitize-rules.js';
import type { TrustedTypePolicyLike } from './trusted-types.js';

let purifier: DOMPurify | undefined;

/**
 * A sanitized copy of `html` as nodes ready to insert; relative URLs resolve against `baseUrl`, and
 * links open in `linkTarget` when given. `policy` is the library's Trusted Types policy, if any.
 */
export function sanitizeHtml(html: string, policy: TrustedTypePolicyLike | undefined, urls: UrlRules, baseUrl?: string, linkTarget?: string, level?: number, shownImage?: string): DocumentFragment {
  purifier ??= createDOMPurify(window);
  const fragment = purifier.sanitize(html, {
    ...allowlist,
    RETURN_DOM_FRAGMENT: true,
    // Without Trusted Types (undefined), DOMPurify needs no policy at all.
    TRUSTED_TYPES_POLICY: policy as TrustedTypePolicy | undefined,
  }) as DocumentFragment | null;
  // null when the HTML parses as a frameset page (no <body>): nothing in it would be shown anyway.
  return applyRules(fragment ?? document.createDocumentFragment(), urls, baseUrl, linkTarget, level, shownImage);
}
