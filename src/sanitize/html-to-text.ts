/**
 * Plain text out of feed HTML, for excerpts: entities decoded, tags dropped, block boundaries
 * turned into spaces so "</p><p>" does not glue two words together. Parsed in an inert DOMParser
 * document (see trusted-types.ts), so nothing in the HTML runs or loads.
 */
import { inertHtml } from './trusted-types.js';

const blockBoundary = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|BR|DD|DIV|DL|DT|FIGCAPTION|FIGURE|FOOTER|H[1-6]|HEADER|HR|LI|OL|P|PRE|SECTION|TABLE|TD|TH|TR|UL)$/;
const skipped = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|IFRAME|OBJECT|SVG|MATH|HEAD|TITLE)$/i;

export function htmlToText(html: string): string {
  let body: HTMLElement;
  try {
    body = new DOMParser().parseFromString(inertHtml(html), 'text/html').body;
  } catch {
    // Trusted Types refused the parse (policy not allowed by the page): fall back to tag stripping.
    return html.replace(/<[^>]*>/g, ' ');
  }
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === Node.ELEMENT_NODE && !skipped.test(child.nodeName)) {
        const isBlock = blockBoundary.test(child.nodeName);
        if (isBlock) parts.push(' ');
        walk(child);
        if (isBlock) parts.push(' ');
      }
    }
  };
  walk(body);
  return parts.join('');
}
