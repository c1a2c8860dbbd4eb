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

  it('rounds wakes up to the next whole minute, so times due at different seconds share one wake', () => {
    const shared = new SharedClock();
    const calls: string[] = [];
    shared.schedule({}, () => calls.push('a'), start + 17_000);
    shared.schedule({}, () => calls.push('b'), start + 43_000);
    shared.schedule({}, () => calls.push('c'), start + 60_000);
    shared.schedule({}, () => calls.push('d'), start + 61_000);
    clock.tick(59_999);
    expect(calls, 'nobody is woken before the whole minute').to.deep.equal([]);
    clock.tick(1);
    expect(calls, 'one wake at 12:01:00 for everything due by then').to.deep.equal(['a', 'b', 'c']);
    clock.tick(59_999);
    expect(calls).to.have.length(3);
    clock.tick(1);
    expect(calls).to.deep.equal(['a', 'b', 'c', 'd']);
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
