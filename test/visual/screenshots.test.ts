/**
 * Visual regression: each layout of <recent-posts> and <featured-story>, in the light and dark
 * themes, in Russian (left to right) and Arabic (right to left), compared with the baselines in
 * test/screenshots/ (@web/test-runner-visual-regression, configured in web-test-runner.config.mjs).
 * `npm run test:update-screenshots` rewrites the baselines after an intended change.
 *
 * Chromium only: baselines are per engine, and one engine is enough to see a style change before
 * it ships (the other engines' rendering is covered by the behaviour tests).
 *
 * Deterministic on any machine: the font is DejaVu Sans loaded from test/fixtures/fonts/ (not
 * whatever the system has), widths and the viewport are fixed, `Date` is frozen at the fixture
 * feeds' moment so relative times read the same, images are decoded before the shot, and reduced
 * motion is emulated so nothing animates.
 */
import { html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import * as visualRegression from '@web/test-runner-visual-regression';
import type { TemplateResult } from 'lit';
import sinon from 'sinon';
import '../../src/define.js';
import { feedUrl, fixtureNow, loadedFixture } from '../helpers.js';
import { engine, nextFrame, pageBackground } from '../a11y/a11y-helpers.js';

// The package's type entry re-exports `./browser/commands.mjs`, whose declarations are named
// `commands.d.ts`, so TypeScript finds no `visualDiff` there: typed here from that file.
const { visualDiff } = visualRegression as unknown as { visualDiff(element: Node, name: string): Promise<void> };

const fontFamily = 'News Test Sans';

/** DejaVu Sans from the repository, under a name no system font has. */
async function loadTestFont() {
  const style = document.createElement('style');
  style.textContent = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']
    .map((file, index) => `@font-face { font-family: '${fontFamily}'; font-weight: ${index ? 700 : 400};
      src: url('/test/fixtures/fonts/${file}') format('truetype'); }`)
    .join('\n');
  document.head.append(style);
  const faces = await Promise.all([document.fonts.load(`16px "${fontFamily}"`), document.fonts.load(`bold 16px "${fontFamily}"`)]);
  if (faces.some((list) => list.length === 0)) throw new Error(`the test font ${fontFamily} did not load`);
}

/** Waits until every image in the widget has loaded and decoded (a lazy one within the viewport). */
async function imagesDecoded(element: HTMLElement) {
  const images = [...element.shadowRoot!.querySelectorAll('img')];
  await Promise.all(images.map((image) => image.decode()));
}

describe('screenshots (Chromium)', () => {
  let clock: sinon.SinonFakeTimers | undefined;

  before(async function () {
    if (engine !== 'chromium') this.skip();
    await setViewport({ width: 1024, height: 1600 });
    await emulateMedia({ reducedMotion: 'reduce' });
    await loadTestFont();
  });
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: fixtureNow, toFake: ['Date'] });
  });
  afterEach(() => clock?.restore());

  /** The widget on a page of its scheme, in the test font, `width` px wide. */
  async function shoot(name: string, scheme: 'light' | 'dark', width: number, widget: TemplateResult, tag: string) {
    const element = await loadedFixture<HTMLElement>(html`<div
        class="page"
        style="inline-size:${width}px; padding:16px; background:${pageBackground[scheme]}; --news-font-family:'${fontFamily}'; font-size:16px"
      >${widget}</div>`, tag);
    await imagesDecoded(element);
    await document.fonts.ready;
    await nextFrame();
    await visualDiff(element.parentElement!, name);
  }

  for (const scheme of ['light', 'dark'] as const) {
    for (const lang of ['ru', 'ar']) {
      for (const [layout, width] of [['list', 480], ['cards', 720], ['compact', 320]] as const) {
        it(`recent-posts layout="${layout}" theme="${scheme}" lang="${lang}"`, async () => {
          await shoot(
            `recent-posts-${layout}-${scheme}-${lang}`,
            scheme,
            width,
            html`<recent-posts theme=${scheme} lang=${lang} layout=${layout} limit="3" load-more src=${feedUrl('layout.ru.json')}>
              <a slot="footer" href="/news/">${lang === 'ar' ? 'كل الأخبار' : 'Все новости'}</a>
            </recent-posts>`,
            'recent-posts',
          );
        });
      }

      it(`featured-story theme="${scheme}" lang="${lang}"`, async () => {
        await shoot(
          `featured-story-${scheme}-${lang}`,
          scheme,
          640,
          html`<featured-story theme=${scheme} lang=${lang} src=${feedUrl('municipal.ru.json')}></featured-story>`,
          'featured-story',
        );
      });
    }
  }
});
