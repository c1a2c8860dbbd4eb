import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { SharedClock } from '../../src/time/clock.js';

describe('SharedClock', () => {
  let clock: sinon.SinonFakeTimers;
  const start = Date.parse('2026-11-20T12:00:00Z');

  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: start, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  });
  afterEach(() => clock.restore());

  it('keeps one timer for any number of subscribers and wakes each at its own time', () => {
    const shared = new SharedClock();
    const calls: number[] = [];
    const owners = Array.from({ length: 500 }, () => ({}));
    owners.forEach((owner, index) => shared.schedule(owner, () => calls.push(index), start + 60_000 * (1 + (index % 3))));
    expect(shared.pendingTimers).to.equal(1);
    expect(clock.countTimers()).to.equal(1);

    clock.tick(59_999);
    expect(calls).to.have.length(0);
    clock.tick(1);
    expect(calls).to.have.length(167); // indexes 0, 3, 6, …
    expect(clock.countTimers()).to.equal(1);
    clock.tick(60_000);
    expect(calls).to.have.length(334);
    clock.tick(60_000);
    expect(calls).to.have.length(500);
    expect(clock.countTimers()).to.equal(0);
  });

  it('wakes exactly when a time is due a minute or more after the last wake; within that minute, at the next whole minute', () => {
    const shared = new SharedClock();
    const calls: string[] = [];
    shared.schedule({}, () => calls.push('a'), start + 17_000);
    shared.schedule({}, () => calls.push('b'), start + 43_000);
    shared.schedule({}, () => calls.push('c'), start + 60_000);
    shared.schedule({}, () => calls.push('d'), start + 61_000);
    shared.schedule({}, () => calls.push('e'), start + 200_000);
    clock.tick(16_999);
    expect(calls).to.deep.equal([]);
    clock.tick(1);
    expect(calls, 'the first wake is at its due time, to the millisecond').to.deep.equal(['a']);
    clock.tick(42_999);
    expect(calls, 'b, due 26 s after a wake, waits for the whole minute').to.deep.equal(['a']);
    clock.tick(1);
    expect(calls, 'one wake at 12:01:00 for everything due by then').to.deep.equal(['a', 'b', 'c']);
    clock.tick(59_999);
    expect(calls).to.have.length(3);
    clock.tick(1);
    expect(calls, 'd, due a second after that wake, at 12:02:00').to.deep.equal(['a', 'b', 'c', 'd']);
    clock.tick(200_000 - 120_000 - 1);
    expect(calls).to.have.length(4);
    clock.tick(1);
    expect(calls, 'e, due 80 s after the last wake: on time again').to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    expect(clock.countTimers()).to.equal(0);
  });

  it('keeps the minute of a time that changes once a minute: a time published at 17 s wakes at 17 s of each minute', () => {
    const shared = new SharedClock();
    const owner = {};
    const woken: number[] = [];
    const listener = (now: number) => {
      woken.push(now - start);
      shared.schedule(owner, listener, now + 60_000);
    };
    shared.schedule(owner, listener, start + 17_000);
    clock.tick(3 * 60_000 + 17_000);
    expect(woken).to.deep.equal([17_000, 77_000, 137_000, 197_000]);
  });

  it('is not held back by the wakes of widgets that have left the page', () => {
    const shared = new SharedClock();
    const gone = {};
    const calls: number[] = [];
    shared.schedule(gone, () => calls.push(Date.now() - start), start + 10_000);
    clock.tick(10_000);
    shared.unsubscribe(gone);
    shared.schedule({}, () => calls.push(Date.now() - start), start + 30_000);
    clock.tick(20_000);
    expect(calls, 'a widget added later changes at its own moment').to.deep.equal([10_000, 30_000]);
  });

  it('is not held back by a wake that is in the future because the clock was set back', () => {
    const shared = new SharedClock();
    const calls: number[] = [];
    shared.schedule({}, () => calls.push(Date.now() - start), start + 30_000);
    clock.tick(30_000);
    expect(calls).to.deep.equal([30_000]);
    clock.setSystemTime(start); // the wake just done is now 30 s ahead
    shared.schedule({}, () => calls.push(Date.now() - start), start + 10_000);
    clock.tick(10_000);
    expect(calls, 'due 10 s after the clock was set back, woken then').to.deep.equal([30_000, 10_000]);
  });

  it('holds no timer when nobody is due, and drops a subscriber on unsubscribe', () => {
    const shared = new SharedClock();
    const owner = {};
    const listener = sinon.spy();
    shared.schedule(owner, listener, undefined);
    expect(clock.countTimers()).to.equal(0);
    shared.schedule(owner, listener, start + 1000);
    expect(clock.countTimers()).to.equal(1);
    shared.unsubscribe(owner);
    expect(clock.countTimers()).to.equal(0);
    clock.tick(5000);
    expect(listener.called).to.equal(false);
  });

  it('passes the current time to listeners that re-subscribe for their next change', () => {
    const shared = new SharedClock();
    const owner = {};
    const seen: number[] = [];
    const listener = (now: number) => {
      seen.push(now - start);
      if (seen.length < 3) shared.schedule(owner, listener, now + 60_000);
    };
    shared.schedule(owner, listener, start + 60_000);
    clock.tick(10 * 60_000);
    expect(seen).to.deep.equal([60_000, 120_000, 180_000]);
  });

  describe('while the page is hidden', () => {
    let visibility: DocumentVisibilityState = 'visible';
    const setVisibility = (state: DocumentVisibilityState) => {
      visibility = state;
      document.dispatchEvent(new Event('visibilitychange'));
    };
    beforeEach(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    });
    afterEach(() => {
      delete (document as { visibilityState?: unknown }).visibilityState;
      visibility = 'visible';
    });

    it('pauses, and catches up at once when the page is visible again', () => {
      const shared = new SharedClock();
      const listener = sinon.spy();
      shared.schedule({}, listener, start + 60_000);
      setVisibility('hidden');
      expect(clock.countTimers()).to.equal(0);
      clock.tick(5 * 60_000);
      expect(listener.called).to.equal(false);
      setVisibility('visible');
      expect(listener.calledOnceWith(start + 5 * 60_000)).to.equal(true);
    });
  });
});
