/** @jsxImportSource preact */
/**
 * Type test for the Preact typings (src/frameworks/preact.ts), compiled by `tsc -p
 * tsconfig.types.json` and never run. Each `@ts-expect-error` must meet an error.
 */
import type {} from '../../src/frameworks/preact.js';
import { createRef } from 'preact';
import type { FeedErrorEvent, FeedLoadEvent, RecentPostsElement } from '../../src/index.js';
import { expectType } from './expect-type.js';

const feed = { version: 'https://jsonfeed.org/version/1.1', items: [] };
const postsRef = createRef<RecentPostsElement>();

export const usage = (
  <>
    <recent-posts limit={6} src="/feed.json" onfeed-load={(e) => e.detail.feed.stories} />
    <recent-posts
      ref={postsRef}
      key="posts"
      class="news"
      lang="ru"
      excerpt-length={80}
      load-more
      exclude-featured
      format="rss"
      time-zone="Asia/Novosibirsk"
      feed={feed}
      transform={(data) => data}
      onClick={(event) => event.currentTarget.limit}
      onfeed-load={(event) => expectType<FeedLoadEvent>()(event)}
      onfeed-error={(event) => expectType<FeedErrorEvent>()(event)}
    />
    <featured-story src="/feed.json" item-id="42" label="" onfeed-load={(event) => event.detail.feed.title} />
  </>
);

// @ts-expect-error limit is a number
export const wrongLimit = <recent-posts limit="six" />;
export const lazy = [<recent-posts loading="lazy" layout="compact" theme="auto" announce heading-level={3} link-target="_blank" />, <featured-story loading="eager" />];
// @ts-expect-error loading is eager or lazy
export const wrongLoading = <recent-posts loading="soon" />;
// @ts-expect-error Preact would write load-more="false", which reads as on: loadMore={false} turns it off
export const loadMoreOff = <recent-posts load-more={false} />;
export const loadMoreOffAsProperty = <recent-posts loadMore={false} exclude-featured={false} />;
// @ts-expect-error feed is an object (a parsed feed), not a number
export const wrongFeed = <recent-posts feed={42} />;
// @ts-expect-error no such attribute
export const unknownAttribute = <recent-posts colour="red" />;
// @ts-expect-error featured-story has no limit
export const otherElementsAttribute = <featured-story limit={3} />;
