/**
 * Server rendering only (news-widgets/server): the same sanitizing as `sanitizeHtml` (sanitize-html.ts),
 * with the same allowlist and rules (sanitize-rules.ts), run in a DOM implementation's `window`
 * (jsdom) and returned as an HTML string. A string is safe here because it is serialized once and
 * parsed once, by the visitor's browser, exactly like any server-rendered page; the browser path
 * keeps inserting nodes. A module of its own, so the browser's sanitizer chunk carries none of it.
 */
import createDOMPurify from 'dompurify';
import { resolveImageUrl, resolveLinkUrl } from '../feed/url.js';
import { allowlist, applyRules } from './sanitize-rules.js';
import { useServerSanitizer } from './sanitizer.js';

/** Sanitizes in `serverWindow` from now on, for every server render (called by server-dom.ts). */
export function useServerWindow(serverWindow: object): void {
  const purifier = createDOMPurify(serverWindow as Window & typeof globalThis);
  useServerSanitizer((html, baseUrl, linkTarget, level, shownImage) => {
    // The body element (null for a frameset page, of which nothing would be shown).
    const body = purifier.sanitize(html, { ...allowlist, RETURN_DOM: true }) as HTMLElement | null;
    if (!body) return '';
    const mended = applyRules(body, { link: resolveLinkUrl, image: resolveImageUrl }, baseUrl, linkTarget, level, shownImage);
    // Nothing left to show (a post that only embedded a video keeps its empty paragraphs): no body at
    // all, so featured-story shows the story's text or summary instead, as the browser path does
    // (shownNodes in featured-story.element.ts), rather than an empty box that the script then fills.
    return mended.textContent!.trim() || mended.querySelector('img[src]') ? mended.innerHTML : '';
  });
}
