/**
 * Turns a response body into a normalized `Feed`, telling apart the ways a body can fail: an HTML
 * page (a CMS error page or a login wall served with status 200), text that is not JSON, and JSON
 * that is not a feed. No DOM.
 */
import { FeedError } from './feed-error.js';
import { normalizeJsonFeed } from './json-feed.js';
import type { Feed } from './story.js';

export function parseFeedText(body: string, contentType: string | null, feedUrl?: string): Feed {
  const text = body.replace(/^\uFEFF/, '');
  if (/^\s*</.test(text) && /html/i.test(contentType ?? '') || /^\s*<(!doctype html|html)[\s>]/i.test(text)) {
    throw new FeedError('format', 'The server sent an HTML page instead of a feed.');
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (cause) {
    throw new FeedError('parse', `The feed is not valid JSON: ${(cause as Error).message}`, undefined, { cause });
  }
  return normalizeJsonFeed(document, feedUrl);
}
