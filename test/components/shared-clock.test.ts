import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import type { RecentPostsElement } from '../../src/index.js';
import { sharedClock } from '../../src/time/clock.js';

/** The page's one clock, as widgets use it: 500 times on a page cost one timer, woken per needed boundary. */
describe('the shared clock on a page of widgets', () => {
  let clock: sinon.SinonFakeTimers;
  // Half a minute past a whole minute: every time below next changes at the coming whole minute.
  const start = Date.parse('2026-11-20T12:00:30Z');
  beforeEach(() => (clock = sinon.useFakeTimers({ now: start, toFake: ['Date', 'setTimeout', 'clearTimeout'] })));
  afterEach(() => clock.restore());

  it('keeps 500 relative times in 5 widgets current with one timer that wakes only when a text changes', async () => {
    const wholeMinute = Math.floor(start / 60_000) * 60_000;
    const feed = (widget: number) => ({
      version: 'https://jsonfeed.org/version/1.1',
      items: Array.from({ length: 100 }, (_, index) => ({
        id: `${widget}-${index}`,
        title: `Новость ${widget}-${index}`,
        // 1 to 50 minutes old, published on whole minutes, as most news systems write them.
        date_published: new Date(wholeMinute - (1 + ((widget * 100 + index) % 50)) * 60_000).toISOString(),
      })),
    });
    const page = await fixture<HTMLDivElement>(html`<div lang="en">
      ${[0, 1, 2, 3, 4].map((widget) => html`<recent-posts limit="100" .feed=${feed(widget)}></recent-posts>`)}
    </div>`);
    const widgets = [...page.querySelectorAll<RecentPostsElement>('recent-posts')];
    await Promise.all(widgets.map((widget) => widget.updateComplete));
    expect(widgets.flatMap((widget) => [...widget.shadowRoot!.querySelectorAll('time')])).to.have.length(500);
    expect(sharedClock.pendingTimers).to.equal(1);
    expect(clock.countTimers()).to.equal(1);

    const wakes = sinon.spy(sharedClock as unknown as { tick(): void }, 'tick');
    try {
      for (let minute = 0; minute < 60; minute++) {
        await clock.tickAsync(60_000);
        await Promise.all(widgets.map((widget) => widget.updateComplete));
        expect(clock.countTimers(), 'one timer, whatever the number of times').to.equal(1);
      }
      // One wake per needed minute boundary for the whole page, not one per widget or per time:
      // 12:01 to 12:59. At 13:00 no text changes (every time reads in hours by then), so no wake.
      expect(wakes.callCount).to.equal(59);
    } finally {
      wakes.restore();
    }
    const firstTime = widgets[0]!.shadowRoot!.querySelector('time')!.textContent!.trim();
    expect(firstTime).to.equal('1 hour ago'); // 1 minute old at the start, 61 minutes old now
  });
});
