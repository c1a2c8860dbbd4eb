import { expect, oneEvent } from '@open-wc/testing';
import { until } from './helpers.js';
import { compiledCatalogs } from '../src/i18n/compiled/index.js';
import { formatMessage, loadCatalog } from '../src/i18n/messages.js';

/**
 * The demo page as `npm start` serves it (the test server fills in the sample feed's dates the same
 * way), with the built bundle: the story of the day and recent posts in Russian, then in the other
 * languages of its switch, which offers every locale the widgets ship.
 */
describe('the demo page', () => {
  let frame: HTMLIFrameElement;
  const errors: string[] = [];

  afterEach(() => frame?.remove());
  // Each test is a first visit: no copy of the feeds stored by the widgets on an earlier one.
  beforeEach(() => localStorage.clear());

  async function open(url: string, [width, height] = [1280, 900]) {
    frame = document.createElement('iframe');
    frame.style.width = `${width}px`;
    frame.style.height = `${height}px`;
    frame.src = url;
    const loaded = oneEvent(frame, 'load');
    document.body.append(frame);
    await loaded;
    frame.contentWindow!.addEventListener('error', (event) => errors.push(event.message));
    return frame.contentDocument!;
  }

  const shadowText = (document: Document, selector: string, part: string) =>
    [...(document.querySelector(selector)?.shadowRoot?.querySelectorAll(`[part~="${part}"]`) ?? [])].map((node) =>
      node.textContent!.replace(/[ \t\n\r]+/g, ' ').trim(),
    );

  it('shows the story of the day and six recent posts in Russian, with live relative times', async () => {
    const page = await open('/demo/index.html');
    const times = await until(() => {
      const found = shadowText(page, 'recent-posts', 'time');
      return found.length === 6 && found;
    }, 'six recent posts');
    expect(times).to.include('9 часов назад');
    expect(times).to.include('22 часа назад');
    expect(times.join(' ')).to.not.match(/ago|hours/);
    // The story's own code arrives after the list's (the CDN entry fetches it when it sees the story).
    const label = await until(() => {
      const found = shadowText(page, 'featured-story', 'label');
      return found.length > 0 && found;
    }, "the story of the day's label");
    expect(label).to.deep.equal(['Тема дня']);
    // The story's HTML body waits for the sanitizer, fetched once the feed says it is needed.
    const body = await until(() => shadowText(page, 'featured-story', 'body')[0], 'the story of the day');
    expect(body).to.contain('3\u00a0450');
    expect(shadowText(page, 'recent-posts', 'heading')).to.deep.equal(['Последние новости']);
    expect(errors).to.deep.equal([]);
  });

  // Before the widgets render (their script and words are still on the way) the page is painted:
  // on a phone its footer is in view then. The room reserved for them must be there from that paint.
  for (const [width, height] of [[412, 823], [1280, 1024]]) {
    it(`does not move while the widgets load, at ${width}×${height}`, async () => {
      const page = await open('/demo/index.html', [width, height]);
      await until(() => shadowText(page, 'featured-story', 'body')[0] && shadowText(page, 'recent-posts', 'time').length === 6, 'both widgets');
      await new Promise((resolve) => setTimeout(resolve, 200)); // the story's image and the frames after it
      const view = page.defaultView! as Window & typeof globalThis;
      const shifts = await new Promise<string[]>((resolve) => {
        new view.PerformanceObserver((list) =>
          resolve(list.getEntries().map((entry) => {
            const shift = entry as PerformanceEntry & { value: number; sources: { node?: Node }[] };
            return `${shift.value.toFixed(4)}: ${shift.sources.map((source) => (source.node as Element | undefined)?.className).join(', ')}`;
          })),
        ).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve([]), 500); // no entry at all: nothing moved
      });
      expect(shifts).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
    });
  }

  /** Chooses a language in the page's switch as a user does: focus, pick an option, input, change. */
  function choose(page: Document, lang: string) {
    const select = page.querySelector<HTMLSelectElement>('.lang-switch select')!;
    const view = page.defaultView!;
    select.focus();
    select.value = lang;
    select.dispatchEvent(new view.Event('input', { bubbles: true }));
    select.dispatchEvent(new view.Event('change', { bubbles: true }));
  }

  /** The feeds the page has fetched, by file name, one entry per request. */
  const feedRequests = (page: Document) =>
    page
      .defaultView!.performance.getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/demo/feeds/'))
      .map((path) => path.slice('/demo/feeds/'.length))
      .sort();

  /** The closest element at or above each widget's host that has `attribute`, besides <html>. */
  const attributeAboveWidgets = (page: Document, attribute: string) =>
    [...page.querySelectorAll('featured-story, recent-posts')]
      .map((widget) => widget.closest(`[${attribute}]`))
      .filter((el) => el && el !== page.documentElement);

  it('offers every shipped locale in its switch, each named in its own language', async () => {
    const page = await open('/demo/index.html');
    const select = page.querySelector<HTMLSelectElement>('.lang-switch select')!;
    expect(select.labels![0]!.textContent).to.equal('Язык / Language');
    const options = [...select.options].map((option) => [option.value, option.lang, option.textContent]);
    expect(options).to.deep.equal([
      ['ru', 'ru', 'Русский'],
      ['en', 'en', 'English'],
      ['uk', 'uk', 'Українська'],
      ['be', 'be', 'Беларуская'],
      ['kk', 'kk', 'Қазақ тілі'],
      ['tt', 'tt', 'Татарча'],
      ['de', 'de', 'Deutsch'],
      ['fr', 'fr', 'Français'],
      ['es', 'es', 'Español'],
      ['it', 'it', 'Italiano'],
      ['pl', 'pl', 'Polski'],
      ['tr', 'tr', 'Türkçe'],
      ['zh', 'zh', '简体中文'],
      ['zh-Hant', 'zh-Hant', '繁體中文'],
      ['ja', 'ja', '日本語'],
      ['ar', 'ar', 'العربية'],
      ['he', 'he', 'עברית'],
    ]);
    expect(options.map(([value]) => value).sort()).to.deep.equal(Object.keys(compiledCatalogs).sort());
    expect(select.value).to.equal('ru');
  });

  it('switches to English with its language switch', async () => {
    const page = await open('/demo/index.html');
    await until(() => shadowText(page, 'recent-posts', 'time').length === 6, 'the Russian page');
    choose(page, 'en');
    const times = await until(() => {
      const found = shadowText(page, 'recent-posts', 'time');
      return found.includes('9 hours ago') && found;
    }, 'English times');
    // The story of the day re-renders on its own schedule (its feed and sanitizer arrive separately).
    await until(() => /[a-z]/.test(shadowText(page, 'featured-story', 'title')[0] ?? ''), 'the English story of the day');
    expect(page.documentElement.lang).to.equal('en');
    expect(new URL(page.location.href).searchParams.get('lang')).to.equal('en');
    expect(times).to.include('22 hours ago');
    expect(shadowText(page, 'recent-posts', 'heading')).to.deep.equal(['Recent news']);
    expect(shadowText(page, 'featured-story', 'label')).to.deep.equal(['Story of the day']);
    expect(shadowText(page, 'featured-story', 'title')[0]).to.match(/[a-z]/);
    expect(page.querySelector('.page__title')!.textContent).to.equal('News');
    expect(page.querySelector('.page__title')!.hasAttribute('lang')).to.equal(false); // the page is English
    expect(errors).to.deep.equal([]);
  });

  it('switches to Kazakh: Kazakh widgets, the English feed, and the page around them marked English', async () => {
    const page = await open('/demo/index.html');
    await until(() => shadowText(page, 'recent-posts', 'time').length === 6, 'the Russian page');
    choose(page, 'kk');
    const times = await until(() => {
      const found = shadowText(page, 'recent-posts', 'time');
      return found.length === 6 && found.every((time) => time.includes('сағат бұрын')) && found;
    }, 'Kazakh times');
    expect(page.documentElement.lang).to.equal('kk');
    expect(new URL(page.location.href).searchParams.get('lang')).to.equal('kk');
    expect(page.activeElement).to.equal(page.querySelector('.lang-switch select')); // focus stays on the switch
    expect(times).to.include('9 сағат бұрын');
    const heading = shadowText(page, 'recent-posts', 'heading');
    const label = shadowText(page, 'featured-story', 'label');
    expect(heading).to.deep.equal(['Соңғы жаңалықтар']);
    expect(label).to.deep.equal(['Күн тақырыбы']);
    expect([...heading, ...label, ...times].join(' ')).to.not.match(/[a-z]/i);
    // The feed is the English one (the demo has Russian and English texts only), fetched once.
    await until(() => /[a-z]/i.test(shadowText(page, 'featured-story', 'title')[0] ?? ''), 'the English feed');
    expect(feedRequests(page)).to.deep.equal(['news.en.json', 'news.ru.json']);
    // The page's own text is English, and says so element by element, never around the widgets.
    expect(page.querySelector('.page__title')!.textContent).to.equal('News');
    for (const el of page.querySelectorAll('[data-i18n], [data-i18n-aria-label]')) expect(el.getAttribute('lang')).to.equal('en');
    expect(attributeAboveWidgets(page, 'lang')).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });

  it('opens in Arabic from ?lang=ar: right-to-left widgets inside a left-to-right English page', async () => {
    await loadCatalog('ar');
    const arabicHeading = formatMessage('ar', 'recentPostsHeading'); // from src/i18n/locales/ar.json
    expect(arabicHeading).to.match(/^[\u0600-\u06ff ]+$/);
    const page = await open('/demo/index.html?lang=ar');
    await until(() => shadowText(page, 'recent-posts', 'time').length === 6, 'six recent posts');
    expect(page.documentElement.lang).to.equal('ar');
    expect(page.querySelector<HTMLSelectElement>('.lang-switch select')!.value).to.equal('ar');
    expect(shadowText(page, 'recent-posts', 'heading')).to.deep.equal([arabicHeading]);
    for (const widget of page.querySelectorAll('featured-story, recent-posts')) {
      expect(widget.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
    }
    // No `dir` on the page: the widgets set their own, the English page stays left to right.
    expect(page.documentElement.hasAttribute('dir')).to.equal(false);
    expect(attributeAboveWidgets(page, 'dir')).to.deep.equal([]);
    expect(attributeAboveWidgets(page, 'lang')).to.deep.equal([]);
    expect(page.defaultView!.getComputedStyle(page.querySelector('.page__title')!).direction).to.equal('ltr');
    expect(page.querySelector('.page__title')!.getAttribute('lang')).to.equal('en');
    expect(feedRequests(page)).to.deep.equal(['news.en.json']); // only the feed it shows, once
    expect(errors).to.deep.equal([]);
  });

  it('opens in Traditional Chinese from ?lang=zh-TW, as the widgets read that tag', async () => {
    const page = await open('/demo/index.html?lang=zh-TW');
    const times = await until(() => {
      const found = shadowText(page, 'recent-posts', 'time');
      return found.length === 6 && found;
    }, 'six recent posts');
    expect(page.documentElement.lang).to.equal('zh-Hant');
    expect(page.querySelector<HTMLSelectElement>('.lang-switch select')!.value).to.equal('zh-Hant');
    expect(shadowText(page, 'recent-posts', 'heading')).to.deep.equal(['最新消息']);
    expect(shadowText(page, 'featured-story', 'label')).to.deep.equal(['今日焦點']);
    expect(times).to.include('9 小時前');
    expect(errors).to.deep.equal([]);
  });
});
