/**
 * Keyboard-only use, with real key presses: `sendKeys` from @web/test-runner-commands drives
 * puppeteer's keyboard in Chromium (CDP) and Firefox (WebDriver BiDi), and WebDriver actions in
 * WebKit, so Tab, Enter and Space go through each engine's own focus navigation and activation
 * behaviour, not through `focus()` and `click()`. Runs in all three engines.
 *
 * Tab order, visible focus (a 2px solid ring of 3:1 against the background), the retry button of
 * the error state (Enter and Space load the feed again) and "load more" (focus moves to the first
 * new post).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define.js';
import type { FeaturedStoryElement, RecentPostsElement } from '../../src/index.js';
import { feedUrl, loadedFixture, part, parts } from '../helpers.js';
import { contrastRatio, parseColor, requestCount, uniqueName, until } from './a11y-helpers.js';

/** The focused element, looking into shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const describeElement = (element: Element | null) =>
  element ? `<${element.localName}${element.getAttribute('part') ? ` part="${element.getAttribute('part')}"` : ''}> "${element.textContent!.trim().slice(0, 40)}"` : 'nothing';

/** Presses Tab `count` times from `start` and returns what each press focused. */
async function tabFrom(start: HTMLElement, count: number): Promise<(Element | null)[]> {
  start.focus();
  const visited: (Element | null)[] = [];
  for (let i = 0; i < count; i++) {
    await sendKeys({ press: 'Tab' });
    visited.push(deepActiveElement());
  }
  return visited;
}

/** A story whose body holds two links, for featured-story's order. */
const storyWithLinks = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Администрация города Тестовска',
  items: [
    {
      id: 'links',
      url: 'https://city.example/news/links',
      title: 'Мост открыт для движения',
      content_html: '<p>Схема объезда — на <a href="https://city.example/map">карте</a>, расписание — в <a href="https://city.example/bus">разделе транспорта</a>.</p>',
      date_published: new Date(Date.now() - 3 * 3600_000).toISOString(),
    },
  ],
};

