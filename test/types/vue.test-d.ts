/**
 * Type test for the Vue typings (src/frameworks/vue.ts), compiled by `tsc -p tsconfig.types.json`
 * and never run. Vue's template type-checking (vue-tsc) reads a global component's props from its
 * instance's `$props` and its events from `$emit`; these check both types directly.
 */
import type {} from '../../src/frameworks/vue.js';
import type { GlobalComponents } from 'vue';
import type { FeaturedStoryElement, FeedErrorEvent, FeedLoadEvent, RecentPostsElement } from '../../src/index.js';

type RecentPosts = InstanceType<GlobalComponents['recent-posts']>;
type FeaturedStory = InstanceType<GlobalComponents['featured-story']>;

// A template ref to the element is the element.
export const element = (posts: RecentPosts, story: FeaturedStory): [RecentPostsElement, FeaturedStoryElement] => [posts, story];

// Vue's type-checking camelizes template names: `excerpt-length="80"` is checked as excerptLength.
export const props: RecentPosts['$props'] = {
  src: '/feed.json',
  limit: 6,
  offset: '1', // limit="6" in a template: Vue sets the property to the string, the element reads a number
  lang: 'en',
  excerptLength: '80',
  timeZone: 'Asia/Novosibirsk',
  loadMore: true,
  feed: { version: 'https://jsonfeed.org/version/1.1', items: [] },
  class: ['news'],
  key: 'posts',
  onClick: (event: MouseEvent) => event,
};
export const storyProps: FeaturedStory['$props'] = { itemId: '42', label: '' }; // item-id="42" in a template

// @ts-expect-error limit is a number
export const wrongLimit: RecentPosts['$props'] = { limit: 'six' };
export const lazy: [RecentPosts['$props'], FeaturedStory['$props']] = [{ loading: 'lazy', layout: 'cards', theme: 'dark', announce: true, headingLevel: '3', linkTarget: '_blank' }, { loading: 'eager' }];
// @ts-expect-error loading is eager or lazy
export const wrongLoading: RecentPosts['$props'] = { loading: 'soon' };
// @ts-expect-error loadMore is a boolean
export const wrongBoolean: RecentPosts['$props'] = { loadMore: 'yes' };
// @ts-expect-error feed is an object (a parsed feed), not a number
export const wrongFeed: RecentPosts['$props'] = { feed: 42 };
// @ts-expect-error no such attribute
export const unknownAttribute: RecentPosts['$props'] = { colour: 'red' };
// @ts-expect-error featured-story has no limit
export const otherElementsAttribute: FeaturedStory['$props'] = { limit: 3 };

export function events(posts: RecentPosts, story: FeaturedStory, load: FeedLoadEvent, error: FeedErrorEvent) {
  posts.$emit('feed-load', load);
  story.$emit('feed-error', error);
  // @ts-expect-error feed-load carries a FeedLoadEvent
  posts.$emit('feed-load', error);
  // @ts-expect-error no such event
  posts.$emit('feed-loaded', load);
}
