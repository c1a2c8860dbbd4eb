import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import type { FeedErrorEvent, RecentPostsElement } from '../../src/index.js';
import { feedEvent, feedUrl, loadedFixture, part, parts, until } from '../helpers.js';

describe('loading and errors (both elements)', () => {
  let warn: sinon.SinonStub;
  beforeEach(() => {
    warn = sinon.stub(console, 'warn');
  });
  afterEach(() => {
    warn.restore();
    sinon.restore();
  });

  const failures: [string, string, RegExp][] = [
    ['/test-api/status/404', 'http', /ошибкой 404/],
    ['/test-api/status/500', 'http', /ошибкой 500/],
    ['/test-api/html-error', 'format', /нет ленты новостей/],
    [feedUrl('not-a-feed.json'), 'format', /нет ленты новостей/],
    [feedUrl('truncated.json'), 'parse', /повреждена/],
    ['http://127.0.0.1:9/feed.json', 'blocked|network', /недоступен/],
  ];

  for (const tag of ['recent-posts', 'featured-story'] as const) {
    for (const [src, kind, message] of failures) {
      it(`<${tag}> shows a localized error for ${src}`, async () => {
        const element = document.createElement(tag);
        element.lang = 'ru';
        element.src = src;
        const failed = feedEvent(element, 'feed-error') as Promise<FeedErrorEvent>;
        document.body.append(element);
        const event = await failed;
        await element.updateComplete;
        expect(event.detail.error.kind).to.match(new RegExp(`^(${kind})$`));
        expect(event.bubbles && event.composed).to.equal(true);
        const error = part(element, 'error')!;
        expect(error.getAttribute('role')).to.equal('status');
        expect(part(element, 'error-title')!.textContent).to.equal('Не удалось загрузить новости.');
        expect(part(element, 'error-detail')!.textContent).to.match(message);
        expect(part(element, 'retry')!.textContent).to.equal('Повторить');
        expect(warn.calledOnce).to.equal(true);
        await expect(element).to.be.accessible();
        element.remove();
      });
    }
  }

  it('gives up after the timeout', async () => {
    const errors: FeedErrorEvent[] = [];
    const element = await loadedFixture<RecentPostsElement>(
      html`<recent-posts lang="en" timeout="200" @feed-error=${(event: FeedErrorEvent) => errors.push(event)}
        src="/test-api/delay/3000?body=feeds/municipal.ru.json"></recent-posts>`,
    );
    expect(errors[0]!.detail.error.kind).to.equal('timeout');
    expect(part(element, 'error-detail')!.textContent).to.equal('The news server took too long to answer.');
  });

  it('waits for a shared feed as long as the most patient of its widgets asks', async () => {
    // One widget asks for 300 ms, the other for 5 s, on one feed that takes 600 ms: one request, which
    // the first widget's patience must not cut short for the second.
    const errors: FeedErrorEvent[] = [];
    const src = `/test-api/delay/600?body=feeds/municipal.ru.json&shared=${Date.now()}`;
    const wrapper = await fixture<HTMLElement>(html`<div @feed-error=${(event: FeedErrorEvent) => errors.push(event)}>
      <recent-posts lang="en" timeout="300" src=${src}></recent-posts>
      <recent-posts lang="en" timeout="5000" src=${src}></recent-posts>
    </div>`);
    const [short, patient] = [...wrapper.querySelectorAll<RecentPostsElement>('recent-posts')];
    await until(() => parts(patient!, 'item').length > 0 || errors.length > 0, 'the feed or an error', 5000);
    expect(parts(patient!, 'item').length, 'the patient widget was not cut short by the other').to.be.above(0);
    expect(errors.filter((event) => event.target == patient)).to.deep.equal([]);
    await until(() => parts(short!, 'item').length > 0, 'the shared feed in the other widget too', 5000);
  });

  it('never gives up with a timeout of Infinity (or one longer than a timer can wait), for the feed and for "load more"', async () => {
    // setTimeout wraps delays past 2^31 - 1 ms to about zero: a naive timer would give up at once.
    for (const timeout of [Infinity, 2 ** 32]) {
      const errors: FeedErrorEvent[] = [];
      const element = await loadedFixture<RecentPostsElement>(
        html`<recent-posts lang="en" limit="2" load-more .timeout=${timeout} @feed-error=${(event: FeedErrorEvent) => errors.push(event)}
          src=${`${feedUrl('page-1.json')}?timeout=${timeout}`}></recent-posts>`,
      );
      expect(errors, `timeout ${timeout}`).to.deep.equal([]);
      expect(parts(element, 'item')).to.have.length(2);
      part(element, 'load-more')!.click(); // the third post is loaded already
      await element.updateComplete;
      part(element, 'load-more')!.click(); // this one fetches page 2
      const started = Date.now();
      while (parts(element, 'item').length < 5 && errors.length === 0 && Date.now() - started < 5000) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(errors.map((event) => event.detail.error.kind), `timeout ${timeout}`).to.deep.equal([]);
      expect(parts(element, 'item')).to.have.length(5);
    }
  });

  it('reads a timeout set as text (`timeout="200"` in a Vue template sets the property to the string) as a number, for "load more" too', async () => {
    for (const [timeout, kinds] of [['200', ['timeout']], ['Infinity', []]] as const) {
      const errors: FeedErrorEvent[] = [];
      const feed = { version: 'https://jsonfeed.org/version/1.1', next_url: `/test-api/delay/1500?body=feeds/page-2.json&t=${timeout}`, items: [{ id: '1', title: 'Первая', url: '/1' }] };
      const element = await fixture<RecentPostsElement>(
        html`<recent-posts lang="en" limit="1" load-more .timeout=${timeout as unknown as number} .feed=${feed} @feed-error=${(event: FeedErrorEvent) => errors.push(event)}></recent-posts>`,
      );
      await element.updateComplete;
      part(element, 'load-more')!.click(); // fetches the next page, which takes 1.5 s
      await until(() => errors.length > 0 || parts(element, 'item').length > 1, `timeout "${timeout}": an error or the next page`, 5000);
      expect(errors.map((event) => event.detail.error.kind), `timeout "${timeout}"`).to.deep.equal(kinds);
    }
  });

  it('loads again from the retry button', async () => {
    const realFetch = window.fetch.bind(window);
    let calls = 0;
    sinon.stub(window, 'fetch').callsFake((input, init) => {
      calls++;
      return calls === 1 ? Promise.resolve(new Response('oops', { status: 503 })) : realFetch(input, init);
    });
    const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" src=${feedUrl('municipal.ru.json')}></recent-posts>`);
    expect(part(element, 'error')).to.not.equal(null);
    const loadedAgain = feedEvent(element, 'feed-load');
    part(element, 'retry')!.click();
    await loadedAgain;
    await element.updateComplete;
    expect(part(element, 'error')).to.equal(null);
    expect(parts(element, 'item')).to.have.length(5);
  });

  it('keeps what it shows when a later load of the same feed fails', async () => {
    const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" src=${feedUrl('municipal.ru.json')}></recent-posts>`);
    sinon.stub(window, 'fetch').resolves(new Response('down', { status: 502 }));
    const failed = feedEvent(element, 'feed-error');
    (element as unknown as { loader: { reload(): void } }).loader.reload();
    await failed;
    await element.updateComplete;
    expect(parts(element, 'item')).to.have.length(5);
    expect(part(element, 'error')).to.equal(null);
  });

  it('applies only the latest src: a slow older response never overwrites a newer one', async () => {
    const element = await fixture<RecentPostsElement>(
      html`<recent-posts lang="en" src="/test-api/delay/600?body=feeds/municipal.ru.json"></recent-posts>`,
    );
    element.src = feedUrl('english.json');
    const loads: string[] = [];
    element.addEventListener('feed-load', (event) => loads.push(event.detail.feed.title!));
    await feedEvent(element, 'feed-load');
    await new Promise((resolve) => setTimeout(resolve, 900));
    await element.updateComplete;
    expect(loads).to.deep.equal(['Test City Council']);
    expect(part(element, 'title')!.textContent!.trim()).to.equal('New bridge opens');
  });

  it('aborts its request when removed, and loads when put back', async () => {
    const signals: AbortSignal[] = [];
    const realFetch = window.fetch.bind(window);
    sinon.stub(window, 'fetch').callsFake((input, init) => {
      signals.push(init!.signal!);
      return realFetch(input, init);
    });
    const element = document.createElement('recent-posts');
    element.src = '/test-api/delay/2000?body=feeds/english.json&unique=abort-test';
    document.body.append(element);
    await element.updateComplete;
    expect(signals).to.have.length(1);
    element.remove();
    await Promise.resolve(); // released at the end of the task: a widget only moved keeps its request
    expect(signals[0]!.aborted).to.equal(true);
    const errors = sinon.spy();
    element.addEventListener('feed-error', errors);
    element.src = feedUrl('english.json');
    document.body.append(element);
    await feedEvent(element, 'feed-load');
    expect(errors.called).to.equal(false, 'an abort is not an error');
    element.remove();
  });

  it('neither fetches again nor reports its error again when a widget showing an error is moved', async () => {
    const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="en" src=${`/test-api/status/503?moved=${Math.random()}`}></recent-posts>`);
    const fetchSpy = sinon.spy(window, 'fetch');
    const errors = sinon.spy();
    element.addEventListener('feed-error', errors);
    const box = document.createElement('div');
    document.body.append(box);
    box.append(element); // a move: out of the page and back in one task
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fetchSpy.callCount).to.equal(0);
    expect(errors.callCount).to.equal(0);
    expect(part(element, 'error')).to.not.equal(null);
    box.remove();
  });

  it('shares one request between elements with the same src', async () => {
    const fetchSpy = sinon.spy(window, 'fetch');
    const src = '/test-api/delay/200?body=feeds/english.json&unique=shared';
    const container = document.createElement('div');
    container.innerHTML = `<featured-story src="${src}"></featured-story><recent-posts src="${src}"></recent-posts><recent-posts src="${src}"></recent-posts>`;
    const loads = [...container.children].map((child) => feedEvent(child, 'feed-load'));
    document.body.append(container);
    await Promise.all(loads);
    container.remove();
    expect(fetchSpy.callCount).to.equal(1);
  });

  it('shares one request for the next page between widgets of the same feed that both load more', async () => {
    const name = `shared-more-${Math.random().toString(36).slice(2)}`;
    const paged = {
      version: 'https://jsonfeed.org/version/1.1',
      next_url: `/test-api/sequence/${name}?bodies=feeds/page-2.json&delay=200`,
      items: [{ id: 'p1', title: 'One', url: '/1', date_published: '2026-11-20T10:00:00Z' }],
    };
    const container = await fixture<HTMLElement>(html`<div>
      <recent-posts lang="en" limit="1" load-more .feed=${paged}></recent-posts><recent-posts lang="en" limit="1" load-more .feed=${paged}></recent-posts>
    </div>`);
    const [first, second] = [...container.querySelectorAll('recent-posts')];
    await until(() => part(first!, 'load-more') && part(second!, 'load-more'), 'both widgets showing their post');
    part(first!, 'load-more')!.click();
    part(second!, 'load-more')!.click();
    await until(() => parts(first!, 'item').length === 2 && parts(second!, 'item').length === 2, 'the next page in both widgets'); // "load more" shows `limit` more
    expect((await (await fetch(`/test-api/stats/${name}`)).json()).requests).to.equal(1);
  });

  it('can be defined twice, and both bundles loaded twice on one page, without an error', async () => {
    const { FeaturedStoryElement, RecentPostsElement: Posts } = await import('../../src/index.js');
    expect(() => Posts.define()).to.not.throw();
    expect(() => FeaturedStoryElement.define()).to.not.throw();
    Posts.define('city-news-test');
    expect(customElements.get('city-news-test')).to.not.equal(undefined);

    const frame = document.createElement('iframe');
    const errors: string[] = [];
    frame.srcdoc = `<!doctype html><html lang="ru"><body>
      <script src="/dist/news-widgets.iife.js"></script>
      <script type="module" src="/dist/news-widgets.js"></script>
      <script type="module" src="/dist/news-widgets.js?again"></script>
      <script src="/dist/news-widgets.iife.js?again"></script>
      <recent-posts src="/test/fixtures/feeds/english.json"></recent-posts></body></html>`;
    const loaded = oneEvent(frame, 'load');
    document.body.append(frame);
    frame.contentWindow!.addEventListener('error', (event) => errors.push(event.message));
    await loaded;
    const inner = frame.contentDocument!.querySelector('recent-posts')!;
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = () => {
        if (inner.shadowRoot?.querySelector('[part~="item"]')) resolve();
        else if (Date.now() - started > 5000) reject(new Error('the bundle did not render'));
        else setTimeout(poll, 50);
      };
      poll();
    });
    expect(errors).to.deep.equal([]);
    expect(frame.contentWindow!.customElements.get('recent-posts')).to.not.equal(undefined);
    frame.remove();
  });
});
