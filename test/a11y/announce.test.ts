/**
 * `announce`: after a refresh brings new posts, a polite live region says how many, in the
 * widget's language; the first load says nothing (aria-busy covers it), nor does a refresh without
 * new posts, and without `announce` there is no live region at all. Refresh timers are faked with
 * sinon, as in refresh-and-cache.test.ts. Runs in every engine.
 */
import { expect, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import type { RecentPostsElement } from '../../src/index.js';
import { part, parts } from '../helpers.js';
import { requestCount, uniqueName } from './a11y-helpers.js';

describe('announce: new posts after a refresh', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  const mounted: HTMLElement[] = [];
  afterEach(() => {
    clock?.restore();
    clock = undefined;
    mounted.splice(0).forEach((element) => element.remove());
  });

  /** A widget refreshing every 60 s from a sequence of fixture feeds, loaded once. */
  async function refreshing(lang: string, bodies: string, announce = true) {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const name = uniqueName('announce');
    const element = document.createElement('recent-posts') as RecentPostsElement;
    element.lang = lang;
    element.announce = announce;
    element.refresh = 60;
    element.src = `/test-api/sequence/${name}?bodies=${bodies}`;
    mounted.push(element);
    const loaded = oneEvent(element, 'feed-load');
    document.body.append(element);
    await loaded;
    await element.updateComplete;
    const refreshed = async () => {
      const next = oneEvent(element, 'feed-load');
      clock!.tick(60_000);
      await next;
      await element.updateComplete;
      expect(await requestCount(name)).to.equal(2);
    };
    return { element, refreshed };
  }

  for (const [lang, expected] of [
    ['en', '1 new story'],
    ['ru', '1 новая публикация'],
  ] as const) {
    it(`lang="${lang}": "${expected}" after the refresh, nothing on the first load`, async () => {
      const { element, refreshed } = await refreshing(lang, 'feeds/english.json,feeds/updated.json');
      const region = part(element, 'announcement')!;
      expect(region, 'the live region').to.exist;
      expect(region.getAttribute('role')).to.equal('status');
      expect(region.getAttribute('aria-live')).to.equal('polite');
      expect(parts(element, 'item')).to.have.length(2);
      expect(region.textContent!.trim(), 'first load').to.equal('');
      // Hidden from view, there for screen readers.
      expect(region.getBoundingClientRect().width).to.be.at.most(1);

      await refreshed();
      expect(parts(element, 'item')).to.have.length(3);
      // The same node, so assistive technology that watches it hears the change.
      expect(part(element, 'announcement')).to.equal(region);
      expect(region.textContent!.trim()).to.equal(expected);
      clock!.restore(); // axe schedules its work with timers
      clock = undefined;
      await expect(element).to.be.accessible();
    });
  }

  it('a later refresh that brings as many new posts as the last one is announced again', async () => {
    const { element, refreshed } = await refreshing('en', 'feeds/english.json,feeds/updated.json,feeds/english.json,feeds/updated.json');
    await refreshed(); // 1 new story
    const region = part(element, 'announcement')!;
    expect(region.textContent!.trim()).to.equal('1 new story');
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    const refreshAgain = async () => {
      const next = oneEvent(element, 'feed-load');
      clock!.tick(60_000);
      await next;
      await element.updateComplete;
    };
    await refreshAgain(); // the story is gone again: nothing new to say
    expect(parts(element, 'item')).to.have.length(2);
    expect(changes.splice(0).length, 'nothing new, nothing said').to.equal(0);
    await refreshAgain(); // it is back: one new story, again
    expect(parts(element, 'item')).to.have.length(3);
    changes.push(...observer.takeRecords());
    observer.disconnect();
    expect(region.textContent!.trim()).to.equal('1 new story');
    expect(changes.length, 'the live region\'s content changed, so it is spoken again').to.be.greaterThan(0);
  });

  it('a refresh without new posts says nothing', async () => {
    // The same posts, one of them edited: a new copy of the feed (an identical one is not read again).
    const { element, refreshed } = await refreshing('en', 'feeds/english.json,feeds/english-edited.json');
    await refreshed();
    expect(part(element, 'announcement')!.textContent!.trim()).to.equal('');
  });

  it('without announce there is no live region, before or after a refresh', async () => {
    const { element, refreshed } = await refreshing('en', 'feeds/english.json,feeds/updated.json', false);
    expect(part(element, 'announcement')).to.equal(null);
    await refreshed();
    expect(parts(element, 'item')).to.have.length(3);
    expect(part(element, 'announcement')).to.equal(null);
    expect(element.shadowRoot!.querySelector('[aria-live]')).to.equal(null);
  });
});
