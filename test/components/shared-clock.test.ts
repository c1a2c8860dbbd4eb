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

  it('keeps 500 relative times in 5 widgets current with one timer that wakes only when a text changes', async function () {
    this.timeout(30_000); // 60 simulated minutes of 500 times: seconds of real work on a busy machine
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

  it('wakes once a minute for 500 times published at 500 different seconds, each text at most a minute late', async function () {
    this.timeout(30_000);
    const seconds = (index: number) => 1 + ((index * 7) % 59); // 1 to 59 seconds past a minute
    // 500 stories published 1 to 50 minutes ago, each at its own second.
    const published = Array.from({ length: 500 }, (_, index) => start - (1 + (index % 50)) * 60_000 - seconds(index) * 1000 + 30_000);
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      items: published.map((date, index) => ({ id: `${index}`, title: `Story ${index}`, date_published: new Date(date).toISOString() })),
    };
    const widget = await fixture<RecentPostsElement>(html`<recent-posts lang="en" limit="500" .feed=${feed}></recent-posts>`);
    await widget.updateComplete;
    const times = () => [...widget.shadowRoot!.querySelectorAll('time')];
    expect(times()).to.have.length(500);
    expect(clock.countTimers()).to.equal(1);
    const textAt = (now: number, datetime: string) => {
      const elapsed = Math.floor((now - Date.parse(datetime)) / 60_000);
      return elapsed >= 60 ? `${Math.floor(elapsed / 60)} hour${elapsed >= 120 ? 's' : ''} ago` : `${elapsed} minute${elapsed === 1 ? '' : 's'} ago`;
    };

    const wakes = sinon.spy(sharedClock as unknown as { tick(): void }, 'tick');
    try {
      // The first change (a story published 29 s past a minute) is at 12:00:31, a second in: shown then.
      await clock.tickAsync(1_000);
      await widget.updateComplete;
      expect(wakes.callCount).to.equal(1);
      const first = times().find((time) => Date.parse(time.getAttribute('datetime')!) % 60_000 === 31_000)!;
      expect(first.textContent!.trim()).to.equal(textAt(Date.now(), first.getAttribute('datetime')!));
      for (let minute = 0; minute < 10; minute++) {
        await clock.tickAsync(minute === 0 ? 29_000 : 60_000); // to 12:01:00, then each whole minute to 12:10
        await widget.updateComplete;
        expect(clock.countTimers(), 'one timer, whatever the number of times').to.equal(1);
        // At a whole minute every text is current: it reads the whole minutes elapsed since publication.
        const now = Date.now();
        expect(now % 60_000).to.equal(0);
        for (const time of times()) expect(time.textContent!.trim(), time.getAttribute('datetime')!).to.equal(textAt(now, time.getAttribute('datetime')!));
      }
      // Ten simulated minutes: the first change on time, then one wake at each whole minute, not one per time (which would be 5,000).
      expect(wakes.callCount).to.equal(11);
      for (const call of wakes.getCalls()) expect(call.thisValue).to.equal(sharedClock);
    } finally {
      wakes.restore();
    }
  });

  it('turns "9 часов назад" into "10 часов назад", and later "22 часа назад", at the very millisecond, whatever second the page opened at', async () => {
    const opened = start + 12_345; // 12:00:42.345: not on a whole second or minute
    clock.setSystemTime(opened);
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      items: [
        { id: 'minutes', title: 'Минуты', date_published: new Date(opened - 59_000).toISOString() },
        { id: 'hours', title: 'Часы', date_published: new Date(opened - 9 * 3_600_000 - 59_000).toISOString() },
      ],
    };
    const widget = await fixture<RecentPostsElement>(html`<recent-posts lang="ru" .feed=${feed}></recent-posts>`);
    await widget.updateComplete;
    const times = () => [...widget.shadowRoot!.querySelectorAll('time')].map((time) => time.textContent!.trim());
    const advance = async (ms: number) => {
      await clock.tickAsync(ms);
      await widget.updateComplete;
    };
    expect(times()).to.deep.equal(['сейчас', '9 часов назад']);
    await advance(999);
    expect(times()).to.deep.equal(['сейчас', '9 часов назад']);
    await advance(1);
    expect(times(), 'a minute old, to the millisecond').to.deep.equal(['1 минуту назад', '9 часов назад']);
    await advance(3_600_000 - 60_000 - 1);
    expect(times()).to.deep.equal(['59 минут назад', '9 часов назад']);
    await advance(1);
    expect(times(), 'ten hours old, to the millisecond').to.deep.equal(['1 час назад', '10 часов назад']);
    await advance(12 * 3_600_000);
    expect(times()).to.deep.equal(['13 часов назад', '22 часа назад']);
  });

  it('shows a story dated 2 minutes ahead (clock skew) as it shows one dated now, until it is a minute old', async () => {
    const story = (id: string, date: number) => ({ id, title: id, date_published: new Date(date).toISOString() });
    const feed = { version: 'https://jsonfeed.org/version/1.1', items: [story('ahead', start + 2 * 60_000), story('now', start)] };
    for (const [lang, now] of [['ru', 'сейчас'], ['en', 'now'], ['tt', 'хәзер']]) {
      const widget = await fixture<RecentPostsElement>(html`<recent-posts lang=${lang} .feed=${feed}></recent-posts>`);
      await widget.updateComplete;
      const texts = [...widget.shadowRoot!.querySelectorAll('time')].map((time) => time.textContent!.trim());
      expect(texts, lang).to.deep.equal([now, now]);
    }
    const widget = await fixture<RecentPostsElement>(html`<recent-posts lang="en" .feed=${feed}></recent-posts>`);
    await widget.updateComplete;
    const times = () => [...widget.shadowRoot!.querySelectorAll('time')].map((time) => time.textContent!.trim());
    // At 12:03:00 the story dated 12:02:30 is 30 s old: still "now".
    await clock.tickAsync(150_000);
    await widget.updateComplete;
    expect(times()).to.deep.equal(['now', '2 minutes ago']);
    // It turns "1 minute ago" at 12:03:30.
    await clock.tickAsync(60_000);
    await widget.updateComplete;
    expect(times()).to.deep.equal(['1 minute ago', '3 minutes ago']);
  });

  it('holds no timer while its widgets are out of the page, and shows current times as soon as one is back', async () => {
    const feed = { version: 'https://jsonfeed.org/version/1.1', items: [{ id: 'a', title: 'A', date_published: new Date(start - 5 * 60_000).toISOString() }] };
    const widget = await fixture<RecentPostsElement>(html`<recent-posts lang="en" .feed=${feed}></recent-posts>`);
    await widget.updateComplete;
    const time = () => widget.shadowRoot!.querySelector('time')!.textContent!.trim();
    expect(time()).to.equal('5 minutes ago');
    const parent = widget.parentElement!;
    widget.remove();
    expect(clock.countTimers(), 'no widget in the page, no timer').to.equal(0);
    clock.tick(3 * 3_600_000);
    parent.append(widget);
    await widget.updateComplete;
    expect(time(), 'current at once, not at the next wake').to.equal('3 hours ago');
    expect(clock.countTimers()).to.equal(1);
  });
});
