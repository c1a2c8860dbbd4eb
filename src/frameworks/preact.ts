/**
 * Types only: `<recent-posts>` and `<featured-story>` in Preact's JSX. Opt in once per
 * application, where Preact is installed:
 *
 * ```ts
 * import type {} from 'news-widgets/preact'; // or "types": ["news-widgets/preact"] in tsconfig.json
 * ```
 *
 * For Preact 10 and 11 (tested with 10.29 and 11.2: `HTMLAttributes` from 'preact'). Preact sets a
 * prop as a property when the element has it (`limit`, `feed`, `loadMore`…), else as
 * an attribute (`load-more`, `excerpt-length`…), and `onfeed-load={…}` listens to `feed-load`.
 */
import type { HTMLAttributes } from 'preact';
import type { FeaturedStoryElement } from '../components/featured-story/featured-story.element.js';
import type { RecentPostsElement } from '../components/recent-posts/recent-posts.element.js';
import type { FeaturedStoryAttributes, NewsElementListeners, RecentPostsAttributes } from './attributes.js';

/** An element's own props, its listeners, and the usual HTML attributes with Preact's `key` and `ref`. */
export type PreactNewsElementProps<Element extends HTMLElement, Attributes> = Attributes &
  NewsElementListeners &
  Omit<HTMLAttributes<Element>, keyof Attributes>;

/**
 * The props of `<recent-posts>` in Preact. `load-more` can only be turned on: Preact writes `false`
 * into attributes whose fifth character is "-" (meant for `aria-` and `data-`), and an HTML boolean
 * attribute reads "false" as on. Use the property, `loadMore={false}`, to turn it off.
 */
export type RecentPostsProps = PreactNewsElementProps<
  RecentPostsElement,
  Omit<RecentPostsAttributes, 'load-more'> & { 'load-more'?: true }
>;

/** The props of `<featured-story>` in Preact. */
export type FeaturedStoryProps = PreactNewsElementProps<FeaturedStoryElement, FeaturedStoryAttributes>;

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'recent-posts': RecentPostsProps;
      'featured-story': FeaturedStoryProps;
    }
  }
}
