/**
 * news-widgets/server: render the widgets on Node (static sites, CMS templates, cron jobs).
 * See render-widget.ts. Node only; importing it registers nothing.
 */
export { renderWidget, type RenderWidgetOptions, type WidgetName, type AttributeValue } from './render-widget.js';
export { loadFeed, type LoadedFeed } from './load-feed.js';
export { FeedError, type FeedErrorKind } from '../feed/feed-error.js';
