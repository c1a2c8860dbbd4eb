/**
 * The one normalized shape every feed format is turned into. Components only ever see these types,
 * never a raw JSON Feed, WordPress or RSS object. A story carries data, not words: nothing here is
 * localized, and nothing here has been trusted beyond what the normalizer checked (URLs are absolute
 * and of a safe scheme; HTML is still raw and must be sanitized before it is rendered).
 */
export interface Author {
  name: string;
  url?: string;
}

export interface ImageSize {
  /** Absolute http(s) URL. */
  url: string;
  /** Intrinsic width in pixels. */
  width: number;
}

export interface Story {
  /** Unique within its feed; items without an id are discarded. */
  id: string;
  title?: string;
  /** Absolute http(s) URL of the story's page. */
  url?: string;
  /** Plain text, as the feed's author wrote it. */
  summary?: string;
  /** Raw HTML from the feed: sanitize before rendering. */
  contentHtml?: string;
  contentText?: string;
  /** Absolute http(s) URL of the main image. */
  image?: string;
  /** The image's text alternative, when the feed gives one (WordPress `alt_text`); none means decorative. */
  imageAlt?: string;
  /** Other sizes of the same image, by pixel width (WordPress media sizes), for `srcset`. */
  imageSizes?: ImageSize[];
  published?: Date;
  modified?: Date;
  authors: Author[];
  tags: string[];
  /** BCP 47 language of the story's text, if the feed declares it. */
  language?: string;
  /** The feed marks this story as the one to feature (WordPress `sticky`, JSON Feed `_news_widgets.featured`). */
  featured?: boolean;
}

export interface Feed {
  title?: string;
  homePageUrl?: string;
  /** BCP 47 language of the feed's text, if declared. */
  language?: string;
  authors: Author[];
  /** Newest first; undated stories after the dated ones, in feed order. */
  stories: Story[];
  /** How many items of the source were skipped as invalid, for the console warning. */
  skipped: number;
  /** How many items of an enormous feed were not read at all (only the newest are). */
  unread?: number;
  /** The next page of the feed (JSON Feed `next_url`, or an HTTP `Link: rel=next`), for "load more". */
  nextUrl?: string;
}
