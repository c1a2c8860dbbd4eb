/**
 * Type test for the React 19 typings (src/frameworks/react.ts), compiled by `tsc -p
 * tsconfig.types.json` and never run. Each `@ts-expect-error` must meet an error.
 */
import type {} from '../../src/frameworks/react.js';
import { createRef } from 'react';
import type { FeaturedStoryElement, FeedErrorEvent, FeedLoadEvent, RecentPostsElement } from '../../src/index.js';
import { expectType } from './expect-type.js';

const feed = { version: 'https://jsonfeed.org/version/1.1', items: [] };
const postsRef = createRef<RecentPostsElement>();
const storyRef = createRef<FeaturedStoryElement>();

export const usage = (
  <>
    <recent-posts limit={6} src="/feed.json" onfeed-load={(e) => e.detail.feed.stories} />
    <recent-posts
      ref={postsRef}
      key="posts"
      id="news"
      class="news"
      className="news"
      style={{ maxWidth: '40rem' }}
      lang="ru"
      src="/news/feed.json"
      offset={1}
      excerpt-length="80"
      excerptLength={80}
      heading=""
      load-more
      loadMore={false}
      exclude-featured
      excludeFeatured
      tags="транспорт, дороги"
      format="wordpress"
      credentials="include"
      refresh={60}
      timeout={5000}
      threshold="P30D"
      time-zone="Asia/Novosibirsk"
      feed={feed}
      transform={(data) => data}
      aria-label="Новости"
      data-testid="posts"
      onClick={(event) => event.currentTarget.limit}
      onfeed-load={(event) => expectType<FeedLoadEvent>()(event)}
      onfeed-error={(event) => expectType<FeedErrorEvent>()(event) && event.detail.error.kind}
    >
      <script type="application/feed+json">{JSON.stringify(feed)}</script>
    </recent-posts>
    <featured-story
      ref={storyRef}
      src="/news/feed.json"
      item-id="42"
      itemId="42"
      label="Тема дня"
      feed={null}
      onfeed-load={(event) => event.detail.feed.title}
      onfeed-error={(event) => event.detail.error.status}
    />
  </>
);

// @ts-expect-error limit is a number
export const wrongLimit = <recent-posts limit="six" />;
// Every attribute of both elements (README's table), `loading` included.
export const lazy = [<recent-posts loading="lazy" layout="cards" theme="dark" announce heading-level={3} link-target="_blank" />, <featured-story loading="eager" />];
// @ts-expect-error loading is eager or lazy
export const wrongLoading = <recent-posts loading="soon" />;
// @ts-expect-error an attribute for a number takes a number or its digits
export const wrongNumberAttribute = <recent-posts excerpt-length="eighty" />;
// @ts-expect-error feed is an object (a parsed feed), not a number
export const wrongFeed = <recent-posts feed={42} />;
// @ts-expect-error no such attribute
export const unknownAttribute = <recent-posts colour="red" />;
// @ts-expect-error featured-story has no limit
export const otherElementsAttribute = <featured-story limit={3} />;
// @ts-expect-error not a format the elements read
export const wrongFormat = <recent-posts format="csv" />;
// @ts-expect-error feed-error listeners get a FeedErrorEvent
export const wrongListener = <recent-posts onfeed-error={(event: FeedLoadEvent) => event.detail.feed} />;
// @ts-expect-error the ref is typed with the element's class
export const wrongRef = <recent-posts ref={createRef<HTMLDivElement>()} />;
