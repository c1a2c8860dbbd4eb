import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import type { RecentPostsElement } from '../../src/index.js';
import { loadedFixture, feedEvent, feedUrl, feedWithAges, fixtureNow, nextOutcome, part, parts, texts } from '../helpers.js';
import { heldFeed } from '../a11y/a11y-helpers.js';

describe('<recent-posts>', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  const pageLang = document.documentElement.lang;
  afterEach(() => {
    clock?.restore();
    clock = undefined;
    document.documentElement.lang = pageLang;
  });

  const loaded = (template: ReturnType<typeof html>) => loadedFixture<RecentPostsElement>(template);

  describe('with a Russian feed on a Russian page', () => {
    let element: RecentPostsElement;
    beforeEach(async () => {
      clock = sinon.useFakeTimers({ now: fixtureNow, toFake: ['Date'] });
      element = await loaded(html`<recent-posts lang="ru" src=${feedUrl('municipal.ru.json')} limit="7"></recent-posts>`);
    });

    it('is accessible', async () => {
      await expect(element).to.be.accessible();
    });

    it('shows a localized heading and a list of articles, newest first', () => {
      expect(part(element, 'heading')!.textContent).to.equal('Последние новости');
      expect(part(element, 'heading')!.tagName).to.equal('H2');
      const list = part(element, 'list')!;
      expect(list.tagName).to.equal('UL');
      const items = parts(element, 'item');
      expect(items).to.have.length(7);
      expect(items.every((item) => item.tagName === 'LI' && item.querySelector('article h3 a'))).to.equal(true);
      expect(texts(parts(element, 'title'))[0]).to.equal('В Тестовске открыли новый мост через реку');
    });

    it('links each title to its story, resolved against the feed URL', () => {
      const links = parts(element, 'link') as HTMLAnchorElement[];
      expect(links[0]!.getAttribute('href')).to.equal(new URL('/test/fixtures/feeds/news/story-1.html', location.href).href);
      expect(links[1]!.getAttribute('href')).to.equal('https://example.org/news/story-2.html');
    });

    it('shows relative times in Russian with correct plurals, and dates past a week', () => {
      expect(texts(parts(element, 'time'))).to.deep.equal([
        '3 часа назад',
        '9 часов назад',
        '14 часов назад',
        '22 часа назад',
        '3 дня назад',
        '3 мая',
        '3 мая 2025 г.',
      ]);
    });

    it('marks times up with datetime and a full localized date as tooltip', () => {
      const time = parts(element, 'time')[0] as HTMLTimeElement;
      expect(time.tagName).to.equal('TIME');
      expect(time.dateTime).to.equal('2026-11-20T09:00:00.000Z');
      expect(time.title).to.contain('2026');
      expect(time.title).to.match(/ноября/);
    });

    it('takes excerpts from the summary, else from the HTML content, as text', () => {
      const excerpts = texts(parts(element, 'excerpt'));
      expect(excerpts[1]).to.match(/^В субботу во всех районах/);
      expect(excerpts[2]).to.equal('С\u00a0понедельника городские библиотеки работают до\u00a021:00. Читальные залы открыты и\u00a0в\u00a0выходные.');
    });

    it('never prints a word of English on a Russian page', () => {
      const visible = element.shadowRoot!.textContent!;
      expect(visible).to.not.match(/\b(ago|hours?|minutes?|days?|Recent|news)\b/i);
    });
  });

  it('shows 5 posts by default, and respects limit and offset', async () => {
    const element = await loaded(html`<recent-posts lang="ru" src=${feedUrl('municipal.ru.json')}></recent-posts>`);
    expect(parts(element, 'item')).to.have.length(5);
    element.limit = 2;
    element.offset = 1;
    await element.updateComplete;
    expect(texts(parts(element, 'title'))).to.deep.equal(['Жителей приглашают на субботник', 'Библиотеки продлили часы работы']);
    element.setAttribute('limit', 'not a number');
    await element.updateComplete;
    expect(parts(element, 'item')).to.have.length(5, 'an invalid limit falls back to the default (5)');
  });

  it('goes back to the defaults of limit and excerpt-length when their attributes are removed', async () => {
    const element = await loaded(html`<recent-posts lang="ru" limit="2" excerpt-length="30" src=${feedUrl('municipal.ru.json')}></recent-posts>`);
    expect(parts(element, 'item')).to.have.length(2);
    element.removeAttribute('limit');
    element.removeAttribute('excerpt-length');
    await element.updateComplete;
    expect(parts(element, 'item')).to.have.length(5);
    expect(texts(parts(element, 'excerpt'))[3]).to.equal('Подрядчики закончили работы на двух улицах.');
  });

  it('cuts excerpts at a word boundary to excerpt-length, "…" included', async () => {
    const element = await loaded(html`<recent-posts lang="ru" excerpt-length="60" src=${feedUrl('municipal.ru.json')}></recent-posts>`);
    const excerpt = texts(parts(element, 'excerpt'))[1]!;
    expect(excerpt.endsWith('…')).to.equal(true);
    expect([...excerpt].length).to.be.at.most(60);
    const summary = 'В субботу во всех районах города пройдут субботники: жители смогут убрать дворы, скверы и берега реки вместе с соседями и волонтёрами.';
    expect(summary.startsWith(excerpt.slice(0, -1))).to.equal(true);
    expect(summary.charAt(excerpt.length - 1)).to.match(/[\s:,]/);
    // Short excerpts are shown whole, without "…".
    expect(texts(parts(element, 'excerpt'))[3]).to.equal('Подрядчики закончили работы на двух улицах.');
  });

  describe('locale', () => {
    it('follows the element lang, then the closest [lang], then <html lang>', async () => {
      clock = sinon.useFakeTimers({ now: fixtureNow, toFake: ['Date'] });
      const element = await loadedFixture<RecentPostsElement>(
        html`<div lang="ru-RU"><recent-posts src=${feedUrl('municipal.ru.json')}></recent-posts></div>`,
        'recent-posts',
      );
      const wrapper = element.parentElement!;
      expect(part(element, 'heading')!.textContent).to.equal('Последние новости');
      expect(texts(parts(element, 'time'))[1]).to.equal('9 часов назад');

      element.setAttribute('lang', 'en');
      await new Promise((resolve) => setTimeout(resolve));
      await element.updateComplete;
      expect(part(element, 'heading')!.textContent).to.equal('Recent news');
      expect(texts(parts(element, 'time'))[1]).to.equal('9 hours ago');

      element.removeAttribute('lang');
      wrapper.setAttribute('lang', 'ru'); // an ancestor's lang changes: the widget follows it
      await new Promise((resolve) => setTimeout(resolve));
      await element.updateComplete;
      expect(part(element, 'heading')!.textContent).to.equal('Последние новости');
      wrapper.removeAttribute('lang');
      document.documentElement.lang = 'ru';
      await new Promise((resolve) => setTimeout(resolve));
      await element.updateComplete;
      expect(texts(parts(element, 'time'))[1]).to.equal('9 часов назад');
      document.documentElement.lang = 'en';
      await new Promise((resolve) => setTimeout(resolve));
      await element.updateComplete;
      expect(texts(parts(element, 'time'))[1]).to.equal('9 hours ago');
    });

    it('sets its resolved locale as lang on its content, and the feed language on foreign text', async () => {
      const element = await loaded(html`<recent-posts lang="ru" src=${feedUrl('english.json')}></recent-posts>`);
      expect(part(element, 'base')!.lang).to.equal('ru');
      expect(part(element, 'title')!.lang).to.equal('en');
      const unsupported = await loaded(html`<recent-posts lang="xx-unknown" src=${feedUrl('english.json')}></recent-posts>`);
      expect(part(unsupported, 'base')!.lang).to.equal(matchBrowserOrEnglish());
    });
  });

  it('renders a feed given as a property, without fetching', async () => {
    const fetchSpy = sinon.spy(window, 'fetch');
    try {
      const element = document.createElement('recent-posts');
      element.lang = 'ru';
      element.feed = feedWithAges([5, 60 * 22]);
      const loadEvent = feedEvent(element, 'feed-load');
      document.body.append(element);
      const event = await loadEvent;
      await element.updateComplete;
      expect(event.detail.feed.stories).to.have.length(2);
      expect(texts(parts(element, 'time'))).to.deep.equal(['5 минут назад', '22 часа назад']);
      expect(fetchSpy.called).to.equal(false);
      element.remove();
    } finally {
      fetchSpy.restore();
    }
  });

  it('keeps times current with the shared clock', async () => {
    clock = sinon.useFakeTimers({ now: fixtureNow, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const element = document.createElement('recent-posts');
    element.lang = 'ru';
    element.feed = feedWithAges([59, 60 * 21 + 59]);
    document.body.append(element);
    await element.updateComplete;
    expect(texts(parts(element, 'time'))).to.deep.equal(['59 минут назад', '21 час назад']);
    clock.tick(60_000);
    await element.updateComplete;
    expect(texts(parts(element, 'time'))).to.deep.equal(['1 час назад', '22 часа назад']);
    clock.tick(60 * 60_000);
    await element.updateComplete;
    expect(texts(parts(element, 'time'))).to.deep.equal(['2 часа назад', '23 часа назад']);
    element.remove();
  });

  it('fires feed-load as a bubbling, composed event', async () => {
    const seen: Event[] = [];
    const listener = (event: Event) => seen.push(event);
    document.addEventListener('feed-load', listener);
    try {
      await loaded(html`<recent-posts src=${feedUrl('english.json')}></recent-posts>`);
    } finally {
      document.removeEventListener('feed-load', listener);
    }
    expect(seen).to.have.length(1);
    expect(seen[0]!.bubbles && seen[0]!.composed).to.equal(true);
  });

  it('takes its font and colours from --news-* properties set on any ancestor, else from the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="color: rgb(10, 20, 30); font-family: serif">
      <recent-posts .feed=${feedWithAges([5])}></recent-posts>
    </div>`);
    const element = wrapper.querySelector('recent-posts')!;
    await element.updateComplete;
    const base = () => getComputedStyle(part(element, 'base')!);
    const link = () => getComputedStyle(parts(element, 'link')[0]!);
    // Defaults inherit the page's font and colours.
    expect(base().color).to.equal('rgb(10, 20, 30)');
    expect(base().fontFamily).to.equal('serif');
    expect(link().color).to.equal('rgb(10, 20, 30)');
    wrapper.style.setProperty('--news-font-family', 'monospace');
    wrapper.style.setProperty('--news-text-color', 'rgb(1, 2, 3)');
    wrapper.style.setProperty('--news-link-color', 'rgb(4, 5, 6)');
    wrapper.style.setProperty('--news-muted-color', 'rgb(7, 8, 9)');
    wrapper.style.setProperty('--news-background', 'rgb(250, 250, 240)');
    expect(base().fontFamily).to.equal('monospace');
    expect(base().color).to.equal('rgb(1, 2, 3)');
    expect(link().color).to.equal('rgb(4, 5, 6)');
    expect(getComputedStyle(parts(element, 'time')[0]!).color).to.equal('rgb(7, 8, 9)');
    expect(getComputedStyle(element).backgroundColor).to.equal('rgb(250, 250, 240)');
  });

  it('shows a localized empty state', async () => {
    const element = await loaded(html`<recent-posts lang="ru" src=${feedUrl('empty.json')}></recent-posts>`);
    expect(part(element, 'status')!.textContent).to.equal('Новостей пока нет.');
    expect(part(element, 'list')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('shows a localized loading state while the feed is on its way', async () => {
    const element = await fixture<RecentPostsElement>(
      html`<recent-posts lang="ru" src=${`/test-api/delay/400?body=feeds/municipal.ru.json&unique=loading`}></recent-posts>`,
    );
    expect(part(element, 'status')!.textContent).to.equal('Загрузка новостей…');
    expect(part(element, 'base')!.getAttribute('aria-busy')).to.equal('true');
    await expect(element).to.be.accessible();
    await nextOutcome(element);
    await element.updateComplete;
    expect(part(element, 'base')!.getAttribute('aria-busy')).to.equal('false');
    expect(parts(element, 'item')).to.have.length(5);
  });

  it('warns once about items it had to skip', async () => {
    const warn = sinon.stub(console, 'warn');
    try {
      const element = document.createElement('recent-posts');
      element.feed = { version: 'https://jsonfeed.org/version/1.1', items: [{ title: 'no id' }, null, { id: '1', title: 'ok' }] };
      document.body.append(element);
      await feedEvent(element, 'feed-load');
      expect(warn.callCount).to.equal(1);
      expect(String(warn.firstCall.args[0])).to.contain('2 feed item(s) were skipped');
      expect(parts(element, 'item')).to.have.length(1);
      element.remove();
    } finally {
      warn.restore();
    }
  });
});

function matchBrowserOrEnglish(): string {
  const browser = (navigator.languages ?? [navigator.language]).map((tag) => tag.split('-')[0]);
  return browser.find((language) => language === 'ru' || language === 'en') ?? 'en';
}

describe('<recent-posts> with a long feed', () => {
  it('reads and formats only the posts it shows: 5 of 1,000 items', async () => {
    const contentReads = new Set<string>();
    const dates: number[] = [];
    const items = Array.from({ length: 1000 }, (_, index) => {
      const id = `item-${index}`;
      const date = Date.UTC(2026, 10, 20, 12) - index * 60_000;
      dates.push(date);
      const item: Record<string, unknown> = { id, date_published: new Date(date).toISOString(), url: `https://city.example/${index}` };
      for (const [key, value] of [['title', `Новость ${index}`], ['content_html', `<p>Текст новости ${index}. ${'Подробности. '.repeat(40)}</p>`]]) {
        Object.defineProperty(item, key!, { enumerable: true, get: () => (contentReads.add(id), value) });
      }
      return item;
    });
    const formatted = new Set<number>();
    const record = (date: unknown) => formatted.add(+(date as Date | number));
    // `format` is a getter returning a bound function; `formatToParts` a plain method.
    const formatGetter = Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, 'format')!.get!;
    const { formatToParts } = Intl.DateTimeFormat.prototype;
    const spies = [
      sinon.stub(Intl.DateTimeFormat.prototype, 'format').get(function (this: Intl.DateTimeFormat) {
        const bound = formatGetter.call(this) as (date?: Date | number) => string;
        return (date?: Date | number) => (record(date), bound(date));
      }),
      sinon.stub(Intl.DateTimeFormat.prototype, 'formatToParts').callsFake(function (this: Intl.DateTimeFormat, date?: Date | number) {
        record(date);
        return formatToParts.call(this, date);
      }),
    ];
    try {
      const element = await fixture<RecentPostsElement>(html`<recent-posts lang="ru" time-zone="Europe/Moscow" .feed=${{ version: 'https://jsonfeed.org/version/1.1', items }}></recent-posts>`);
      await element.updateComplete;
      expect(parts(element, 'item')).to.have.length(5);
      expect([...contentReads].sort(), 'titles and bodies read').to.deep.equal(['item-0', 'item-1', 'item-2', 'item-3', 'item-4']);
      const feedDatesFormatted = dates.filter((date) => formatted.has(date));
      expect(feedDatesFormatted, 'dates formatted').to.deep.equal(dates.slice(0, 5));
    } finally {
      spies.forEach((spy) => spy.restore());
    }
  });
});

