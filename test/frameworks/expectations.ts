/**
 * What both framework tests expect once <recent-posts limit=2 lang=en class=news excerpt-length=20
 * load-more> and <featured-story label="Top story"> rendered the English fixture feed.
 */
import { expect } from '@open-wc/testing';
import type { SinonSpy } from 'sinon';
import type { FeaturedStoryElement, FeedLoadEvent, RecentPostsElement } from '../../src/index.js';
import { part, parts, texts } from '../helpers.js';

export function expectRenderedAsDeclared(
  posts: () => RecentPostsElement,
  story: () => FeaturedStoryElement,
  postsLoaded: SinonSpy<[FeedLoadEvent], void>,
  storyLoaded: SinonSpy<[FeedLoadEvent], void>,
): void {
  const event = postsLoaded.firstCall.args[0];
  expect(event.type).to.equal('feed-load');
  expect(event.target).to.equal(posts());
  expect(event.detail.feed.title).to.equal('Test City Council');
  expect(event.detail.feed.stories.map((s) => s.id)).to.deep.equal(['101', 'en-2']);
  expect(storyLoaded.firstCall.args[0].detail.feed.stories).to.have.length(2);

  // Properties the element has were set as properties, with their types.
  expect(posts().limit).to.equal(2);
  expect(posts().lang).to.equal('en');
  expect(parts(posts(), 'item')).to.have.length(2);
  expect(part(posts(), 'heading')!.textContent).to.equal('Recent news');
  // Hyphenated names went in as attributes, and the element read them.
  expect(posts().getAttribute('excerpt-length')).to.equal('20');
  expect(posts().excerptLength).to.equal(20);
  expect(posts().hasAttribute('load-more')).to.equal(true);
  expect(posts().loadMore).to.equal(true);
  expect(posts().getAttribute('class')).to.equal('news');
  expect(texts(parts(posts(), 'excerpt'))[0]!.length).to.be.at.most(20);
  expect(part(story(), 'label')!.textContent).to.equal('Top story');
  expect(part(story(), 'title')!.textContent!.trim()).to.equal('New bridge opens');
}
