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
  // Depth-first with an explicit stack, not recursion: a hostile feed can nest elements deeper than
  // the call stack. A block element adds a space where it opens and where it closes.
  const parts: string[] = [];
  const stack: { node: Node; closing: boolean }[] = [{ node: body, closing: false }];
  while (stack.length) {
    const { node, closing } = stack.pop()!;
    if (closing || node.nodeType === Node.TEXT_NODE) {
      parts.push(closing ? ' ' : node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE || (node !== body && skipped.test(node.nodeName))) continue;
    if (blockBoundary.test(node.nodeName)) {
      parts.push(' ');
      stack.push({ node, closing: true });
    }
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push({ node: child, closing: false });
  }
  return parts.join('');
}
