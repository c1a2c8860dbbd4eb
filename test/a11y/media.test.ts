/**
 * Colour schemes and media features: `theme="auto"` follows `prefers-color-scheme`, forced colours
 * (Windows high contrast) keep the skeleton's bars and the image frames edged and links in
 * LinkText, print leaves out the skeleton and buttons and prints each story's address after its
 * title, and `prefers-reduced-motion: reduce` stops the skeleton's shimmer.
 *
 * Where the engines differ: emulating media needs CDP. `emulateMedia` (@web/test-runner-commands)
 * works with puppeteer's Chromium; puppeteer's Firefox session is WebDriver BiDi ("CDP support is
 * required") and the WebKit launcher is WebDriver classic ("not supported for browser type
 * webdriver"), and neither protocol can set media features there. So the emulated halves run in
 * Chromium only, and the checks that need no emulation (auto and the shimmer follow whatever the
 * engine's own preference is) run in every engine. Forced colours go through a CDP command of our
 * own (test/server/media-features.mjs), since puppeteer refuses the `forced-colors` feature.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import sinon from 'sinon';
import '../../src/define.js';
import { feedUrl, loadedFixture, part, parts } from '../helpers.js';
import { engine, heldFeed, nextFrame } from './a11y-helpers.js';

const canEmulate = engine === 'chromium';
const palettes = { light: 'rgb(255, 255, 255)', dark: 'rgb(13, 17, 23)' };

/** Renders a widget behind a held request and returns it in its loading state; `release` ends it. */
async function loading<T extends HTMLElement>(template: (src: string) => TemplateResult, selector: string) {
  const feed = heldFeed('layout.ru.json');
  const page = await fixture<HTMLElement>(html`<div style="inline-size:600px">${template(feed.url)}</div>`);
  const element = page.querySelector<T>(selector)!;
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  await nextFrame();
  expect(part(element, 'skeleton'), 'the skeleton').to.exist;
  return { element, release: feed.release };
}

/** What the engine resolves a system colour keyword to, on an element of the light DOM. */
async function systemColor(keyword: string): Promise<string> {
  const probe = await fixture<HTMLElement>(html`<span style="color:${keyword}">.</span>`);
  return getComputedStyle(probe).color;
}

