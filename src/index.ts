/**
 * The package's side-effect-free entry: element classes (register them with `define()`), the feed
 * normalizer, and the types a host application needs. Importing this registers nothing.
 */
export { FeaturedStoryElement } from './components/featured-story/featured-story.element.js';
export { RecentPostsElement } from './components/recent-posts/recent-posts.element.js';
export { FeedErrorEvent, FeedLoadEvent } from './components/shared/events.js';
export { FeedError, type FeedErrorKind } from './feed/feed-error.js';
export { normalizeJsonFeed } from './feed/json-feed.js';
export type { Author, Feed, Story } from './feed/story.js';
export { registerMessages, availableLocales, type MessageKey } from './i18n/messages.js';
export { formatRelativeTime } from './time/relative-time.js';
