/**
 * Contrast of the light and dark palettes, computed from the colours the engine resolved (not from
 * the palette's source): text, muted text (times, the label) and links at least 4.5:1 against the
 * widget's background and against its surface (cards, the error box), and the focus ring at least
 * 3:1 against both. axe's own contrast rule (axe-matrix.test.ts) skips Arabic text (its icon-ligature
 * heuristic takes shaped Arabic for an icon font), so the right-to-left widgets are measured here.
 * Runs in every engine.
 */
import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import { feedUrl, loadedFixture, part, parts } from '../helpers.js';
import { contrastRatio, parseColor, pageBackground, relativeLuminance, type Rgba } from './a11y-helpers.js';

const color = (element: Element, property: 'color' | 'backgroundColor' | 'outlineColor' = 'color'): Rgba => parseColor(getComputedStyle(element)[property]);

describe('contrast of the palettes, from computed styles', () => {
  it('the ratio function agrees with WCAG', () => {
    expect(relativeLuminance([255, 255, 255, 1])).to.be.closeTo(1, 1e-9);
    expect(contrastRatio([0, 0, 0, 1], [255, 255, 255, 1])).to.be.closeTo(21, 1e-9);
    expect(contrastRatio([118, 118, 118, 1], [255, 255, 255, 1])).to.be.closeTo(4.54, 0.01); // #767676, the usual 4.5:1 grey
    expect(contrastRatio([0, 0, 0, 0], [255, 255, 255, 1])).to.be.closeTo(1, 1e-9); // transparent text is invisible
    expect(parseColor('rgb(10, 88, 202)')).to.deep.equal([10, 88, 202, 1]);
    expect(parseColor('rgba(0, 0, 0, 0.5)')).to.deep.equal([0, 0, 0, 0.5]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const lang of ['ru', 'ar']) {
      it(`theme="${scheme}" lang="${lang}": text, times and links reach 4.5:1 on background and surface, the focus ring 3:1`, async () => {
        const page = `inline-size:900px; background:${pageBackground[scheme]}`;
        const list = await loadedFixture<HTMLElement>(html`<div style=${page}>
            <recent-posts theme=${scheme} lang=${lang} layout="cards" limit="3" load-more src=${feedUrl('layout.ru.json')}></recent-posts>
          </div>`, 'recent-posts');
        const story = await loadedFixture<HTMLElement>(html`<div style=${page}>
            <featured-story theme=${scheme} lang=${lang} src=${feedUrl('municipal.ru.json')}></featured-story>
          </div>`, 'featured-story');

        const background = color(list, 'backgroundColor');
        expect(background[3], 'the theme paints an opaque background').to.equal(1);
        expect(color(story, 'backgroundColor')).to.deep.equal(background);
        const card = parts(list, 'item')[0]!;
        const surface = color(card, 'backgroundColor');
        expect(surface[3], 'the surface is opaque').to.equal(1);
        expect(surface, 'cards have a surface of their own').to.not.deep.equal(background);

        const samples: [string, Rgba][] = [
          ['text (excerpt)', color(part(list, 'excerpt')!)],
          ['text (story body)', color(part(story, 'body')!)],
          ['text (button)', color(part(list, 'load-more')!)],
          ['muted (time)', color(part(list, 'time')!)],
          ['muted (story time)', color(part(story, 'time')!)],
          ['muted (label)', color(part(story, 'label')!)],
          ['link (post title)', color(part(list, 'link')!)],
          ['link (story title)', color(part(story, 'link')!)],
        ];
        for (const [what, foreground] of samples) {
          expect(contrastRatio(foreground, background), `${what} on the background`).to.be.at.least(4.5);
          expect(contrastRatio(foreground, surface), `${what} on the surface`).to.be.at.least(4.5);
        }

        // The ring a keyboard user sees: focus() after no pointer input matches :focus-visible.
        const link = part(list, 'link')!;
        link.focus();
        expect(link.matches(':focus-visible'), 'the focused link shows its focus').to.equal(true);
        const ring = color(link, 'outlineColor');
        expect(getComputedStyle(link).outlineStyle).to.equal('solid');
        expect(contrastRatio(ring, background), 'focus ring on the background').to.be.at.least(3);
        expect(contrastRatio(ring, surface), 'focus ring on the surface').to.be.at.least(3);
        link.blur();
      });
    }
  }

  it('an error box: its words and the retry button on the surface', async () => {
    const warn = sinon.stub(console, 'warn');
    try {
      for (const scheme of ['light', 'dark'] as const) {
        const element = await loadedFixture<HTMLElement>(html`<recent-posts theme=${scheme} lang="ru" src="/test-api/status/500"></recent-posts>`);
        const box = color(part(element, 'error')!, 'backgroundColor');
        for (const name of ['error-title', 'error-detail', 'retry']) {
          expect(contrastRatio(color(part(element, name)!), box), `${scheme}: ${name}`).to.be.at.least(4.5);
        }
      }
    } finally {
      warn.restore();
    }
  });
});
