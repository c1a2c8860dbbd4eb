/**
 * Types only: `<recent-posts>` and `<featured-story>` in Vue 3 templates (checked by vue-tsc /
 * Vue - Official). Opt in once per application, where Vue is installed:
 *
 * ```ts
 * import type {} from 'news-widgets/vue'; // or "types": ["news-widgets/vue"] in tsconfig.json
 * ```
 *
 * Vue must also be told that they are custom elements, not components: `isCustomElement: (tag) =>
 * tag === 'recent-posts' || tag === 'featured-story'` in the template compiler's options. Vue sets a
 * binding as a property when the element has it (`:limit="6"`, `:feed="data"`), else as an
 * attribute; `@feed-load` listens to `feed-load`. Bind booleans by their property names
 * (`:loadMore="more"`, not `:load-more="more"`): Vue writes `false` into an attribute as the string
 * "false", which an HTML boolean attribute reads as on (the types cannot tell the two apart, since
 * Vue's type-checking camelizes names).
 *
 * This follows the pattern of Vue's guide ("Non-Vue Web Components and TypeScript"): Vue reads the
 * template's prop types from `$props` and its event types from `$emit`, which exist only in these
 * types, never on the element.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { FeaturedStoryElement } from '../components/featured-story/featured-story.element.js';
import type { RecentPostsElement } from '../components/recent-posts/recent-posts.element.js';
import type {
  FeaturedStoryProperties,
  NewsElementEvents,
  NewsElementProperties,
  NumberAttribute,
  RecentPostsProperties,
} from './attributes.js';

/**
 * Template names, which Vue's type-checking camelizes (`excerpt-length` is checked as
 * `excerptLength`): the properties, with numbers also as written in a plain attribute
 * (`limit="6"`, which Vue sets on the property as a string that the element reads as a number).
 */
type VueProps<Properties extends NewsElementProperties> = {
  [Name in keyof Properties]: Properties[Name] extends number | undefined ? NumberAttribute : Properties[Name];
} & {
  /** Written `time-zone="…"`: an attribute only (`:timeZone` would set an attribute "timezone"). */
  timeZone?: string;
};

/** A custom element as Vue's template type-checking sees a component: its props and its events. */
export type VueNewsElement<Element extends HTMLElement, Properties extends NewsElementProperties> = new () => Element & {
  /** @deprecated For template type-checking only: no such property exists on the element. */
  $props: VueProps<Properties> & Omit<HTMLAttributes, keyof Properties> & PublicProps;
  /** @deprecated For template type-checking only: no such method exists on the element. */
  $emit: EmitFn<{ [Name in keyof NewsElementEvents]: (event: NewsElementEvents[Name]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'recent-posts': VueNewsElement<RecentPostsElement, RecentPostsProperties>;
    'featured-story': VueNewsElement<FeaturedStoryElement, FeaturedStoryProperties>;
  }
}
