import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import type { RecentPostsElement } from '../../src/index.js';
import { feedEvent, feedUrl, parts } from '../helpers.js';

/** Resolves after `frames` animation frames: long enough for IntersectionObserver to report. */
const frames = async (count: number) => {
  for (let index = 0; index < count; index++) await new Promise((resolve) => requestAnimationFrame(resolve));
};

describe('loading="lazy"', () => {
  let fetchSpy: sinon.SinonSpy;
  beforeEach(() => (fetchSpy = sinon.spy(window, 'fetch')));
  afterEach(() => fetchSpy.restore());

  const requestsFor = (url: string) => fetchSpy.getCalls().filter((call) => String(call.args[0]) === url).length;

  /** A lazy widget of a fresh feed URL, 8000px down the page. */
  async function lazyWidgetFarDown(query: string) {
    const url = `${feedUrl('english.json')}?${query}=${Math.random()}`;
    const page = await fixture<HTMLDivElement>(html`<div>
      <div style="height: 8000px"></div>
      <recent-posts loading="lazy" src=${url} lang="en"></recent-posts>
    </div>`);
    return { url, element: page.querySelector<RecentPostsElement>('recent-posts')! };
  }

  it('fetches nothing for a widget far down the page until it is scrolled near, then loads and renders it', async () => {
    const { url, element } = await lazyWidgetFarDown('lazy');
    await element.updateComplete;
    await frames(5);
    expect(requestsFor(url), 'no request while far from the viewport').to.equal(0);
    expect(parts(element, 'item')).to.have.length(0);

    const loaded = feedEvent(element, 'feed-load');
    element.scrollIntoView();
    await loaded;
    await element.updateComplete;
    expect(requestsFor(url)).to.equal(1);
    expect(parts(element, 'item')).to.have.length(2);
    window.scrollTo(0, 0);
  });

  it('reads and renders a feed given as data (the feed property, or JSON printed inside) only when scrolled near', async () => {
    const items = [
      { id: 'a', title: 'First', url: '/a', date_published: new Date(Date.now() - 3_600_000).toISOString() },
      { id: 'b', title: 'Second', url: '/b', date_published: new Date(Date.now() - 7_200_000).toISOString() },
    ];
    const data = { version: 'https://jsonfeed.org/version/1.1', title: 'Data', items };
    const page = await fixture<HTMLDivElement>(html`<div>
      <div style="height: 8000px"></div>
      <recent-posts loading="lazy" lang="en" .feed=${data}></recent-posts>
      <div style="height: 8000px"></div>
      <recent-posts loading="lazy" lang="en"><script type="application/feed+json">${JSON.stringify(data)}</script></recent-posts>
    </div>`);
    const widgets = [...page.querySelectorAll<RecentPostsElement>('recent-posts')];
    for (const widget of widgets) {
      const loads: Event[] = [];
      widget.addEventListener('feed-load', (event) => loads.push(event));
      await widget.updateComplete;
      await frames(5);
      expect(parts(widget, 'item'), 'nothing read or rendered far from the viewport').to.have.length(0);
      expect(parts(widget, 'skeleton'), 'the placeholder holds the space').to.have.length(1);
      expect(loads).to.have.length(0);
      const loaded = feedEvent(widget, 'feed-load');
      widget.scrollIntoView();
      await loaded;
      await widget.updateComplete;
      expect(parts(widget, 'item')).to.have.length(2);
      window.scrollTo(0, 0);
    }
  });

  it('renders a lazy widget with data at once when it is in view', async () => {
    const data = { version: 'https://jsonfeed.org/version/1.1', items: [{ id: 'a', title: 'First', date_published: new Date().toISOString() }] };
    const element = await fixture<RecentPostsElement>(html`<recent-posts loading="lazy" lang="en" .feed=${data}></recent-posts>`);
    const started = Date.now();
    while (parts(element, 'item').length === 0 && Date.now() - started < 3000) await frames(1);
    expect(parts(element, 'item')).to.have.length(1);
  });

  it('loads a lazy widget in view at once, and an eager one far down the page at once', async () => {
    const nearUrl = `${feedUrl('english.json')}?near=${Math.random()}`;
    const farUrl = `${feedUrl('english.json')}?far=${Math.random()}`;
    // Listening before the page renders: both may load before fixture() resolves.
    const loaded = new Set<EventTarget>();
    let bothLoaded = () => {};
    const record = (event: Event) => {
      loaded.add(event.composedPath()[0]!);
      if (loaded.size === 2) bothLoaded();
    };
    document.addEventListener('feed-load', record);
    try {
      const done = new Promise<void>((resolve) => (bothLoaded = resolve));
      const page = await fixture<HTMLDivElement>(html`<div>
        <recent-posts loading="lazy" src=${nearUrl} lang="en"></recent-posts>
        <div style="height: 8000px"></div>
        <recent-posts src=${farUrl} lang="en"></recent-posts>
      </div>`);
      await done;
      expect([...loaded]).to.have.members([...page.querySelectorAll('recent-posts')]);
    } finally {
      document.removeEventListener('feed-load', record);
    }
    expect(requestsFor(nearUrl)).to.equal(1);
    expect(requestsFor(farUrl)).to.equal(1);
  });

  it('fetches at once when loading turns from lazy to eager', async () => {
    const { url, element } = await lazyWidgetFarDown('switch');
    await frames(5);
    expect(requestsFor(url)).to.equal(0);
    const loaded = feedEvent(element, 'feed-load');
    element.loading = 'eager';
    await loaded;
    expect(requestsFor(url)).to.equal(1);
  });

  it('inside a scrolling box: loads when scrolled near within the box, not only once in view (where the engine has scrollMargin)', async function () {
    const supportsScrollMargin = 'scrollMargin' in IntersectionObserver.prototype;
    const url = `${feedUrl('english.json')}?scroller=${Math.random()}`;
    const page = await fixture<HTMLDivElement>(html`<div style="height: 200px; overflow: auto">
      <div style="height: 3000px"></div>
      <recent-posts loading="lazy" src=${url} lang="en"></recent-posts>
      <div style="height: 3000px"></div>
    </div>`);
    const element = page.querySelector<RecentPostsElement>('recent-posts')!;
    await element.updateComplete;
    await frames(5);
    expect(requestsFor(url), 'far down the box: no request').to.equal(0);
    // 400px below the box's visible part: near, not in view.
    page.scrollTop = element.offsetTop - page.offsetTop - 200 - 400;
    await frames(5);
    if (!supportsScrollMargin) {
      expect(requestsFor(url), 'without scrollMargin: not yet').to.equal(0);
      const loaded = feedEvent(element, 'feed-load');
      page.scrollTop = element.offsetTop - page.offsetTop;
      await loaded;
      return;
    }
    expect(requestsFor(url), 'near, within the box').to.equal(1);
  });

  it('still waits after being moved within the page, far down, then loads once when scrolled near', async () => {
    const { url, element } = await lazyWidgetFarDown('moved');
    await frames(5);
    const parent = element.parentElement!;
    element.remove(); // stops watching the viewport
    await frames(2);
    parent.append(element); // far down again: watches again
    await frames(5);
    expect(requestsFor(url), 'no request after the move').to.equal(0);
    const loaded = feedEvent(element, 'feed-load');
    element.scrollIntoView();
    await loaded;
    await frames(5);
    expect(requestsFor(url)).to.equal(1);
    window.scrollTo(0, 0);
  });
});
