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
export function applyRules<T extends ParentNode>(root: T, urls: UrlRules, baseUrl?: string, linkTarget?: string, level?: number, shownImage?: string): T {
  for (const image of root.querySelectorAll('img')) {
    const src = urls.image(image.getAttribute('src'), baseUrl);
    // The story's own image, shown above the body (often taken from this very <img>, or a CMS's
    // featured image repeated in the text), is not shown twice: it goes, with the paragraph, link or
    // figure it leaves empty.
    if (src && src == shownImage) {
      let emptied: Element = image;
      for (let parent; (parent = emptied.parentElement) && parent != (root as unknown) && !parent.textContent!.trim() && parent.querySelectorAll('img').length < 2; ) emptied = parent;
      emptied.remove();
      continue;
    }
    if (src) image.setAttribute('src', src);
    else image.removeAttribute('src');
    image.setAttribute('loading', 'lazy');
    image.setAttribute('decoding', 'async');
    if (!image.hasAttribute('alt')) image.setAttribute('alt', '');
  }
  for (const link of root.querySelectorAll('a')) {
    const href = urls.link(link.getAttribute('href'), baseUrl);
    // A link with nothing to say (its icon was an <svg> the sanitizer removed, or it holds only an
    // image without alt text) would be a nameless stop for keyboard and screen-reader users: its
    // content stays, the link goes.
    if (!unnamed(link) || link.title.trim()) {
      if (href) {
        link.setAttribute('href', href);
        link.setAttribute('rel', 'noopener noreferrer');
        if (linkTarget) link.setAttribute('target', linkTarget);
      } else link.removeAttribute('href');
    } else link.replaceWith(...link.childNodes);
  }
  // A language tag as CMSs write it (ru_RU) or a word (english) is no language to a screen reader,
  // which then reads in the wrong voice (axe valid-lang): the underscore is mended, the rest dropped.
  for (const element of root.querySelectorAll('[lang]')) {
    const lang = element.getAttribute('lang')!.replace(/_/g, '-');
    if (/^[a-z]{2,3}(-[a-z\d]{1,8})*$/i.test(lang)) element.setAttribute('lang', lang);
    else element.removeAttribute('lang');
  }
  repairLists(root);
  return nestHeadings(root, level);
}

/** Whether `element` has no text and no described image, so nothing for assistive technology to read out. */
const unnamed = (element: Element): boolean => !element.textContent!.trim() && !element.querySelector('img[alt]:not([alt=""])');

/** A copy of `element` named `name`, with its attributes and children, in its place. */
function rename(element: Element, name: string): void {
  const renamed = element.ownerDocument.createElement(name);
  for (const { name, value } of element.attributes) renamed.setAttribute(name, value);
  renamed.append(...element.childNodes);
  element.replaceWith(renamed);
}

/**
 * Lists as a CMS's editor or a feed's truncation left them (a paragraph straight in a <ul>, an <li>
 * with no list, a <dl> of paragraphs) are read wrongly by screen readers, and each is a "serious"
 * axe violation. They are made whole: a stray child of a list goes into an item of its own, a stray
 * item into a list of its own, and a definition list holding more than terms and definitions, or a
 * term or definition outside one, is shown as plain blocks.
 */
function repairLists(root: ParentNode): void {
  // Whether a node may not stand where it is: an element not named by `allowed`, or words.
  const stray = (node: Node, allowed: RegExp) => (node.nodeType == 1 ? !allowed.test(node.nodeName) : node.nodeType == 3 && node.textContent!.trim());
  const wrap = (node: ChildNode, name: string) => {
    const wrapper = node.ownerDocument!.createElement(name);
    node.replaceWith(wrapper);
    wrapper.append(node);
  };
  for (const list of root.querySelectorAll('ul,ol')) for (const child of [...list.childNodes]) if (stray(child, /^LI$/)) wrap(child, 'li');
  for (const item of root.querySelectorAll('li')) if (!/^[UO]L$/.test(item.parentNode!.nodeName)) wrap(item, 'ul');
  for (const list of root.querySelectorAll('dl')) if ([...list.childNodes].some((child) => stray(child, /^D[TD]$/))) rename(list, 'div');
  for (const term of root.querySelectorAll('dt,dd')) if (term.parentNode!.nodeName != 'DL') rename(term, 'p');
}

/**
 * Moves a body's sub-headings below the story's title, at heading level `level` (2 by default):
 * the highest becomes `level + 1` and the others keep their steps below it (h6 at most, and never
 * more than one step below the heading before). A body's <h2> under a title at <h3> would outrank
 * the story it is part of, and one starting at <h4> under an <h2> would skip a level, breaking the
 * page's outline for screen-reader users.
 */
function nestHeadings<T extends ParentNode>(root: T, level = 2): T {
  // An empty heading (its only content was removed) would be announced as a heading with no words.
  const headings = [...root.querySelectorAll('h2,h3,h4,h5,h6')].filter((heading) => !unnamed(heading) || (heading.replaceWith(...heading.childNodes), false));
  const shift = level + 1 - Math.min(...headings.map((heading) => +heading.localName[1]!));
  // No heading more than one level below the one before it: a skipped level (an <h4> after an <h2>)
  // is closed up (axe heading-order), as the title's is.
  let previous = level;
  for (const heading of headings) rename(heading, `h${(previous = Math.min(+heading.localName[1]! + shift, previous + 1, 6))}`);
  return root;
}
