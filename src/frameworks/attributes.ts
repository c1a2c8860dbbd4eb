/**
 * Types only (nothing at run time): the properties and attributes of `<recent-posts>` and
 * `<featured-story>` as frameworks pass them, shared by the React, Preact and Vue typings beside
 * this file. React 19, Preact and Vue set a name the element has as a property (`limit`, `feed`,
 * `loadMore`…) as that property, and any other name (`load-more`, `excerpt-length`…) as an attribute.
 */
import type { FeedFormat, FeedTransform } from '../feed/parse-feed.js';
import type { FeedErrorEvent, FeedLoadEvent } from '../components/shared/events.js';

/** The properties both elements have. */
export interface NewsElementProperties {
  /** Feed URL, resolved against the page. */
  src?: string;
  /** BCP 47 language of the widget's words; inherited from the page without it. */
  lang?: string;
  /** Milliseconds to wait for the feed's server (10000 by default). */
  timeout?: number;
  /** ISO 8601 duration past which a time shows its date (`P7D` by default). */
  threshold?: string;
  /** Comma-separated tags: only stories carrying one of them are shown. */
  tags?: string;
  /** Forces the feed format instead of detecting it. */
  format?: FeedFormat;
  /** `include` sends cookies with the feed request. */
  credentials?: 'omit' | 'same-origin' | 'include';
  /** Seconds between checks for new stories. */
  refresh?: number;
  /** Where links open (`_blank` for a new tab, with `rel="noopener noreferrer"`). */
  linkTarget?: string;
  /** An already-parsed feed (JSON Feed, or WordPress posts), rendered without fetching. */
  feed?: object | null;
  /** Maps any other JSON shape to JSON Feed items (or a whole JSON Feed). */
  transform?: FeedTransform;
  /** Colour scheme: `light`, `dark` or `auto`; the page's colours without it. */
  theme?: 'light' | 'dark' | 'auto';
  /** Level (1–6) of the widget's heading or title (2 by default). */
  headingLevel?: number;
  /** `lazy` waits to fetch or read the feed until the widget nears the viewport; `eager` by default. */
  loading?: 'eager' | 'lazy';
}

/** The properties of `<recent-posts>`. */
export interface RecentPostsProperties extends NewsElementProperties {
  /** How many posts to show (5 by default). */
  limit?: number;
  /** How many of the newest posts to skip. */
  offset?: number;
  /** Maximum length of an excerpt in characters, "…" included (160 by default). */
  excerptLength?: number;
  /** Replaces the heading's text; empty hides it from view but not from screen readers. */
  heading?: string;
  /** Leaves out the story a `<featured-story>` with the same `src` shows. */
  excludeFeatured?: boolean;
  /** Shows a "load more" button. */
  loadMore?: boolean;
  /** `list` (the default), `cards` or `compact`. */
  layout?: 'list' | 'cards' | 'compact';
  /** Politely announces new posts after a refresh to screen readers. */
  announce?: boolean;
}

/** The properties of `<featured-story>`. */
export interface FeaturedStoryProperties extends NewsElementProperties {
  /** The `id` of the story to feature. */
  itemId?: string;
  /** Replaces the label's text; empty hides it from view but not from screen readers. */
  label?: string;
}

/** A number written into an attribute: `80` or `"80"`. */
export type NumberAttribute = number | `${number}`;

/**
 * JSX names, which React and Preact pass as written: the properties, and the attribute names
 * without a property of the same name, set as attributes.
 */
export interface NewsElementAttributes extends NewsElementProperties {
  /** IANA time zone for calendar days, dates and tooltips; an attribute only. */
  'time-zone'?: string;
  'link-target'?: string;
  /** The `headingLevel` attribute. */
  'heading-level'?: NumberAttribute;
}

/** `<recent-posts>` in JSX: its properties, and its hyphenated attributes. */
export interface RecentPostsAttributes extends RecentPostsProperties, NewsElementAttributes {
  /** The `excerptLength` attribute. */
  'excerpt-length'?: NumberAttribute;
  /** The `excludeFeatured` attribute (removed when false). */
  'exclude-featured'?: boolean;
  /** The `loadMore` attribute (removed when false). */
  'load-more'?: boolean;
}

/** `<featured-story>` in JSX: its properties, and its hyphenated attributes. */
export interface FeaturedStoryAttributes extends FeaturedStoryProperties, NewsElementAttributes {
  /** The `itemId` attribute. */
  'item-id'?: string;
}

/** The events both elements fire, by name. */
export interface NewsElementEvents {
  'feed-load': FeedLoadEvent;
  'feed-error': FeedErrorEvent;
}

/**
 * Listener props as React 19 and Preact read them on a custom element: `on` + the event's exact
 * name, so `onfeed-load` listens to `feed-load` (`onFeedLoad` would listen to "FeedLoad").
 */
export type NewsElementListeners = {
  [Name in keyof NewsElementEvents as `on${Name}`]?: (event: NewsElementEvents[Name]) => void;
};
