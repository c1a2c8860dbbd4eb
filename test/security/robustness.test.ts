import { expect, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import { RecentPostsElement, type FeaturedStoryElement, type FeedErrorEvent } from '../../src/index.js';
import { sharedClock } from '../../src/time/clock.js';
import { feedWithAges, part, parts } from '../helpers.js';

/** Serves `text` for `url` from a stubbed fetch, as a real Response. */
function serve(url: string, text: string, type = 'application/feed+json') {
  const realFetch = window.fetch.bind(window);
  return sinon.stub(window, 'fetch').callsFake((input, init) =>
    String(input).endsWith(url) ? Promise.resolve(new Response(text, { headers: { 'content-type': type } })) : realFetch(input, init),
  );
}

async function outcome(element: HTMLElement) {
  const event = await Promise.race([oneEvent(element, 'feed-load'), oneEvent(element, 'feed-error')]);
  await (element as RecentPostsElement).updateComplete;
  return event;
}

describe('bad input and many widgets', () => {
  let warn: sinon.SinonStub;
  const mounted: HTMLElement[] = [];
  beforeEach(() => {
    warn = sinon.stub(console, 'warn');
  });
  afterEach(() => {
    mounted.splice(0).forEach((element) => element.remove());
    sinon.restore();
  });
  const mount = <T extends HTMLElement>(element: T) => (mounted.push(element), document.body.append(element), element);

  it('reads only the newest stories of an enormous feed (10 MB, 10,000 items) and says so', async () => {
    const now = Date.now();
    const items = Array.from({ length: 10_000 }, (_, index) => ({
      id: `item-${index}`,
      title: `Новость ${index}`,
      content_html: `<p>${'очень длинный текст новости '.repeat(36)}</p>`,
      // Oldest first, so the newest are at the end of the list.
      date_published: new Date(now - (10_000 - index) * 60_000).toISOString(),
    }));
    const text = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items });
    expect(text.length).to.be.greaterThan(10_000_000);
    serve('/enormous.json', text);
    const element = mount(Object.assign(document.createElement('recent-posts'), { src: '/enormous.json', lang: 'ru' }));
    await outcome(element);
    expect(parts(element, 'item')).to.have.length(5);
    expect(parts(element, 'title')[0]!.textContent!.trim()).to.equal('Новость 9999');
    expect(warn.args.map(String).join('\n')).to.contain('only the newest 1000 were read');
  });

  it('survives content nested deeper than the call stack', async function () {
    this.timeout(30_000); // 20,000 nested elements and 50,000 nested arrays: seconds of work on a busy CI machine
    const deepHtml = '<div>'.repeat(20_000) + 'глубоко' + '</div>'.repeat(20_000);
    const deepJson = '{"version":"https://jsonfeed.org/version/1.1","items":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}';
    const posts = mount(Object.assign(document.createElement('recent-posts'), { feed: { version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: 'Вложенность', content_html: deepHtml }] } }));
    await posts.updateComplete;
    expect(parts(posts, 'excerpt')[0]!.textContent).to.contain('глубоко');
    const story = mount(Object.assign(document.createElement('featured-story'), { feed: posts.feed }));
    await story.updateComplete;
    expect(part(story, 'title')!.textContent!.trim()).to.equal('Вложенность');
    serve('/deep.json', deepJson);
    const broken = mount(Object.assign(document.createElement('recent-posts'), { src: '/deep.json' }));
    await outcome(broken);
    expect(part(broken, 'error') ?? parts(broken, 'status')[0], 'an error or empty state, never a blank box').to.not.equal(undefined);
  });

  /** A fetch stub whose feed body is `stream` (a Response over it, as a service worker might give). */
  function serveStream(url: string, stream: () => ReadableStream<Uint8Array>) {
    const realFetch = window.fetch.bind(window);
    return sinon.stub(window, 'fetch').callsFake((input, init) =>
      String(input).endsWith(url) ? Promise.resolve(new Response(stream(), { headers: { 'content-type': 'application/feed+json' } })) : realFetch(input, init),
    );
  }

  it('stops reading a feed that never ends at 64 MiB, with the error state, in well under its timeout', async function () {
    this.timeout(20_000);
    let sent = 0;
    let cancelled = false;
    const chunk = new TextEncoder().encode(`{"version":"https://jsonfeed.org/version/1.1","items":[${'{"id":"1","title":"Новость"},'.repeat(20_000)}`);
    serveStream('/endless.json', () => new ReadableStream({ pull: (stream) => ((sent += chunk.length), stream.enqueue(chunk)), cancel: () => void (cancelled = true) }));
    const started = performance.now();
    const element = mount(Object.assign(document.createElement('recent-posts'), { src: '/endless.json', lang: 'ru', timeout: 15_000 }));
    const event = (await outcome(element)) as FeedErrorEvent;
    expect(event.type).to.equal('feed-error');
    expect(performance.now() - started, 'long before the timeout').to.be.below(10_000);
    expect(sent, 'bytes read').to.be.below(2 ** 26 + 2 * chunk.length);
    expect(cancelled, 'the stream was cancelled').to.equal(true);
    expect(part(element, 'error')).to.not.equal(null);
  });

  it('gives up at its timeout on a body that trickles forever, even one its request cannot abort', async () => {
    const byte = new TextEncoder().encode(' ');
    let timer: ReturnType<typeof setInterval> | undefined;
    serveStream('/trickle.json', () => new ReadableStream({ start: (stream) => void (timer = setInterval(() => stream.enqueue(byte), 50)), cancel: () => clearInterval(timer) }));
    const element = mount(Object.assign(document.createElement('recent-posts'), { src: '/trickle.json', lang: 'ru', timeout: 500 }));
    try {
      const event = (await outcome(element)) as FeedErrorEvent;
      expect(event.detail.error.kind).to.equal('timeout');
      expect(part(element, 'error-detail')!.textContent).to.not.equal('');
    } finally {
      clearInterval(timer);
    }
  });

  it('cuts an unending word in an excerpt instead of overflowing', async () => {
    const element = mount(Object.assign(document.createElement('recent-posts'), {
      excerptLength: 40,
      feed: { version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: 'Слово', summary: 'а'.repeat(5000) }] },
    }));
    await element.updateComplete;
    const excerpt = parts(element, 'excerpt')[0]!.textContent!;
    expect([...excerpt]).to.have.length(40);
    expect(excerpt.endsWith('…')).to.equal(true);
    expect(parts(element, 'excerpt')[0]!.getBoundingClientRect().width).to.be.at.most(element.getBoundingClientRect().width + 1);
  });

  it('keeps properties set before the element was defined', async () => {
    const element = document.createElement('late-news-list') as RecentPostsElement;
    Object.assign(element, { feed: feedWithAges([5, 10, 15]), limit: 2, lang: 'ru' });
    mount(element);
    RecentPostsElement.define('late-news-list');
    await customElements.whenDefined('late-news-list');
    await element.updateComplete;
    expect(parts(element, 'item')).to.have.length(2);
  });

  it('releases its clock subscription and its request when removed, and does not fetch again when moved', async () => {
    const fetchSpy = sinon.spy(window, 'fetch');
    const element = mount(Object.assign(document.createElement('recent-posts'), { src: '/test-api/delay/300?body=feeds/english.json&n=move' }));
    await element.updateComplete;
    const other = mount(document.createElement('div'));
    other.append(element); // moved while its request is in flight
    await outcome(element);
    expect(fetchSpy.callCount).to.equal(1);
    expect(sharedClock.subscriberCount).to.be.greaterThan(0);
    const before = sharedClock.subscriberCount;
    element.remove();
    expect(sharedClock.subscriberCount).to.equal(before - 1);
  });

  it('runs 200 widgets on one clock timer and one request per feed', async () => {
    // A feed dated now: times older than a week read as dates, which need no clock at all, so a
    // fixture with fixed dates stops testing the clock a week after them.
    const fetchSpy = serve('/many-widgets.json', JSON.stringify(feedWithAges([5, 90, 600, 3000])));
    const container = mount(document.createElement('div'));
    const widgets = Array.from({ length: 200 }, (_, index) =>
      Object.assign(document.createElement(index % 2 ? 'recent-posts' : 'featured-story'), { src: '/many-widgets.json', lang: 'ru' }),
    );
    const loads = widgets.map((widget) => oneEvent(widget, 'feed-load'));
    container.append(...widgets);
    await Promise.all(loads);
    await Promise.all(widgets.map((widget) => (widget as FeaturedStoryElement).updateComplete));
    expect(fetchSpy.callCount).to.equal(1);
    expect(sharedClock.pendingTimers).to.equal(1);
    expect(sharedClock.subscriberCount).to.be.at.least(200);
  });
});
