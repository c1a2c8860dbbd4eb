/**
 * Reads a feed for server rendering from a URL (fetched like the components fetch it: charset
 * decoding, timeout, HTTP errors as `FeedError`s) or from a file (decoded by its BOM or XML
 * declaration, as a browser would decode the same bytes served without a charset).
 */
import { readFile } from 'node:fs/promises';
import { decodeFeedBytes } from '../feed/decode.js';
import { FeedError } from '../feed/feed-error.js';
import { requestFeed } from '../feed/request.js';

export interface LoadedFeed {
  /** The feed's text, decoded. */
  text: string;
  /** The final URL of a fetched feed (relative links resolve against it); none for a file. */
  url?: string;
  contentType: string | null;
}

/** Fetches `src` when it is an http(s) URL, else reads it as a file path. */
export async function loadFeed(src: string, options: { timeout?: number } = {}): Promise<LoadedFeed> {
  if (/^https?:\/\//i.test(src)) {
    const response = await requestFeed(src, { timeout: options.timeout });
    return { text: response.body, url: response.url, contentType: response.contentType };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(src.startsWith('file:') ? new URL(src) : src);
  } catch (cause) {
    throw new FeedError('network', `The feed file ${src} could not be read: ${(cause as Error).message}`, undefined, { cause });
  }
  return { text: decodeFeedBytes(bytes, null), contentType: null };
}
