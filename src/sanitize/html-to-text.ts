/**
 * Plain text out of feed HTML, for excerpts: entities decoded, tags dropped, block boundaries
 * turned into spaces so "</p><p>" does not glue two words together. Parsed in an inert DOMParser
 * document (see trusted-types.ts), so nothing in the HTML runs or loads.
 */
import { inertHtml } from './trusted-types.js';

const skipped = 'script,style,template,noscript,iframe,object,svg,math,head,title';
const blocks = 'address,article,aside,blockquote,br,dd,div,dl,dt,figcaption,figure,footer,h1,h2,h3,h4,h5,h6,header,hr,li,ol,p,pre,section,table,td,th,tr,ul';

export function htmlToText(html: string): string {
  let body: HTMLElement;
  try {
    body = new DOMParser().parseFromString(inertHtml(html), 'text/html').body;
  } catch {
    // Trusted Types refused the parse (policy not allowed by the page): fall back to tag stripping.
    return html.replace(/<[^>]*>/g, ' ');
  }
  // The document is ours to change. Native calls, no recursion here: a hostile feed can nest
  // elements deeper than the call stack.
  for (const element of body.querySelectorAll(skipped)) element.remove();
  // A block is a space where it opens and where it closes.
  for (const element of body.querySelectorAll(blocks)) element.before(' '), element.after(' ');
  return body.textContent!;
}