describe('<recent-posts> on an old CMS page whose library replaced Array.from (MooTools, Prototype.js)', () => {
  // MooTools 1.4's Array.from: no mapping function; what has no length is wrapped in an array.
  const mooToolsArrayFrom = (item: unknown) =>
    item == null ? [] : Array.isArray(item) ? item : typeof item != 'string' && typeof (item as ArrayLike<unknown>).length == 'number' ? Array.prototype.slice.call(item) : [item];
  const nativeArrayFrom = Array.from;
  beforeEach(() => ((Array as { from: unknown }).from = mooToolsArrayFrom));
  afterEach(() => (Array.from = nativeArrayFrom));

  it('still cuts excerpts cleanly with "…" and shows a skeleton of `limit` posts while loading', async () => {
    const summary = 'Жители района получили новый сквер с детской площадкой и дорожками для прогулок.';
    const feed = { version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', url: 'https://example.org/1', title: 'Новый сквер', summary, date_published: new Date().toISOString() }] };
    const element = await fixture<RecentPostsElement>(html`<recent-posts lang="ru" excerpt-length="40" .feed=${feed}></recent-posts>`);
    await element.updateComplete;
    const excerpt = part(element, 'excerpt')!.textContent!.trim();
    expect(excerpt).to.match(/^Жители района получили новый сквер.*…$/);
    expect(excerpt.length).to.be.at.most(40);

    const held = heldFeed('municipal.ru.json');
    const loading = await fixture<RecentPostsElement>(html`<recent-posts lang="ru" limit="3" src=${held.url}></recent-posts>`);
    try {
      await loading.updateComplete;
      expect(part(loading, 'skeleton')!.querySelectorAll('li')).to.have.length(3);
    } finally {
      await held.release();
    }
  });
});
