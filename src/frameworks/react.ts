/**
 * Types only: `<recent-posts>` and `<featured-story>` in React 19's JSX. Opt in once per
 * application, where React is installed:
 *
 * ```ts
 * import type {} from 'news-widgets/react'; // or "types": ["news-widgets/react"] in tsconfig.json
 * ```
 *
 * React 19 sets a prop as a property when the element has it (`limit`, `feed`, `loadMore`…), else
 * as an attribute (`load-more`, `excerpt-length`…), and `onfeed-load={…}` listens to `feed-load`.
 * Register the elements (`import 'news-widgets/define'`) before React renders them, so that
 * objects such as `feed` reach the element as properties.
 */
import type { HTMLAttributes, RefAttributes } from 'react';
import type { FeaturedStoryElement } from '../components/featured-story/featured-story.element.js';
import type { RecentPostsElement } from '../components/recent-posts/recent-posts.element.js';
import type { FeaturedStoryAttributes, NewsElementListeners, RecentPostsAttributes } from './attributes.js';

/** An element's own props, its listeners, and the usual HTML attributes with React's `key` and `ref`. */
export type ReactNewsElementProps<Element extends HTMLElement, Attributes> = Attributes &
  NewsElementListeners &
  Omit<HTMLAttributes<Element>, keyof Attributes> &
  RefAttributes<Element> & {
    /** React 19 passes `class` through to custom elements, like `className`. */
    class?: string;
  };

/** The props of `<recent-posts>` in React. */
export type RecentPostsProps = ReactNewsElementProps<RecentPostsElement, RecentPostsAttributes>;

/** The props of `<featured-story>` in React. */
export type FeaturedStoryProps = ReactNewsElementProps<FeaturedStoryElement, FeaturedStoryAttributes>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'recent-posts': RecentPostsProps;
      'featured-story': FeaturedStoryProps;
    }
  }
}