describe('keyboard', () => {
  let warn: sinon.SinonStub;
  beforeEach(() => {
    warn = sinon.stub(console, 'warn'); // the error states warn by design
  });
  afterEach(() => {
    warn.restore();
    // Focus must not carry into the next test.
    (deepActiveElement() as HTMLElement | null)?.blur();
  });

  it('<recent-posts>: heading link, each title in order, load more, footer, then the page again', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <a id="before" href="#before">До виджета</a>
      <recent-posts lang="ru" limit="3" load-more src=${feedUrl('layout.ru.json')}>
        <h2 slot="heading"><a href="/news/">Новости района</a></h2>
        <a slot="footer" href="/news/all">Все новости</a>
      </recent-posts>
      <a id="after" href="#after">После виджета</a>
    </div>`);
    const element = page.querySelector<RecentPostsElement>('recent-posts')!;
    await until(() => parts(element, 'link').length === 3, 'the posts');
    const links = parts(element, 'link');
    const expected = [
      element.querySelector('[slot="heading"] a'),
      ...links,
      part(element, 'load-more'),
      element.querySelector('[slot="footer"]'),
      page.querySelector('#after'),
    ];
    const visited = await tabFrom(page.querySelector('#before')!, expected.length);
    expect(visited.map(describeElement)).to.deep.equal(expected.map(describeElement));
  });

  it('<featured-story>: title, the links in the body, footer', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <a id="before" href="#before">До виджета</a>
      <featured-story lang="ru" .feed=${storyWithLinks}><a slot="footer" href="/news/">Все новости</a></featured-story>
      <a id="after" href="#after">После виджета</a>
    </div>`);
    const element = page.querySelector<FeaturedStoryElement>('featured-story')!;
    await element.updateComplete;
    const bodyLinks = [...part(element, 'body')!.querySelectorAll('a')];
    expect(bodyLinks).to.have.length(2);
    const expected = [part(element, 'link'), ...bodyLinks, element.querySelector('[slot="footer"]'), page.querySelector('#after')];
    const visited = await tabFrom(page.querySelector('#before')!, expected.length);
    expect(visited.map(describeElement)).to.deep.equal(expected.map(describeElement));
  });

  it('<featured-story>: the focus ring of a link at the body\'s edge is whole, not cut by the body\'s clip', async () => {
    const story = { ...storyWithLinks, items: [{ ...storyWithLinks.items[0], content_html: '<p><a href="https://city.example/map">Карта объезда</a> и расписание.</p>' }] };
    const page = await fixture<HTMLElement>(html`<div>
      <a id="before" href="#before">До виджета</a>
      <featured-story lang="ru" .feed=${story}></featured-story>
    </div>`);
    const element = page.querySelector<FeaturedStoryElement>('featured-story')!;
    await element.updateComplete;
    const body = part(element, 'body')!;
    const link = body.querySelector('a')!;
    await tabFrom(page.querySelector('#before')!, 2);
    expect(deepActiveElement(), 'Tab reached the body\'s link').to.equal(link);
    const style = getComputedStyle(link);
    expect(style.outlineStyle).to.equal('solid');
    const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
    const ring = link.getBoundingClientRect();
    const clip = body.getBoundingClientRect();
    expect(getComputedStyle(body).overflowX, 'the body clips (it can be clamped)').to.not.equal('visible');
    expect(ring.left - reach, 'the ring\'s start edge').to.be.at.least(clip.left - 0.5);
    expect(ring.top - reach, 'the ring\'s top edge').to.be.at.least(clip.top - 0.5);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`theme="${scheme}": the focused link and button show a 2px solid ring of 3:1 against the background`, async () => {
      const page = await fixture<HTMLElement>(html`<div>
        <a id="before" href="#before">До виджета</a>
        <recent-posts theme=${scheme} lang="ru" limit="1" load-more src=${feedUrl('layout.ru.json')}></recent-posts>
      </div>`);
      const element = page.querySelector<RecentPostsElement>('recent-posts')!;
      await until(() => Boolean(part(element, 'load-more')), 'the posts');
      const background = parseColor(getComputedStyle(element).backgroundColor);
      page.querySelector<HTMLElement>('#before')!.focus();
      for (const target of [part(element, 'link')!, part(element, 'load-more')!]) {
        await sendKeys({ press: 'Tab' });
        const focused = deepActiveElement()!;
        expect(focused, 'Tab reached it').to.equal(target);
        expect(focused.matches(':focus-visible'), `${describeElement(focused)} matches :focus-visible`).to.equal(true);
        const style = getComputedStyle(focused);
        expect(style.outlineStyle).to.equal('solid');
        expect(style.outlineWidth).to.equal('2px');
        expect(contrastRatio(parseColor(style.outlineColor), background), 'ring against the background').to.be.at.least(3);
      }
    });
  }

  /** A link to Tab from, then `tag` showing the error state of `src` (whose first request fails). */
  async function inErrorStateAfterLink(tag: 'recent-posts' | 'featured-story', src: string) {
    const page = await fixture<HTMLElement>(html`<div>
      <a id="before" href="#before">Before</a>
      ${tag === 'recent-posts' ? html`<recent-posts lang="en" src=${src}></recent-posts>` : html`<featured-story lang="en" src=${src}></featured-story>`}
    </div>`);
    const element = page.querySelector(tag)!;
    await until(() => Boolean(part(element, 'retry')), 'the error state');
    return { page, element };
  }

  // Space as the character: puppeteer's BiDi keyboard (Firefox) knows no key named "Space".
  for (const [keyName, key] of [['Enter', 'Enter'], ['Space', ' ']] as const) {
    for (const tag of ['recent-posts', 'featured-story'] as const) {
      it(`<${tag}> error state: Tab reaches the retry button, and ${keyName} loads the feed again`, async () => {
        const name = uniqueName(`retry-${keyName}`);
        const src = `/test-api/sequence/${name}?bodies=feeds/english.json&fail=1`;
        const { page, element } = await inErrorStateAfterLink(tag, src);
        expect(await requestCount(name)).to.equal(1);
        const [focused] = await tabFrom(page.querySelector('#before')!, 1);
        expect(focused, 'the retry button has focus').to.equal(part(element, 'retry'));
        await sendKeys({ press: key });
        await until(async () => parts(element, 'link').length > 0, 'the reloaded feed');
        expect(await requestCount(name), 'a second request').to.equal(2);
        expect(part(element, 'error')).to.equal(null);
      });
    }
  }

  for (const tag of ['recent-posts', 'featured-story'] as const) {
    it(`<${tag}>: focus stays in the widget after retry by key, on the new retry button when it fails again, then on the first story's link`, async () => {
      const name = uniqueName('retry-focus');
      const src = `/test-api/sequence/${name}?bodies=feeds/english.json&fail=1,2`;
      const { page, element } = await inErrorStateAfterLink(tag, src);
      const [first] = await tabFrom(page.querySelector('#before')!, 1);
      expect(first, 'the retry button has focus').to.equal(part(element, 'retry'));
      await sendKeys({ press: 'Enter' });
      await until(async () => (await requestCount(name)) == 2 && part(element, 'retry') !== first, 'the second failure');
      await until(() => deepActiveElement() === part(element, 'retry'), `focus on the new retry button, not ${describeElement(deepActiveElement())}`);
      await sendKeys({ press: 'Enter' });
      await until(() => parts(element, 'link').length > 0, 'the reloaded feed');
      await until(() => deepActiveElement() === parts(element, 'link')[0], `focus on the first story's link, not ${describeElement(deepActiveElement())}`);
      expect(deepActiveElement()!.matches(':focus-visible'), 'and shows it').to.equal(true);
    });
  }

  for (const tag of ['recent-posts', 'featured-story'] as const) {
    for (const [what, body, target] of [
      ['stories without links', 'tagged.json', 'title'],
      ['no stories', 'empty.json', 'empty'],
    ] as const) {
      it(`<${tag}>: focus stays in the widget after retry by key when the feed has ${what} (on the ${target} part)`, async () => {
        const name = uniqueName('retry-focus-no-link');
        const { page, element } = await inErrorStateAfterLink(tag, `/test-api/sequence/${name}?bodies=feeds/${body}&fail=1`);
        await tabFrom(page.querySelector('#before')!, 1);
        expect(deepActiveElement(), 'the retry button has focus').to.equal(part(element, 'retry'));
        await sendKeys({ press: 'Enter' });
        await until(() => Boolean(part(element, target)), `the ${target} part`);
        await until(() => deepActiveElement() === part(element, target), `focus on the ${target} part, not ${describeElement(deepActiveElement())}`);
      });
    }
  }

  it('"load more" from the keyboard moves focus to the first new post', async () => {
    const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="ru" limit="2" load-more src=${feedUrl('page-1.json')}></recent-posts>`);
    const button = part(element, 'load-more')!;
    const before = parts(element, 'link');
    expect(before).to.have.length(2);
    // Reach the button by keyboard: from the last title link, one Tab.
    before[1]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(button);
    await sendKeys({ press: 'Enter' });
    await until(() => parts(element, 'link').length >= 3, 'the next posts');
    await element.updateComplete;
    const links = parts(element, 'link');
    await until(() => deepActiveElement() === links[2], `focus on ${describeElement(links[2]!)}, not ${describeElement(deepActiveElement())}`);
    expect(links[2]!.matches(':focus-visible'), 'and shows it').to.equal(true);
  });

  it('"load more" keeps focus in the widget when the last page brings only posts already shown', async () => {
    // Page 2 repeats page 1 and has no next page: nothing new to show, and the button goes away.
    const src = '/test-api/paged/1?pages=feeds/english.json,feeds/english.json';
    const element = await loadedFixture<RecentPostsElement>(html`<recent-posts lang="en" limit="5" load-more src=${src}></recent-posts>`);
    const links = parts(element, 'link');
    expect(links).to.have.length(2);
    links[1]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(part(element, 'load-more'));
    await sendKeys({ press: 'Enter' });
    await until(() => !part(element, 'load-more'), 'the last page');
    await element.updateComplete;
    const last = parts(element, 'link').at(-1)!;
    await until(() => deepActiveElement() === last, `focus on ${describeElement(last)}, not ${describeElement(deepActiveElement())}`);
  });

  it('"load more" moves focus to the first new post\'s title when it has no link, at any heading-level', async () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      items: ['Первая', 'Вторая', 'Третья'].map((title, index) => ({ id: `${index}`, title, date_published: new Date(Date.now() - index * 60_000).toISOString() })),
    };
    const element = await fixture<RecentPostsElement>(html`<recent-posts lang="ru" heading-level="3" limit="1" load-more .feed=${feed}></recent-posts>`);
    await element.updateComplete;
    part(element, 'load-more')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => parts(element, 'title').length === 2, 'the second post');
    const title = parts(element, 'title')[1]!;
    expect(title.localName, 'the posts are one level below the widget\'s heading').to.equal('h4');
    await until(() => deepActiveElement() === title, `focus on ${describeElement(title)}, not ${describeElement(deepActiveElement())}`);
  });
});
