/** @jsxRuntime automatic */
/** @jsxImportSource react */
/**
 * The elements rendered by React 19, typed by src/frameworks/react.ts: React sets what the element
 * has as a property (`limit`, `feed`), the rest as attributes (`excerpt-length`, `load-more`), and
 * listens to `feed-load`/`feed-error` through `onfeed-load`/`onfeed-error`.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { act, useState, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import sinon from 'sinon';
import '../../src/define.js';
import type {} from '../../src/frameworks/react.js';
import type { FeaturedStoryElement, FeedErrorEvent, FeedLoadEvent, RecentPostsElement } from '../../src/index.js';
import { feedUrl, feedWithAges, part, parts, texts } from '../helpers.js';
import { expectRenderedAsDeclared } from './expectations.js';

// Tells React that updates are wrapped in act(), which flushes them before it resolves.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('React 19', () => {
  let container: HTMLElement;
  let root: Root;
  let consoleError: sinon.SinonSpy;
  beforeEach(() => {
    container = document.body.appendChild(document.createElement('div'));
    root = createRoot(container);
    consoleError = sinon.spy(console, 'error');
  });
  afterEach(async () => {
    await act(() => root.unmount());
    container.remove();
    // React found nothing to warn about (it warns through console.error in development).
    const errors = consoleError.getCalls().map((call) => String(call.args[0]));
    sinon.restore();
    expect(errors).to.deep.equal([]);
  });

  const render = (node: ReactNode) => act(() => root.render(node));
  const posts = () => container.querySelector<RecentPostsElement>('recent-posts')!;
  const story = () => container.querySelector<FeaturedStoryElement>('featured-story')!;

  it('passes attributes and properties, and calls onfeed-load with the event', async () => {
    const postsLoaded = sinon.spy((_event: FeedLoadEvent) => {});
    const storyLoaded = sinon.spy((_event: FeedLoadEvent) => {});
    await render(
      <>
        <featured-story src={feedUrl('english.json')} lang="en" label="Top story" onfeed-load={storyLoaded} />
        <recent-posts
          src={feedUrl('english.json')}
          limit={2}
          lang="en"
          class="news"
          excerpt-length={20}
          load-more
          onfeed-load={postsLoaded}
        />
      </>,
    );
    await waitUntil(() => postsLoaded.called && storyLoaded.called, 'no feed-load from React listeners');
    await posts().updateComplete;
    await story().updateComplete;

    expectRenderedAsDeclared(posts, story, postsLoaded, storyLoaded);
  });

  it('calls onfeed-error with the FeedError', async () => {
    const failed = sinon.spy((_event: FeedErrorEvent) => {});
    await render(<recent-posts src="/test-api/status/404" lang="en" onfeed-error={failed} />);
    await waitUntil(() => failed.called, 'no feed-error from the React listener');
    const { error } = failed.firstCall.args[0].detail;
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(404);
    expect(failed.firstCall.args[0].target).to.equal(posts());
  });

  it('sets feed as a property: rendered without fetching', async () => {
    const fetchSpy = sinon.spy(window, 'fetch');
    const loaded = sinon.spy((_event: FeedLoadEvent) => {});
    const feed = feedWithAges([5, 10, 20, 30]);
    await render(
      <>
        <featured-story feed={feed} lang="en" />
        <recent-posts feed={feed} limit={2} lang="en" onfeed-load={loaded} />
      </>,
    );
    await waitUntil(() => loaded.called, 'no feed-load for the feed property');
    await posts().updateComplete;
    expect(posts().feed).to.equal(feed);
    expect(posts().hasAttribute('feed')).to.equal(false);
    expect(story().feed).to.equal(feed);
    expect(texts(parts(posts(), 'title'))).to.deep.equal(['Новость 0', 'Новость 1']);
    expect(part(story(), 'title')!.textContent!.trim()).to.equal('Новость 0');
    expect(loaded.firstCall.args[0].detail.feed.stories).to.have.length(4);
    expect(fetchSpy.called).to.equal(false);
  });

  it('re-renders when a prop changes', async () => {
    let setLimit!: (limit: number) => void;
    let setFeed!: (feed: object) => void;
    let setLabel!: (label: string) => void;
    function News() {
      const [limit, changeLimit] = useState(2);
      const [feed, changeFeed] = useState<object>(feedWithAges([5, 10, 20]));
      const [label, changeLabel] = useState('First');
      [setLimit, setFeed, setLabel] = [changeLimit, changeFeed, changeLabel];
      return (
        <>
          <featured-story feed={feed} label={label} lang="en" />
          <recent-posts feed={feed} limit={limit} lang="en" />
        </>
      );
    }
    await render(<News />);
    await waitUntil(() => parts(posts(), 'item').length === 2, 'posts never rendered');

    await act(() => setLimit(1));
    await posts().updateComplete;
    expect(posts().limit).to.equal(1);
    expect(parts(posts(), 'item')).to.have.length(1);

    await act(() => setLimit(3));
    await posts().updateComplete;
    expect(parts(posts(), 'item')).to.have.length(3);

    await act(() => setFeed(feedWithAges([1], { title: 'Другая лента' })));
    await waitUntil(() => parts(posts(), 'item').length === 1, 'the new feed was not rendered');

    await act(() => setLabel('Second'));
    await story().updateComplete;
    expect(part(story(), 'label')!.textContent).to.equal('Second');
  });

  it('swaps and removes listeners with the props', async () => {
    const first = sinon.spy();
    const second = sinon.spy();
    const feed = feedWithAges([5]);
    await render(<recent-posts feed={feed} onfeed-load={first} />);
    await waitUntil(() => first.calledOnce, 'no feed-load');
    await render(<recent-posts feed={feedWithAges([6])} onfeed-load={second} />);
    await waitUntil(() => second.calledOnce, 'no feed-load for the second listener');
    expect(first.callCount).to.equal(1);
    await render(<recent-posts feed={feed} />);
    await posts().updateComplete;
    posts().dispatchEvent(new CustomEvent('feed-load', { detail: { feed } }));
    expect(first.callCount).to.equal(1);
    expect(second.callCount).to.equal(1);
  });
});
