/**
 * Zero axe-core violations for both widgets in every state (loading, loaded, empty, error) × scheme
 * (light, dark) × direction (Russian, left to right; Arabic, right to left), and for each layout of
 * <recent-posts> loaded: the claim of README's "Accessibility" section. All rules run, the contrast
 * rule included: each widget sits on a page of its own scheme's background, so axe measures the
 * colours a visitor would see. Runs in every engine of the suite.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import sinon from 'sinon';
import '../../src/define.js';
import { feedUrl, loadedFixture, part, parts } from '../helpers.js';
import { heldFeed, nextFrame, pageBackground } from './a11y-helpers.js';

type Tag = 'recent-posts' | 'featured-story';
type Scheme = 'light' | 'dark';
type State = 'loading' | 'loaded' | 'empty' | 'error';

interface AxeNodeResult { target: unknown; html: string }
interface AxeRuleResult { id: string; nodes: AxeNodeResult[] }
interface AxeResults { violations: AxeRuleResult[]; passes: AxeRuleResult[]; incomplete: AxeRuleResult[] }
declare global {
  interface Window {
    axe?: { run(context: Element, options: object): Promise<AxeResults> };
  }
}

/** The feed each widget shows when loaded: posts with images (for cards), a story with a body and a byline. */
const loadedFeed: Record<Tag, string> = { 'recent-posts': 'layout.ru.json', 'featured-story': 'municipal.ru.json' };

/** The widget in a page of its scheme's background and text colour, 640px wide. */
function themedPage(scheme: Scheme, widget: TemplateResult): TemplateResult {
  const text = scheme === 'light' ? '#1b1f24' : '#e6edf3';
  return html`<div style="inline-size:640px; padding:16px; background:${pageBackground[scheme]}; color:${text}">${widget}</div>`;
}

function widget(tag: Tag, scheme: Scheme, lang: string, src: string, layout = 'list'): TemplateResult {
  return tag === 'recent-posts'
    ? html`<recent-posts theme=${scheme} lang=${lang} layout=${layout} limit="3" load-more src=${src}></recent-posts>`
    : html`<featured-story theme=${scheme} lang=${lang} src=${src}></featured-story>`;
}

/**
 * Runs axe's contrast rule alone and returns what it could decide. `to.be.accessible()` counts only
 * violations, so a contrast rule that measured nothing (every node "incomplete") would pass
 * silently: the loaded states check it measured something.
 */
async function contrastResults(element: Element) {
  const results = await window.axe!.run(element, { runOnly: ['color-contrast'] });
  const count = (list: AxeRuleResult[]) => list.reduce((sum, rule) => sum + rule.nodes.length, 0);
  return { passed: count(results.passes), incomplete: results.incomplete.flatMap((rule) => rule.nodes.map((node) => node.html)) };
}

describe('axe-core: no violations in any state, scheme or direction', () => {
  let warn: sinon.SinonStub;
  beforeEach(() => {
    warn = sinon.stub(console, 'warn'); // the error state warns by design
  });
  afterEach(() => warn.restore());

  for (const tag of ['recent-posts', 'featured-story'] as const) {
    for (const state of ['loading', 'loaded', 'empty', 'error'] as const satisfies readonly State[]) {
      for (const scheme of ['light', 'dark'] as const) {
        for (const lang of ['ru', 'ar']) {
          it(`<${tag}> ${state}, theme="${scheme}", lang="${lang}"`, async () => {
            let element: HTMLElement;
            let release: (() => Promise<unknown>) | undefined;
            if (state === 'loading') {
              const feed = heldFeed(loadedFeed[tag]);
              release = feed.release;
              const page = await fixture<HTMLElement>(themedPage(scheme, widget(tag, scheme, lang, feed.url)));
              element = page.querySelector(tag)!;
              await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
              await nextFrame();
            } else {
              const src = state === 'loaded' ? feedUrl(loadedFeed[tag]) : state === 'empty' ? feedUrl('empty.json') : '/test-api/status/500';
              element = await loadedFixture(themedPage(scheme, widget(tag, scheme, lang, src)), tag);
            }
            try {
              const base = part(element, 'base')!;
              // The state is the one named, so each case tests what it says it does.
              if (state === 'loading') {
                expect(base.getAttribute('aria-busy')).to.equal('true');
                expect(part(element, 'skeleton'), 'the skeleton').to.exist;
              } else {
                expect(base.getAttribute('aria-busy')).to.not.equal('true');
              }
              if (state === 'loaded') expect(parts(element, 'link').length).to.be.greaterThan(0);
              if (state === 'empty') expect(part(element, 'empty'), 'the empty message').to.exist;
              if (state === 'error') expect(part(element, 'retry'), 'the retry button').to.exist;
              expect(base.dir).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
              expect(getComputedStyle(base).direction).to.equal(lang === 'ar' ? 'rtl' : 'ltr');

              await expect(element).to.be.accessible();
              if (state === 'loaded') {
                const contrast = await contrastResults(element);
                expect(contrast.passed, 'text whose contrast axe measured and passed').to.be.greaterThan(0);
              }
            } finally {
              await release?.();
            }
          });
        }
      }
    }
  }

  for (const layout of ['list', 'cards', 'compact']) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`<recent-posts layout="${layout}"> loaded, theme="${scheme}"`, async () => {
        const element = await loadedFixture<HTMLElement>(
          themedPage(scheme, html`<div style="inline-size:600px">${widget('recent-posts', scheme, 'ru', feedUrl('layout.ru.json'), layout)}</div>`),
          'recent-posts',
        );
        expect(part(element, 'base')!.classList.contains(layout)).to.equal(true);
        expect(parts(element, 'item')).to.have.length(3);
        await expect(element).to.be.accessible();
        const contrast = await contrastResults(element);
        expect(contrast.passed, 'text whose contrast axe measured and passed').to.be.greaterThan(0);
      });
    }
  }
});