describe('schemes and media features', () => {
  afterEach(async () => {
    if (canEmulate) {
      await emulateMedia({ media: 'screen', colorScheme: '' as 'light', reducedMotion: '' as 'reduce' });
      await executeServerCommand('emulate-media-features', []);
    }
  });

  describe('theme="auto" follows prefers-color-scheme', () => {
    const auto = () => loadedFixture<HTMLElement>(html`<recent-posts theme="auto" lang="ru" limit="2" src=${feedUrl('layout.ru.json')}></recent-posts>`);

    it('in every engine: the palette of the preference the engine has', async () => {
      const element = await auto();
      const dark = matchMedia('(prefers-color-scheme: dark)').matches;
      expect(getComputedStyle(element).backgroundColor).to.equal(palettes[dark ? 'dark' : 'light']);
      expect(getComputedStyle(element).colorScheme).to.equal(dark ? 'dark' : 'light');
    });

    it('Chromium, emulated: dark when the visitor prefers dark, light when light, and it switches live', async function () {
      if (!canEmulate) this.skip();
      const element = await auto();
      await emulateMedia({ colorScheme: 'dark' });
      expect(getComputedStyle(element).backgroundColor).to.equal(palettes.dark);
      expect(getComputedStyle(part(element, 'link')!).color).to.equal('rgb(121, 184, 255)');
      await emulateMedia({ colorScheme: 'light' });
      expect(getComputedStyle(element).backgroundColor).to.equal(palettes.light);
      expect(getComputedStyle(part(element, 'link')!).color).to.equal('rgb(10, 88, 202)');
      // An explicit theme does not follow the preference.
      element.setAttribute('theme', 'dark');
      await emulateMedia({ colorScheme: 'light' });
      expect(getComputedStyle(element).backgroundColor).to.equal(palettes.dark);
    });
  });

  describe('forced colors (Chromium, emulated over CDP)', () => {
    beforeEach(function () {
      if (!canEmulate) this.skip();
    });
    const activate = () => executeServerCommand('emulate-media-features', [{ name: 'forced-colors', value: 'active' }]);

    it('skeleton bars and image frames keep a visible edge, links are LinkText', async () => {
      await activate();
      expect(matchMedia('(forced-colors: active)').matches, 'forced colours are on').to.equal(true);
      const grayText = await systemColor('GrayText');
      const canvas = await systemColor('Canvas');
      expect(grayText).to.not.equal(canvas);
      const edged = (element: Element, what: string) => {
        const style = getComputedStyle(element);
        expect(style.borderTopStyle, `${what}: border style`).to.equal('solid');
        expect(parseFloat(style.borderTopWidth), `${what}: border width`).to.be.at.least(1);
        expect(style.borderTopColor, `${what}: border colour`).to.equal(grayText);
      };

      for (const layout of ['list', 'cards']) {
        const { element, release } = await loading((src) => html`<recent-posts theme="light" lang="ru" layout=${layout} limit="2" src=${src}></recent-posts>`, 'recent-posts');
        try {
          const skeleton = part(element, 'skeleton')!;
          for (const bar of skeleton.querySelectorAll('.bar')) edged(bar, `${layout} skeleton bar`);
          if (layout === 'cards') edged(skeleton.querySelector('.image-frame')!, 'skeleton image frame');
        } finally {
          await release();
        }
      }
      const story = await loading((src) => html`<featured-story theme="dark" lang="ru" src=${src}></featured-story>`, 'featured-story');
      story.element.shadowRoot!.querySelectorAll('[part~="skeleton"] .bar').forEach((bar) => edged(bar, 'featured skeleton bar'));
      await story.release();

      const cards = await loadedFixture<HTMLElement>(html`<div style="inline-size:600px">
          <recent-posts theme="dark" lang="ru" layout="cards" limit="4" src=${feedUrl('layout.ru.json')}></recent-posts>
        </div>`, 'recent-posts');
      const frames = [...cards.shadowRoot!.querySelectorAll('[part~="item"] .image-frame')];
      expect(frames).to.have.length(4); // three with an image, one empty box
      frames.forEach((frame) => edged(frame, 'card image frame'));

      const linkText = await systemColor('LinkText');
      const featured = await loadedFixture<HTMLElement>(html`<featured-story theme="light" lang="ru" src=${feedUrl('municipal.ru.json')}></featured-story>`);
      edged(featured.shadowRoot!.querySelector('.image-frame')!, 'featured image frame');
      for (const link of [...parts(cards, 'link'), ...parts(featured, 'link')]) {
        expect(getComputedStyle(link).color, `"${link.textContent}" is LinkText`).to.equal(linkText);
      }
    });

    it('without forced colors, links keep the theme\'s colour (the check above is not vacuous)', async () => {
      const element = await loadedFixture<HTMLElement>(html`<recent-posts theme="light" lang="ru" limit="1" src=${feedUrl('layout.ru.json')}></recent-posts>`);
      expect(getComputedStyle(part(element, 'link')!).color).to.not.equal(await systemColor('LinkText'));
    });
  });

  describe('print (Chromium, emulated)', () => {
    beforeEach(function () {
      if (!canEmulate) this.skip();
    });

    it('no skeleton while loading', async () => {
      const { element, release } = await loading((src) => html`<recent-posts lang="ru" limit="2" src=${src}></recent-posts>`, 'recent-posts');
      try {
        expect(getComputedStyle(part(element, 'skeleton')!).display).to.not.equal('none');
        await emulateMedia({ media: 'print' });
        expect(getComputedStyle(part(element, 'skeleton')!).display).to.equal('none');
      } finally {
        await release();
      }
    });

    it('no buttons (load more, retry), and each title followed by its address', async () => {
      const warn = sinon.stub(console, 'warn');
      let failed: HTMLElement;
      try {
        failed = await loadedFixture<HTMLElement>(html`<featured-story lang="ru" src="/test-api/status/500"></featured-story>`);
      } finally {
        warn.restore();
      }
      const list = await loadedFixture<HTMLElement>(html`<recent-posts lang="ru" limit="2" load-more src=${feedUrl('layout.ru.json')}></recent-posts>`);
      const story = await loadedFixture<HTMLElement>(html`<featured-story lang="ru" src=${feedUrl('municipal.ru.json')}></featured-story>`);
      const links = [...parts(list, 'link'), part(story, 'link')!];
      expect(getComputedStyle(links[0]!, '::after').content, 'on screen: nothing after titles').to.be.oneOf(['none', 'normal']);

      await emulateMedia({ media: 'print' });
      expect(getComputedStyle(part(list, 'load-more')!).display).to.equal('none');
      expect(getComputedStyle(part(failed, 'retry')!).display).to.equal('none');
      for (const link of links) {
        const href = link.getAttribute('href')!;
        expect(getComputedStyle(link, '::after').content, `after "${link.textContent}"`).to.equal(`" (${href})"`);
      }
    });

    it('a long list prints every post, the ones out of view too (no content-visibility: auto)', async () => {
      const items = Array.from({ length: 30 }, (_, index) => ({ id: `${index}`, url: `https://example.org/${index}`, title: `Новость ${index}`, date_published: '2026-11-20T09:00:00Z' }));
      const list = await loadedFixture<HTMLElement>(html`<recent-posts lang="ru" limit="30" .feed=${{ version: 'https://jsonfeed.org/version/1.1', items }}></recent-posts>`);
      const posts = parts(list, 'item');
      expect(posts).to.have.length(30);
      if (CSS.supports('content-visibility', 'auto')) expect(getComputedStyle(posts[29]!).contentVisibility, 'on screen').to.equal('auto');
      await emulateMedia({ media: 'print' });
      expect(posts.map((post) => getComputedStyle(post).contentVisibility ?? 'visible')).to.deep.equal(posts.map(() => 'visible'));
    });
  });

  describe('prefers-reduced-motion', () => {
    const shimmer = async () => {
      const { element, release } = await loading((src) => html`<recent-posts theme="light" lang="ru" limit="2" src=${src}></recent-posts>`, 'recent-posts');
      const names = [...part(element, 'skeleton')!.querySelectorAll('.bar')].map((bar) => getComputedStyle(bar).animationName);
      await release();
      expect(names.length).to.be.greaterThan(0);
      return [...new Set(names)];
    };

    it('in every engine: the shimmer runs unless the engine prefers reduced motion', async () => {
      const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
      expect(await shimmer()).to.deep.equal([reduce ? 'none' : 'news-shimmer']);
    });

    it('Chromium, emulated: reduce stops the shimmer, no preference runs it', async function () {
      if (!canEmulate) this.skip();
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(await shimmer()).to.deep.equal(['none']);
      await emulateMedia({ reducedMotion: 'no-preference' });
      expect(await shimmer()).to.deep.equal(['news-shimmer']);
    });
  });
});
