/**
 * The elements in Vue 3 templates, typed by src/frameworks/vue.ts: Vue binds what the element has as
 * a property (`:limit`, `:feed`), the rest as attributes (`excerpt-length`, `load-more`), and
 * `@feed-load`/`@feed-error` listen to the elements' events. Templates are compiled in the browser
 * by Vue's full build, told by `compilerOptions.isCustomElement` that these are custom elements.
 */
import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { createApp, nextTick, ref, type App, type Component } from 'vue/dist/vue.esm-browser.js';
import '../../src/define.js';
import type {} from '../../src/frameworks/vue.js';
import type { FeaturedStoryElement, FeedErrorEvent, FeedLoadEvent, RecentPostsElement } from '../../src/index.js';
import { feedUrl, feedWithAges, part, parts, texts } from '../helpers.js';
import { expectRenderedAsDeclared } from './expectations.js';

describe('Vue 3', () => {
  let container: HTMLElement;
  let app: App | undefined;
  let warn: sinon.SinonSpy;
  beforeEach(() => {
    container = document.body.appendChild(document.createElement('div'));
    warn = sinon.spy(console, 'warn');
  });
  afterEach(() => {
    app?.unmount();
    app = undefined;
    container.remove();
    // Vue resolved no component for the elements, and had nothing else to complain about.
    const vueWarnings = warn.getCalls().map((call) => String(call.args[0])).filter((message) => message.startsWith('[Vue warn]'));
    sinon.restore();
    expect(vueWarnings).to.deep.equal([]);
  });

  function mount(component: Component) {
    app = createApp(component);
    app.config.compilerOptions.isCustomElement = (tag) => tag === 'recent-posts' || tag === 'featured-story';
    app.mount(container);
  }
  const posts = () => container.querySelector<RecentPostsElement>('recent-posts')!;
  const story = () => container.querySelector<FeaturedStoryElement>('featured-story')!;

  it('passes attributes and properties, and calls @feed-load with the event', async () => {
    const postsLoaded = sinon.spy((_event: FeedLoadEvent) => {});
    const storyLoaded = sinon.spy((_event: FeedLoadEvent) => {});
    mount({
      setup: () => ({ src: feedUrl('english.json'), postsLoaded, storyLoaded }),
      template: `
        <featured-story :src="src" lang="en" label="Top story" @feed-load="storyLoaded"></featured-story>
        <recent-posts :src="src" :limit="2" lang="en" class="news" excerpt-length="20" load-more
          @feed-load="postsLoaded"></recent-posts>`,
    });
    await waitUntil(() => postsLoaded.called && storyLoaded.called, 'no feed-load from Vue listeners');
    await posts().updateComplete;
    await story().updateComplete;

    expectRenderedAsDeclared(posts, story, postsLoaded, storyLoaded);
  });

  it('calls @feed-error with the FeedError', async () => {
    const failed = sinon.spy((_event: FeedErrorEvent) => {});
    mount({ setup: () => ({ failed }), template: `<recent-posts src="/test-api/status/404" lang="en" @feed-error="failed"></recent-posts>` });
    await waitUntil(() => failed.called, 'no feed-error from the Vue listener');
    const { error } = failed.firstCall.args[0].detail;
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(404);
    expect(failed.firstCall.args[0].target).to.equal(posts());
  });

  it('binds feed as a property (:feed, or :feed.prop): rendered without fetching', async () => {
    const fetchSpy = sinon.spy(window, 'fetch');
    const loaded = sinon.spy((_event: FeedLoadEvent) => {});
    const feed = feedWithAges([5, 10, 20, 30]);
    mount({
      setup: () => ({ feed, loaded }),
      template: `
        <featured-story :feed.prop="feed" lang="en"></featured-story>
        <recent-posts :feed="feed" limit="2" lang="en" @feed-load="loaded"></recent-posts>`,
    });
    await waitUntil(() => loaded.called, 'no feed-load for the feed property');
    await posts().updateComplete;
    await story().updateComplete;
    // Vue hands the element its (reactive proxy of the) object, not "[object Object]" in an attribute.
    expect(posts().feed).to.deep.equal(feed);
    expect(posts().hasAttribute('feed')).to.equal(false);
    expect(story().feed).to.deep.equal(feed);
    expect(story().hasAttribute('feed')).to.equal(false);
    // A plain limit="2" sets the property too, to the string, which the element reads as a number.
    expect(posts().limit).to.equal('2');
    expect(texts(parts(posts(), 'title'))).to.deep.equal(['Новость 0', 'Новость 1']);
    expect(part(story(), 'title')!.textContent!.trim()).to.equal('Новость 0');
    expect(loaded.firstCall.args[0].detail.feed.stories).to.have.length(4);
    expect(fetchSpy.called).to.equal(false);
  });

  it('re-renders when a bound value changes', async () => {
    const limit = ref(2);
    const feed = ref<object>(feedWithAges([5, 10, 20]));
    const label = ref('First');
    const loadMore = ref(true);
    mount({
      setup: () => ({ limit, feed, label, loadMore }),
      template: `
        <featured-story :feed="feed" :label="label" lang="en"></featured-story>
        <recent-posts :feed="feed" :limit="limit" :loadMore="loadMore" lang="en"></recent-posts>`,
    });
    await waitUntil(() => parts(posts(), 'item').length === 2, 'posts never rendered');
    expect(part(posts(), 'load-more')).to.not.equal(null);

    limit.value = 1;
    await nextTick();
    await posts().updateComplete;
    expect(posts().limit).to.equal(1);
    expect(parts(posts(), 'item')).to.have.length(1);

    // A boolean bound by its camelCase property name turns off (an attribute would read "false" as on).
    loadMore.value = false;
    await nextTick();
    await posts().updateComplete;
    expect(posts().loadMore).to.equal(false);
    expect(part(posts(), 'load-more')).to.equal(null);

    limit.value = 3;
    await nextTick();
    await posts().updateComplete;
    expect(parts(posts(), 'item')).to.have.length(3);

    feed.value = feedWithAges([1], { title: 'Другая лента' });
    await nextTick();
    await waitUntil(() => parts(posts(), 'item').length === 1, 'the new feed was not rendered');

    label.value = 'Second';
    await nextTick();
    await story().updateComplete;
    expect(part(story(), 'label')!.textContent).to.equal('Second');
  });
});
