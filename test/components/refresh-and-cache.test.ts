import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import { resetFeedStore } from '../../src/feed/feed-store.js';
import type { RecentPostsElement } from '../../src/index.js';
import { feedEvent, part, parts, texts, until } from '../helpers.js';

/** A name no other browser or run uses, for the test server's per-name counters. */
const unique = (label: string) => `${label}-${Math.random().toString(36).slice(2)}`;
const stats = async (name: string) => (await fetch(`/test-api/stats/${name}`)).json() as Promise<{ requests: number; conditional: number; notModified: number }>;
const titles = (element: HTMLElement) => texts(parts(element, 'title'));

function mount(src: string, attributes: Record<string, string> = {}): RecentPostsElement {
  const element = document.createElement('recent-posts');
  element.lang = 'en';
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.src = src;
  document.body.append(element);
  return element;
}

async function settled(element: RecentPostsElement, event: 'feed-load' | 'feed-error' = 'feed-load') {
  await feedEvent(element, event);
  await element.updateComplete;
}

describe('refresh, revalidation and the stored copy', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  const mounted: HTMLElement[] = [];
  const track = (element: RecentPostsElement) => (mounted.push(element), element);
  afterEach(() => {
    clock?.restore();
    clock = undefined;
    mounted.splice(0).forEach((element) => element.remove());
    sinon.restore();
  });

  it('polls every refresh seconds and shows new stories', async () => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const name = unique('poll');
    const element = track(mount(`/test-api/sequence/${name}?bodies=feeds/english.json,feeds/updated.json`, { refresh: '60' }));
    await settled(element);
    expect(titles(element)).to.deep.equal(['New bridge opens', 'Volunteers clean up the parks']);
    clock.tick(59_000);
    expect((await stats(name)).requests).to.equal(1);
    const next = settled(element);
    clock.tick(1_000);
    await next;
    expect(titles(element)).to.deep.equal(['Late news: the ferry runs again', 'New bridge opens', 'Volunteers clean up the parks']);
    expect((await stats(name)).requests).to.equal(2);
  });

  it('an unchanged feed in a 200 (a server without validators) is neither read nor reported again', async () => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const name = unique('same-body');
    const element = track(mount(`/test-api/sequence/${name}?bodies=feeds/english.json,feeds/english.json,feeds/updated.json`, { refresh: '60' }));
    await settled(element);
    const loads: string[] = [];
    element.addEventListener('feed-load', (event) => loads.push(event.detail.feed.stories[0]!.title!));
    // Poll until the changed feed has arrived (each poll is scheduled when the one before is answered).
    for (let polls = 0; polls < 500 && !loads.includes('Late news: the ferry runs again'); polls++) {
      clock.tick(60_000);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    expect((await stats(name)).requests).to.equal(3);
    expect(loads, 'one feed-load: for the changed feed, none for the unchanged one').to.deep.equal(['Late news: the ferry runs again']);
  });

  it('starts polling when refresh is set on a shown widget, without reading the shown feed again', async () => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const name = unique('late-refresh');
    const element = track(mount(`/test-api/sequence/${name}?bodies=feeds/english.json,feeds/updated.json`));
    await settled(element);
    const loads: string[] = [];
    element.addEventListener('feed-load', (event) => loads.push(event.detail.feed.stories[0]!.title!));
    element.refresh = 60;
    element.timeout = 20_000;
    await element.updateComplete;
    await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
    await element.updateComplete;
    expect(loads, 'nothing new to announce').to.deep.equal([]);
    expect(part(element, 'base')!.getAttribute('aria-busy')).to.equal('false');
    const next = settled(element);
    clock.tick(60_000);
    await next;
    expect(loads).to.deep.equal(['Late news: the ferry runs again']);
    expect(titles(element)[0]).to.equal('Late news: the ferry runs again');
  });

  it('stops polling when refresh is removed, or when the only widget asking for it leaves', async () => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const name = unique('unpoll');
    const src = `/test-api/sequence/${name}?bodies=feeds/english.json`;
    const polling = track(mount(src, { refresh: '60' }));
    await settled(polling);
    polling.removeAttribute('refresh');
    await polling.updateComplete;
    clock.tick(10 * 60_000);
    expect((await stats(name)).requests).to.equal(1, 'no poll once refresh is removed');

    polling.setAttribute('refresh', '60');
    await polling.updateComplete;
    const plain = track(mount(src));
    await settled(plain);
    polling.remove();
    await Promise.resolve();
    clock.tick(10 * 60_000);
    expect((await stats(name)).requests).to.equal(1, 'no poll for a widget that did not ask for one');
  });

  it('takes a refresh longer than a timer can wait (~24.8 days) as a long wait, not as no wait', async () => {
    const name = unique('long-refresh');
    const element = track(mount(`/test-api/sequence/${name}?bodies=feeds/english.json`, { refresh: '3000000' }));
    await settled(element);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await stats(name)).requests).to.equal(1);
  });

  it('does not poll while the page is hidden, and catches up when it is visible', async () => {
    let visibility: DocumentVisibilityState = 'visible';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    try {
      clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      const name = unique('hidden');
      const element = track(mount(`/test-api/sequence/${name}?bodies=feeds/english.json,feeds/updated.json`, { refresh: '30' }));
      await settled(element);
      visibility = 'hidden';
      document.dispatchEvent(new Event('visibilitychange'));
      clock.tick(5 * 60_000);
      expect((await stats(name)).requests).to.equal(1, 'no request while hidden');
      const next = settled(element);
      visibility = 'visible';
      document.dispatchEvent(new Event('visibilitychange'));
      await next;
      expect((await stats(name)).requests).to.equal(2);
      expect(titles(element)[0]).to.equal('Late news: the ferry runs again');
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
  });

  it('revalidates: an unchanged feed costs a 304, not a new download', async () => {
    const name = unique('etag');
    const element = track(mount(`/test-api/etag/${name}?body=feeds/english.json`));
    await settled(element);
    element.shadowRoot!.querySelector('[part~="link"]'); // rendered
    (element as unknown as { loader: { reload(): void } }).loader.reload();
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const check = async () => {
        const counts = await stats(name);
        if (counts.requests >= 2) resolve();
        else if (Date.now() - started > 5000) reject(new Error('no second request'));
        else setTimeout(check, 20);
      };
      check();
    });
    expect(await stats(name)).to.deep.equal({ requests: 2, conditional: 1, notModified: 1 });
    await element.updateComplete;
    expect(titles(element)).to.deep.equal(['New bridge opens', 'Volunteers clean up the parks']);
  });

  it('keeps the content when a refresh fails, marks it as possibly outdated, and backs off', async () => {
    const name = unique('flaky');
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    sinon.stub(Math, 'random').returns(0.5); // no jitter: the delays below are exact
    const element = track(mount(`/test-api/sequence/${name}?bodies=feeds/english.json,feeds/updated.json&fail=2,3`, { refresh: '10', lang: 'ru' }));
    await settled(element);
    let failed = settled(element, 'feed-error');
    clock.tick(10_000);
    await failed;
    expect(titles(element)).to.deep.equal(['New bridge opens', 'Volunteers clean up the parks']);
    expect(part(element, 'error')).to.equal(null);
    expect(part(element, 'stale')!.textContent).to.equal('Новости могут быть устаревшими: последнее обновление не удалось.');
    // After one failure the next try waits 2 × 10 s, after two 4 × 10 s.
    failed = settled(element, 'feed-error');
    clock.tick(19_999);
    expect((await stats(name)).requests).to.equal(2);
    clock.tick(1);
    await failed;
    const loaded = settled(element);
    clock.tick(39_999);
    expect((await stats(name)).requests).to.equal(3);
    clock.tick(1);
    await loaded;
    expect(part(element, 'stale')).to.equal(null);
    expect(titles(element)[0]).to.equal('Late news: the ferry runs again');
  });

  it('keeps the last good copy, in memory and stored, when a refresh brings a body that is no feed', async () => {
    const name = unique('not-a-feed');
    const src = `/test-api/sequence/${name}?bodies=feeds/english.json,feeds/not-a-feed.json`;
    const first = track(mount(src));
    await settled(first);
    (first as unknown as { loader: { reload(): void } }).loader.reload();
    await settled(first, 'feed-error');
    expect(titles(first)).to.deep.equal(['New bridge opens', 'Volunteers clean up the parks']);
    // A widget added to the page now shows the good copy, marked as possibly out of date.
    const second = track(mount(src));
    await settled(second, 'feed-error');
    expect(titles(second)).to.deep.equal(['New bridge opens', 'Volunteers clean up the parks']);
    expect(part(second, 'stale')).to.not.equal(null);
    mounted.splice(0).forEach((element) => element.remove());
    resetFeedStore(); // the next visit: the stored copy is the good one, not the body that failed
    const third = track(mount(src));
    await settled(third);
    expect(titles(third)).to.deep.equal(['New bridge opens', 'Volunteers clean up the parks']);
  });

  it('drops the out-of-date notice when a check after a failed one finds the feed unchanged (304)', async () => {
    const body = await (await fetch('/test/fixtures/feeds/english.json')).text();
    const answers = [
      () => new Response(body, { headers: { 'content-type': 'application/feed+json', etag: '"v1"' } }),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => new Response(null, { status: 304, headers: { etag: '"v1"' } }),
    ];
    const fetchStub = sinon.stub(window, 'fetch').callsFake(async () => answers.shift()!());
    const element = track(mount(`/${unique('not-modified')}.json`));
    const reload = () => (element as unknown as { loader: { reload(): void } }).loader.reload();
    await settled(element);
    reload();
    await settled(element, 'feed-error');
    expect(part(element, 'stale')).to.not.equal(null);
    reload();
    await until(() => fetchStub.callCount == 3, 'the third check');
    await until(() => !part(element, 'stale'), 'the notice to go', 2000);
    expect(fetchStub.thirdCall.args[1]!.headers).to.include({ 'if-none-match': '"v1"' });
    expect(titles(element)).to.deep.equal(['New bridge opens', 'Volunteers clean up the parks']);
  });

  it('spreads retries with jitter: ±20% of the backoff', async () => {
    const name = unique('jitter');
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    sinon.stub(Math, 'random').returns(0); // the low end: 0.8 × (2 × 10 s) = 16 s
    const element = track(mount(`/test-api/sequence/${name}?bodies=feeds/english.json&fail=2`, { refresh: '10' }));
    await settled(element);
    const failed = settled(element, 'feed-error');
    clock.tick(10_000);
    await failed;
    clock.tick(15_999);
    expect((await stats(name)).requests).to.equal(2);
    const loaded = settled(element);
    clock.tick(1);
    await loaded;
    expect((await stats(name)).requests).to.equal(3);
  });

  /** Loads a slow feed once and forgets it, as a new visit would: only the copy in localStorage is left. */
  async function storedOnLastVisit(label: string): Promise<string> {
    const src = `/test-api/delay/300?body=feeds/english.json&n=${unique(label)}`;
    const first = track(mount(src));
    await settled(first);
    first.remove();
    resetFeedStore();
    return src;
  }

  it('shows the copy stored on the last visit at once, then revalidates it', async () => {
    const src = await storedOnLastVisit('stored');
    const fetchSpy = sinon.spy(window, 'fetch');
    const second = track(mount(src));
    await settled(second);
    expect(titles(second)).to.deep.equal(['New bridge opens', 'Volunteers clean up the parks']);
    expect(fetchSpy.callCount).to.equal(1, 'revalidation is under way');
    const stillLoading = fetchSpy.firstCall.returnValue;
    expect(part(second, 'status')).to.equal(null, 'no loading state: the stored news is shown');
    await stillLoading;
  });

  it('revalidates the stored copy however many widgets show it, featured stories among them', async () => {
    const src = await storedOnLastVisit('stored-many');
    const fetchSpy = sinon.spy(window, 'fetch');
    const widgets = Array.from({ length: 20 }, (_, index) =>
      Object.assign(document.createElement(index % 2 ? 'recent-posts' : 'featured-story'), { src, lang: 'en' }),
    );
    const loads = widgets.map((widget) => feedEvent(widget, 'feed-load'));
    document.body.append(...widgets);
    mounted.push(...(widgets as RecentPostsElement[]));
    await Promise.all(loads);
    expect(fetchSpy.callCount).to.equal(1, 'one revalidation of the stored copy, made by the first widget');
  });

  it('keeps at most 8 stored feeds, newest first, under a versioned key', async () => {
    for (let index = 0; index < 10; index++) {
      const element = track(mount(`/test-api/delay/0?body=feeds/english.json&n=${unique(`bound-${index}`)}`));
      await settled(element);
    }
    const keys = Object.keys(localStorage).filter((key) => key.startsWith('news-widgets:feed:'));
    expect(keys).to.have.length(8);
    expect(keys.every((key) => key.startsWith('news-widgets:feed:v1:'))).to.equal(true);
    expect(keys.some((key) => key.includes('bound-9-'))).to.equal(true);
    expect(keys.some((key) => key.includes('bound-0-'))).to.equal(false);
  });

  it('survives storage that throws', async () => {
    sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('full', 'QuotaExceededError'));
    const element = track(mount(`/test-api/delay/0?body=feeds/english.json&n=${unique('quota')}`));
    await settled(element);
    expect(titles(element)).to.have.length(2);
  });
});

describe('the stored copy across a real page load', () => {
  it('shows the news of the last visit while the new request is still held by the server', async () => {
    const name = unique('reload');
    const frame = document.createElement('iframe');
    const loaded = () => new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const items = () => frame.contentDocument?.querySelector('recent-posts')?.shadowRoot?.querySelectorAll('[part~="item"]').length ?? 0;
    const waitFor = async (condition: () => boolean, what: string, release = false) => {
      const started = Date.now();
      while (!condition()) {
        if (Date.now() - started > 8000) throw new Error(`timed out: ${what}`);
        if (release) await fetch(`/test-api/release/${name}`); // the request may not have reached the server yet
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    // First visit: the server answers when released; the widget shows and stores the feed.
    let next = loaded();
    frame.src = `/test/fixtures/pages/stored-copy.html#${name}`;
    document.body.append(frame);
    await next;
    await waitFor(() => items() === 2, 'the first visit rendered', true);
    // Second visit: the server holds the request; the news shows at once from the stored copy.
    next = loaded();
    frame.contentWindow!.location.reload();
    await next;
    await waitFor(() => items() === 2, 'the stored copy rendered');
    await fetch(`/test-api/release/${name}`);
    frame.remove();
  });
});
