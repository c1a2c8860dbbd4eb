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
  // the call stack. A block element adds a space where it opens and where it closes (the 0 it leaves
  // on the stack).
  const stack: (Node | 0)[] = [body];
  let text = '';
  while (stack.length) {
    const node = stack.pop()!;
    if (!node || node.nodeType == 3 /* text */) text += node ? node.nodeValue : ' ';
    else if (node.nodeType == 1 /* element */ && (node == body || !skipped.test(node.nodeName))) {
      if (blockBoundary.test(node.nodeName)) (text += ' '), stack.push(0);
      for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    }
  }
  return text;
}
