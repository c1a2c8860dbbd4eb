import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import { registerMessages, type FeaturedStoryElement, type RecentPostsElement } from '../../src/index.js';
import { catalogParts } from '../../src/i18n/compiled/parts.js';
import { isCatalogLoaded } from '../../src/i18n/messages.js';
import { feedUrl, feedWithAges, fixtureNow, loadedFixture, part, parts, texts } from '../helpers.js';

const settle = async (element: { updateComplete: Promise<unknown> }) => {
  await new Promise((resolve) => setTimeout(resolve)); // attribute observers run as microtasks
  await element.updateComplete;
};

describe('localization of the elements', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => {
    clock?.restore();
    clock = undefined;
  });

  it('speaks Tatar, which no browser formats by itself everywhere, in whole Tatar words', async () => {
    clock = sinon.useFakeTimers({ now: fixtureNow, toFake: ['Date'] });
    const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="tt" limit="7" src=${feedUrl('municipal.ru.json')}></recent-posts>`);
    expect(part(element, 'heading')!.textContent).to.not.match(/[a-z]/i);
    const times = texts(parts(element, 'time'));
    expect(times.slice(0, 4)).to.deep.equal(['3 сәгать элек', '9 сәгать элек', '14 сәгать элек', '22 сәгать элек']);
    expect(times.join(' ')).to.not.match(/[a-z]|-\d/i);
    for (const time of parts(element, 'time')) expect(time.title).to.not.match(/[a-z]/i);
  });

  it('keeps Kazakh times current across a unit boundary, in Kazakh', async () => {
    clock = sinon.useFakeTimers({ now: fixtureNow, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const element = document.createElement('recent-posts');
    element.lang = 'kk';
    element.feed = feedWithAges([59]);
    document.body.append(element);
    await element.updateComplete;
    expect(texts(parts(element, 'time'))).to.deep.equal(['59 минут бұрын']);
    clock.tick(60_000);
    await element.updateComplete;
    expect(texts(parts(element, 'time'))).to.deep.equal(['1 сағат бұрын']);
    element.remove();
  });

  for (const locale of ['ar', 'he']) {
    it(`lays out ${locale} right to left, unless the page sets dir`, async () => {
      const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang=${locale} src=${feedUrl('english.json')}></recent-posts>`);
      const base = part(element, 'base')!;
      expect(base.dir).to.equal('rtl');
      expect(getComputedStyle(part(element, 'heading')!).direction).to.equal('rtl');
      const heading = part(element, 'heading')!.getBoundingClientRect();
      const box = base.getBoundingClientRect();
      expect(box.right - heading.right).to.be.below(2, 'the heading starts at the right edge');
      // Feed text keeps its own direction: English titles are isolated as left-to-right.
      expect(part(element, 'title')!.getAttribute('dir')).to.equal('auto');
      expect(part(element, 'title')!.lang).to.equal('en');
      await expect(element).to.be.accessible();

      const wrapped = await loadedFixture<RecentPostsElement>(
        html`<div dir="ltr"><recent-posts lang=${locale} src=${feedUrl('english.json')}></recent-posts></div>`,
        'recent-posts',
      );
      expect(part(wrapped, 'base')!.hasAttribute('dir')).to.equal(false);
      expect(getComputedStyle(part(wrapped, 'heading')!).direction).to.equal('ltr');
    });
  }

  it('isolates feed text inside UI sentences, so an RTL source cannot reorder them', async () => {
    const element = document.createElement('featured-story');
    element.lang = 'ru';
    element.feed = { version: 'https://jsonfeed.org/version/1.1', title: 'وزارة \u202Eevil', items: [{ id: '1', title: 'x', authors: [{ name: '\u202Eadmin' }] }] };
    document.body.append(element);
    await element.updateComplete;
    // Feed text is an element of its own with dir="auto": a bidi isolate for the text around it.
    for (const name of ['source', 'author']) {
      expect(part(element, name)!.getAttribute('dir')).to.equal('auto');
      expect(part(element, name)!.parentElement!.textContent).to.match(name === 'source' ? /^Источник: / : /^Автор: /);
    }
    expect(part(element, 'source')!.textContent).to.equal('وزارة \u202Eevil');
    element.remove();
  });

  it('switches to dates past the threshold attribute', async () => {
    clock = sinon.useFakeTimers({ now: fixtureNow, toFake: ['Date'] });
    const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" limit="7" threshold="PT10H" src=${feedUrl('municipal.ru.json')}></recent-posts>`);
    expect(texts(parts(element, 'time')).slice(0, 3)).to.deep.equal(['3 часа назад', '9 часов назад', '19 ноября']);
    element.threshold = 'P365D';
    await element.updateComplete;
    expect(texts(parts(element, 'time'))).to.include('201 день назад');
    element.threshold = 'not a duration';
    await element.updateComplete;
    expect(texts(parts(element, "time"))[5]).to.equal("3 мая", "an invalid threshold means the default, P7D");
  });

  it('shows dates in the time zone inherited from a time-zone attribute', async () => {
    clock = sinon.useFakeTimers({ now: Date.parse('2026-12-01T12:00:00Z'), toFake: ['Date'] });
    const feed = { version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: 'Поздно вечером', date_published: '2026-11-20T22:30:00Z' }] };
    const wrapper = await fixture<HTMLDivElement>(html`<div time-zone="Asia/Novosibirsk"><recent-posts lang="ru" .feed=${feed}></recent-posts></div>`);
    const element = wrapper.querySelector('recent-posts')!;
    await element.updateComplete;
    expect(texts(parts(element, 'time'))).to.deep.equal(['21 ноября']);
    expect(parts(element, 'time')[0]!.title).to.contain('05:30');
    wrapper.setAttribute('time-zone', 'UTC');
    await settle(element);
    expect(texts(parts(element, 'time'))).to.deep.equal(['20 ноября']);
    expect(parts(element, 'time')[0]!.title).to.contain('22:30');
    wrapper.setAttribute('time-zone', 'Mars/Olympus_Mons');
    await settle(element);
    expect(texts(parts(element, 'time'))).to.have.length(1, 'an unknown zone falls back to the visitor’s, without an error');
  });

  it('lets a site replace the heading and the label, or hide them but keep them for screen readers', async () => {
    const posts = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" heading="Новости района" src=${feedUrl('english.json')}></recent-posts>`);
    expect(part(posts, 'heading')!.textContent).to.equal('Новости района');
    posts.heading = '';
    await posts.updateComplete;
    const hidden = part(posts, 'heading')!;
    expect(hidden.textContent).to.equal('Последние новости');
    expect(hidden.getBoundingClientRect().width).to.be.at.most(1);
    expect(part(posts, 'base')!.getAttribute('aria-labelledby')).to.equal(hidden.id);
    await expect(posts).to.be.accessible();

    const story = await loadedFixture<FeaturedStoryElement>(html`<featured-story lang="ru" label="" src=${feedUrl('english.json')}></featured-story>`);
    expect(part(story, 'label')!.textContent).to.equal('Тема дня');
    expect(part(story, 'label')!.getBoundingClientRect().width).to.be.at.most(1);
    story.label = 'Главное';
    await story.updateComplete;
    expect(part(story, 'label')!.textContent).to.equal('Главное');
  });

  it('passes a lang without a catalog on to the closest ancestor\'s lang, then to <html lang>', async () => {
    const pageLang = document.documentElement.lang;
    document.documentElement.lang = 'ru';
    try {
      const wrapper = await fixture<HTMLElement>(html`<div lang="de"><recent-posts lang="sr-Latn" .feed=${feedWithAges([5])}></recent-posts></div>`);
      const element = wrapper.querySelector('recent-posts')!;
      await settle(element);
      expect(part(element, 'base')!.lang).to.equal('de');
      expect(texts(parts(element, 'time'))).to.deep.equal(['vor 5 Minuten']);
      wrapper.lang = 'xx';
      await settle(element);
      expect(part(element, 'base')!.lang).to.equal('ru');
      expect(part(element, 'heading')!.textContent).to.equal('Последние новости');
      expect(texts(parts(element, 'time'))).to.deep.equal(['5 минут назад']);
    } finally {
      document.documentElement.lang = pageLang;
    }
  });

  it('follows a lang that changes in a shadow root between the page and its own (components nested in components)', async () => {
    clock = sinon.useFakeTimers({ now: fixtureNow, toFake: ['Date'] });
    // page > <div lang="de"> > shadow root > <div> > shadow root > <recent-posts>
    const outer = await fixture<HTMLElement>(html`<div lang="de"></div>`);
    const middle = outer.attachShadow({ mode: 'open' }).appendChild(document.createElement('div'));
    const element = middle.attachShadow({ mode: 'open' }).appendChild(document.createElement('recent-posts'));
    element.feed = feedWithAges([5]);
    await settle(element);
    expect(texts(parts(element, 'time'))).to.deep.equal(['vor 5 Minuten']);
    middle.lang = 'ru'; // in the outer shadow root: neither the document nor the widget's own root
    await settle(element);
    expect(part(element, 'heading')!.textContent).to.equal('Последние новости');
    expect(texts(parts(element, 'time'))).to.deep.equal(['5 минут назад']);
    middle.removeAttribute('lang');
    await settle(element);
    expect(texts(parts(element, 'time'))).to.deep.equal(['vor 5 Minuten']);
  });

  it('speaks the language an xml:lang gives (XHTML), as the browser itself reads it', async () => {
    clock = sinon.useFakeTimers({ now: fixtureNow, toFake: ['Date'] });
    const wrapper = document.createElement('div');
    // What the XML parser makes of <div xml:lang="ru"> in an XHTML page; it sets the language of an
    // HTML element in any document, ahead of lang.
    wrapper.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:lang', 'ru');
    const element = wrapper.appendChild(document.createElement('recent-posts'));
    element.feed = feedWithAges([5]);
    document.body.append(wrapper);
    try {
      expect(element.matches(':lang(ru)'), 'the browser reads the element as Russian').to.equal(true);
      await settle(element);
      expect(part(element, 'heading')!.textContent).to.equal('Последние новости');
      expect(texts(parts(element, 'time'))).to.deep.equal(['5 минут назад']);
    } finally {
      wrapper.remove();
    }
  });

  it('writes dates, clock times and lists the way the page\'s region does (en-GB: "10 November", 24-hour clock)', async () => {
    clock = sinon.useFakeTimers({ now: fixtureNow, toFake: ['Date'] });
    const tenDaysAgo = new Date(fixtureNow - 10 * 24 * 60 * 60_000);
    const feed = feedWithAges([10 * 24 * 60], { authors: [{ name: 'Ann' }, { name: 'Bob' }, { name: 'Cy' }] });
    const intl = (tag: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' }).format(tenDaysAgo);
    for (const tag of ['en-GB', 'en-US']) {
      const wrapper = await fixture<HTMLElement>(html`<div lang=${tag} time-zone="UTC">
        <recent-posts .feed=${feed}></recent-posts><featured-story .feed=${feed}></featured-story>
      </div>`);
      const posts = wrapper.querySelector('recent-posts')!;
      const story = wrapper.querySelector('featured-story')!;
      await settle(posts);
      await settle(story);
      expect(part(posts, 'heading')!.textContent).to.equal('Recent news');
      expect(texts(parts(posts, 'time')), tag).to.deep.equal([intl(tag, { day: 'numeric', month: 'long' })]);
      expect(parts(posts, 'time')[0]!.title, tag).to.equal(intl(tag, { dateStyle: 'full', timeStyle: 'short' }));
      expect(part(story, 'author')!.textContent, tag).to.equal(new Intl.ListFormat(tag, { type: 'conjunction' }).format(['Ann', 'Bob', 'Cy']));
    }
    expect(new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(tenDaysAgo), 'the regions differ').to.equal('10 November');

    // Saudi Arabia's calendar is the Hijri one, but the year a date shows or omits is the Gregorian
    // one: its dates stay Gregorian (in its digits), as for any other Arabic page.
    const saudi = await fixture<RecentPostsElement>(html`<recent-posts lang="ar-SA" time-zone="UTC" .feed=${feed}></recent-posts>`);
    await settle(saudi);
    expect(texts(parts(saudi, 'time'))).to.deep.equal([intl('ar-SA', { day: 'numeric', month: 'long', calendar: 'gregory' })]);
    expect(parts(saudi, 'time')[0]!.title).to.equal(intl('ar-SA', { dateStyle: 'full', timeStyle: 'short', calendar: 'gregory' }));
  });

  it('keeps the page\'s language on feed text that declares none when the page\'s language has no catalog (a Bashkir page)', async () => {
    // The words fall back to another locale; the stories are still in the page's language, and a
    // screen reader must not read Bashkir headlines with the voice of the widget's words.
    const wrapper = await fixture<HTMLElement>(html`<div lang="ba">
      <recent-posts .feed=${feedWithAges([5])}></recent-posts><featured-story .feed=${feedWithAges([5])}></featured-story>
    </div>`);
    const posts = wrapper.querySelector('recent-posts')!;
    const story = wrapper.querySelector('featured-story')!;
    await settle(posts);
    await settle(story);
    expect(part(posts, 'base')!.lang).to.not.equal('ba');
    for (const name of ['title', 'excerpt']) expect(part(posts, name)!.lang, name).to.equal('ba');
    for (const name of ['title', 'body']) expect(part(story, name)!.lang, name).to.equal('ba');
    wrapper.lang = 'cv';
    await settle(posts);
    expect(part(posts, 'title')!.lang).to.equal('cv');
    // A page in the widget's own language: nothing to mark.
    wrapper.lang = 'ru';
    await settle(posts);
    await settle(story);
    expect(part(posts, 'base')!.lang).to.equal('ru');
    expect(part(posts, 'title')!.hasAttribute('lang')).to.equal(false);
    expect(part(story, 'title')!.hasAttribute('lang')).to.equal(false);
  });

  it('speaks Russian in an old CMS template that prints lang="ru_RU" on the page', async () => {
    const pageLang = document.documentElement.lang;
    document.documentElement.lang = 'ru_RU';
    try {
      const element = await fixture<RecentPostsElement>(html`<recent-posts .feed=${feedWithAges([5])}></recent-posts>`);
      await settle(element);
      expect(part(element, 'heading')!.textContent).to.equal('Последние новости');
      expect(texts(parts(element, 'time'))).to.deep.equal(['5 минут назад']);
    } finally {
      document.documentElement.lang = pageLang;
    }
  });

  it('speaks English throughout, times included, when its locale\'s words cannot be loaded (no chunks/ beside the bundle)', async () => {
    // Turkish: no other test of this file loads it.
    const shipped = catalogParts.tr;
    const offline = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    catalogParts.tr = [offline, offline];
    const warn = sinon.stub(console, 'warn');
    try {
      const element = await fixture<RecentPostsElement>(html`<recent-posts lang="tr" .feed=${feedWithAges([5, 120])}></recent-posts>`);
      await settle(element);
      expect(part(element, 'heading')!.textContent).to.equal('Recent news');
      expect(texts(parts(element, 'time'))).to.deep.equal(['5 minutes ago', '2 hours ago']);
      expect(parts(element, 'time')[0]!.title).to.match(/^[\x20-\x7e\u202f]+$/);
      expect(part(element, 'base')!.lang).to.equal('en');
    } finally {
      warn.restore();
      if (shipped) catalogParts.tr = shipped;
    }
  });

  // Traditional Chinese pages (Taiwan, Hong Kong, Macau, or an explicit Hant script) get the
  // Traditional words; Intl already writes their times in Traditional characters, so the Simplified
  // catalog beside them would mix two scripts in one widget. Simplified pages keep Simplified words.
  const simplifiedOnly = /[载无闻务连络试错损坏读该请检查时这户网]/;
  const traditionalOnly = /[載無聞務連絡試錯損壞讀該請檢查時這戶網]/;
  const chinese: [lang: string, locale: string, title: string, detail: string, retry: string][] = [
    ['zh-TW', 'zh-Hant', '無法載入新聞。', '新聞摘要已損毀，無法讀取。', '重試'],
    ['zh-HK', 'zh-Hant', '無法載入新聞。', '新聞摘要已損毀，無法讀取。', '重試'],
    ['zh-Hant', 'zh-Hant', '無法載入新聞。', '新聞摘要已損毀，無法讀取。', '重試'],
    ['zh-CN', 'zh', '无法加载新闻。', '新闻源已损坏，无法读取。', '重试'],
    ['zh-Hans-TW', 'zh', '无法加载新闻。', '新闻源已损坏，无法读取。', '重试'],
  ];
  // Before the tests above load zh-Hant for their own pages, so that this widget must load it itself.
  it('fills what a page\'s own zh-MO messages lack with the Traditional words, loaded for it', async () => {
    expect(isCatalogLoaded('zh-Hant'), 'no test before this one loads zh-Hant').to.equal(false);
    registerMessages('zh-MO', { recentPostsHeading: '澳門新聞' });
    const warn = sinon.stub(console, 'warn');
    try {
      const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="zh-MO" src=${feedUrl('truncated.json')}></recent-posts>`);
      expect(part(element, 'base')!.lang).to.equal('zh-MO');
      expect(part(element, 'heading')!.textContent).to.equal('澳門新聞');
      expect(part(element, 'error-title')!.textContent).to.equal('無法載入新聞。');
      expect(part(element, 'error-detail')!.textContent).to.equal('新聞摘要已損毀，無法讀取。');
      expect(part(element, 'retry')!.textContent).to.equal('重試');
      expect(element.shadowRoot!.textContent).to.not.match(simplifiedOnly);
    } finally {
      warn.restore();
    }
  });

  for (const [lang, locale, title, detail, retry] of chinese) {
    it(`shows a feed error on a lang="${lang}" page in ${locale == 'zh' ? 'Simplified' : 'Traditional'} Chinese only`, async () => {
      const warn = sinon.stub(console, 'warn');
      try {
        const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang=${lang} src=${feedUrl('truncated.json')}></recent-posts>`);
        expect(part(element, 'base')!.lang).to.equal(locale);
        expect(part(element, 'error-title')!.textContent).to.equal(title);
        expect(part(element, 'error-detail')!.textContent).to.equal(detail);
        expect(part(element, 'retry')!.textContent).to.equal(retry);
        const shown = element.shadowRoot!.textContent!;
        expect(shown).to.not.match(locale == 'zh' ? traditionalOnly : simplifiedOnly);
      } finally {
        warn.restore();
      }
    });
  }

  it('writes the words and the times of a zh-TW widget in Traditional characters alike', async () => {
    clock = sinon.useFakeTimers({ now: fixtureNow, toFake: ['Date'] });
    const element = await fixture<RecentPostsElement>(html`<recent-posts lang="zh-TW" .feed=${feedWithAges([5, 180])}></recent-posts>`);
    await settle(element);
    expect(part(element, 'heading')!.textContent).to.equal('最新消息');
    expect(texts(parts(element, 'time'))).to.deep.equal(['5 分鐘前', '3 小時前']);
    expect(element.shadowRoot!.textContent).to.not.match(simplifiedOnly);
  });

  it('takes a heading or label of only spaces (a CMS field left blank) as empty: hidden, not a blank heading', async () => {
    const posts = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" heading="  " src=${feedUrl('english.json')}></recent-posts>`);
    expect(part(posts, 'heading')!.textContent).to.equal('Последние новости');
    expect(part(posts, 'heading')!.getBoundingClientRect().width).to.be.at.most(1);
    await expect(posts).to.be.accessible();
    const story = await loadedFixture<FeaturedStoryElement>(html`<featured-story lang="ru" label=" " src=${feedUrl('english.json')}></featured-story>`);
    expect(part(story, 'label')!.textContent).to.equal('Тема дня');
    expect(part(story, 'label')!.getBoundingClientRect().width).to.be.at.most(1);
  });

  it('takes messages a page registers, and re-renders the widgets already shown', async () => {
    const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="pt-BR" src=${feedUrl('english.json')}></recent-posts>`);
    expect(part(element, 'base')!.lang).to.not.equal('pt');
    const warn = sinon.stub(console, 'warn');
    try {
      registerMessages('pt', { recentPostsHeading: 'Últimas notícias', source: 'Fonte: {source}' });
      expect(warn.calledOnce, 'a new locale without every key is warned about').to.equal(true);
    } finally {
      warn.restore();
    }
    await settle(element);
    expect(part(element, 'base')!.lang).to.equal('pt');
    expect(part(element, 'heading')!.textContent).to.equal('Últimas notícias');

    const russian = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" src=${feedUrl('english.json')}></recent-posts>`);
    registerMessages('ru', { recentPostsHeading: 'Новости Тестовска' });
    await settle(russian);
    expect(part(russian, 'heading')!.textContent).to.equal('Новости Тестовска');
    registerMessages('ru', { recentPostsHeading: 'Последние новости' });
  });

  it('registers messages under the tags the widgets accept in `lang`: a POSIX locale (ru_RU), spaces around', async () => {
    const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru_RU" src=${feedUrl('english.json')}></recent-posts>`);
    expect(part(element, 'heading')!.textContent).to.equal('Последние новости');
    try {
      registerMessages('ru_RU', { recentPostsHeading: 'Новости района' });
      await settle(element);
      expect(part(element, 'heading')!.textContent).to.equal('Новости района');
      registerMessages(' ru-RU ', { recentPostsHeading: 'Новости округа' });
      await settle(element);
      expect(part(element, 'heading')!.textContent).to.equal('Новости округа');
    } finally {
      registerMessages('ru-RU', { recentPostsHeading: 'Последние новости' });
    }
    expect(() => registerMessages('ru russian', {}), 'what is no tag at all still throws').to.throw(RangeError);
  });
});
