/**
 * A feed body that starts with markup: RSS or Atom, else the error that says what it is instead (an
 * HTML page such as a CMS error page or a login wall, or XML that is no feed). Its own module so
 * that the XML reader is fetched only for such bodies. No DOM beyond the XML parser.
 */
import { detectFeed, type ParseOptions } from './feed-detect.js';
import { FeedError } from './feed-error.js';
import type { Feed } from './story.js';
import { isXmlFeedText, parseXmlFeed } from './xml-feed.js';

/**
 * `text` is markup by `detectFeed` (feed-detect.ts), without its byte order mark. Returns the feed,
 * or a JSON feed's text that PHP's warnings came before (see below), for the caller to read as JSON:
 * the JSON readers are not in this module's chunk.
 */
export function parseMarkupFeed(text: string, contentType: string | null, feedUrl: string | undefined, options: ParseOptions = {}): Feed | string {
  // PHP prints its warnings and notices before a feed's XML declaration ("<br />\n<b>Warning</b>: …
  // on line <b>12</b><br />\n<?xml …"), and the feed is whole after them: read it as a feed reader does.
  const fromDeclaration = text.slice(text.indexOf('<?xml')); // without one, the last character: no feed
  if (!isXmlFeedText(text) && isXmlFeedText(fromDeclaration)) text = fromDeclaration;
  // An attribute's value, as HTML reads enumerated ones: any case. Only a JSON format forced keeps
  // markup from being read as a feed; a value this reader does not know leaves the format detected.
  const format = options.format?.toLowerCase();
  const xmlForced = format === 'rss' || format === 'atom';
  const jsonForced = format === 'json-feed' || format === 'wordpress';
  if (!options.transform && (xmlForced || (!jsonForced && isXmlFeedText(text)))) return parseXmlFeed(text, feedUrl);
  // The same warnings before a JSON body ("<br />\n<b>Notice</b>: … on line <b>12</b><br />\n[{"id":1,…"):
  // the JSON that starts a line or follows a tag to the end is read, when it is a feed: an array of
  // objects or an object ("[{", "{\"", or empty). Only a body that ends as JSON does is searched: an
  // HTML page stays one, and costs nothing. At most the first 4 such places are tried: each try
  // parses the rest of the body, and a hostile one with thousands of them would take minutes.
  let tries = 4;
  for (const { index } of /[\]}]$/.test(text.trimEnd()) ? text.matchAll(/[>\n]\s*(?:\[\s*[{\]]|\{\s*["}])/g) : []) {
    if (!tries--) break;
    const json = text.slice(index + 1);
    try {
      detectFeed(json, undefined, options);
      return json;
    } catch {}
  }
  if (/html/i.test(contentType ?? '') || /^\s*<(!doctype html|html)[\s>]/i.test(text)) {
    throw new FeedError('format', 'The server sent an HTML page instead of a feed.');
  }
  throw new FeedError('format', 'The XML document is not an RSS or Atom feed.');
}
