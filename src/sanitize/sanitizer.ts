/**
 * The story-body sanitizer, loaded on demand: DOMPurify and its configuration are the largest part
 * of the library and only a featured story with an HTML body needs them. The feed controller awaits
 * `loadSanitizer()` before such a story is shown, so `sanitizeHtml` below is synchronous where it
 * is called (in `willUpdate`) and the body never appears late.
 */
import { resolveImageUrl, resolveLinkUrl } from '../feed/url.js';
import type { sanitizeHtml as sanitizeNow } from './sanitize-html.js';
import { trustedTypesPolicy } from './trusted-types.js';

type ServerSanitizer = (html: string, baseUrl?: string, linkTarget?: string, level?: number, shownImage?: string) => string;

let sanitizer: typeof sanitizeNow | undefined;
let toString: ServerSanitizer | undefined;
let loading: Promise<void> | undefined;

/** Loads the sanitizer once per page; resolves when `sanitizeHtml` works. A failed load is tried again on the next call. */
export function loadSanitizer(): Promise<void> {
  return (loading ??= import('./sanitize-html.js').then(
    (module) => {
      sanitizer = module.sanitizeHtml;
    },
    (reason) => {
      loading = undefined;
      throw reason;
    },
  ));
}

/**
 * A sanitized copy of `html` as nodes ready to insert (see sanitize-html.ts). Before the sanitizer
 * is loaded, nothing: unsanitized HTML is never shown, and the caller shows the story's text.
 */
export function sanitizeHtml(html: string, baseUrl?: string, linkTarget?: string, level?: number, shownImage?: string): DocumentFragment {
  if (sanitizer) return sanitizer(html, trustedTypesPolicy(), { link: resolveLinkUrl, image: resolveImageUrl }, baseUrl, linkTarget, level, shownImage);
  loadSanitizer().catch(() => {}); // for the next story; the caller shows this one's text
  return document.createDocumentFragment();
}

/** Server rendering only: the string sanitizer `sanitizeHtmlToString` uses (sanitize-html-server.ts sets it). */
export function useServerSanitizer(sanitize: ServerSanitizer): void {
  toString = sanitize;
}

/**
 * The same as `sanitizeHtml`, as an HTML string, for the server renderer (news-widgets/server), which
 * sets up its sanitizer before it renders. Without one, nothing.
 */
export function sanitizeHtmlToString(html: string, baseUrl?: string, linkTarget?: string, level?: number, shownImage?: string): string {
  return toString ? toString(html, baseUrl, linkTarget, level, shownImage) : '';
}
