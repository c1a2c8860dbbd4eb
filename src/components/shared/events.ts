/**
 * The events both widgets fire. Plain `CustomEvent` subclasses that bubble and cross shadow roots,
 * so a page can listen on the element or on any ancestor (`document.addEventListener('feed-error', …)`).
 */
import type { FeedError } from '../../feed/feed-error.js';
import type { Feed } from '../../feed/story.js';

/** Fired after content from a feed was rendered. `detail.feed` is the normalized feed. */
export class FeedLoadEvent extends CustomEvent<{ feed: Feed }> {
  constructor(feed: Feed) {
    super('feed-load', { bubbles: true, composed: true, detail: { feed } });
  }
}

/** Fired when a feed could not be loaded or read. `detail.error.kind` says why. */
export class FeedErrorEvent extends CustomEvent<{ error: FeedError }> {
  constructor(error: FeedError) {
    super('feed-error', { bubbles: true, composed: true, detail: { error } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'feed-load': FeedLoadEvent;
    'feed-error': FeedErrorEvent;
  }
}
