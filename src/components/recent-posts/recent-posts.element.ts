import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { Story } from '../../feed/story.js';
import { cutExcerpt } from '../../text/excerpt.js';
import { featuredStoryIds, onFeaturedChange } from '../shared/featured-registry.js';
import { NewsElement } from '../shared/news-element.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { contentLang, storyPlainText } from '../shared/story-text.js';
import { recentPostsStyles } from './recent-posts.styles.js';

interface ShownPost {
  story: Story;
  title: string;
  excerpt?: string;
  lang?: string;
}

/** A title made from the text, for stories that have none (microblog-style feeds). */
const untitledTitleLength = 80;

function nonNegativeInteger(value: unknown, fallback: number): number {
  const number = Math.floor(Number(value));
  return Number.isFinite(number) && number >= 0 ? number : fallback;
}

/**
 * A list of a feed's recent posts: each with its linked title, an excerpt cut cleanly at a word with
 * "…", and a relative time that stays current.
 *
 * @summary A list of recent posts from a news feed (JSON Feed).
 * @tagname recent-posts
 *
 * @csspart base - The wrapper of the whole widget (a `<section>`).
 * @csspart heading - The heading above the list.
 * @csspart list - The list of posts (`<ul>`).
 * @csspart item - One post (`<li>`).
 * @csspart title - A post's heading (`<h3>`), containing its link.
 * @csspart link - The link to a post.
 * @csspart excerpt - A post's excerpt.
 * @csspart time - A post's time (`<time>`).
 * @csspart status - The loading and empty messages.
 * @csspart empty - The empty message (with `status`).
 * @csspart stale - The notice that the posts shown may be out of date (with `status`).
 * @csspart load-more - The "load more" button.
 * @csspart error - The error box: `error-title`, `error-detail` and `retry` inside it.
 * @csspart error-title - The error's headline.
 * @csspart error-detail - What went wrong, in words.
 * @csspart retry - The button that loads the feed again.
 *
 * @cssproperty [--news-font-family=inherit] - Font of the widget.
 * @cssproperty [--news-text-color=inherit] - Text colour.
 * @cssproperty [--news-muted-color=currentColor at 72%] - Colour of times and status text.
 * @cssproperty [--news-link-color=inherit] - Colour of links.
 * @cssproperty [--news-background=transparent] - Background of the widget.
 *
 * @event feed-load - After posts from a feed were rendered; `event.detail.feed` is the normalized feed.
 * @event feed-error - When the feed could not be loaded or read; `event.detail.error` is a `FeedError` with a `kind`.
 */
export class RecentPostsElement extends NewsElement {
  static override readonly defaultTagName = 'recent-posts';
  static override styles = [sharedStyles, recentPostsStyles];
  static override properties: PropertyDeclarations = {
    limit: { type: Number },
    offset: { type: Number },
    excerptLength: { type: Number, attribute: 'excerpt-length' },
    heading: {},
    excludeFeatured: { type: Boolean, attribute: 'exclude-featured' },
    loadMore: { type: Boolean, attribute: 'load-more' },
    extraShown: { state: true },
  };

  /** How many posts to show. */
  limit = 5;

  /** How many of the newest posts to skip (for example, the ones a featured story already shows). */
  offset = 0;

  /** Maximum length of an excerpt in characters, "…" included. */
  excerptLength = 160;

  /** Replaces the heading's text ("Последние новости"); an empty value hides it from view but not from screen readers. */
  declare heading?: string;

  /** Leaves out the story a `<featured-story>` with the same `src` shows on this page. */
  excludeFeatured = false;

  /** Shows a "load more" button that reveals further posts, following the feed's next page when needed. */
  loadMore = false;

  /** How many posts beyond `limit` "load more" has revealed. */
  private extraShown = 0;
  private hasMore = false;
  /** Loaded stories remain that are not shown yet. */
  private hiddenLoaded = false;
  private shownPosts: ShownPost[] = [];
  private stopWatchingFeatured?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopWatchingFeatured = onFeaturedChange(() => this.excludeFeatured && this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatchingFeatured?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const feed = this.shownFeed;
    const locale = this.locale.value;
    const limit = nonNegativeInteger(this.limit, 5);
    const offset = nonNegativeInteger(this.offset, 0);
    const excerptLength = Math.max(nonNegativeInteger(this.excerptLength, 160), 2);
    this.shownPosts = [];
    const featured = this.excludeFeatured ? featuredStoryIds(this.feedKey) : undefined;
    const stories = featured?.size ? this.candidateStories.filter((story) => !featured.has(story.id)) : this.candidateStories;
    if (changed.has('src') || changed.has('feed') || changed.has('tags')) this.extraShown = 0;
    const wanted = limit + (this.loadMore ? this.extraShown : 0);
    let next = offset;
    for (; next < stories.length && this.shownPosts.length < wanted; next++) {
      const story = stories[next]!;
      const text = storyPlainText(story);
      const title = story.title ?? (text ? cutExcerpt(text, untitledTitleLength, locale) : undefined);
      if (!title) continue; // nothing to show for it
      const excerpt = story.title && text ? cutExcerpt(text, excerptLength, locale) : undefined;
      this.shownPosts.push({ story, title, excerpt, lang: contentLang(story, feed!, locale) });
    }
    this.hiddenLoaded = next < stories.length;
    this.hasMore = this.loadMore && this.shownPosts.length > 0 && (this.hiddenLoaded || Boolean(feed?.nextUrl));
    this.clock.watch(
      this.shownPosts.map((post) => post.story.published),
      this.timeOptions,
    );
  }

  protected override render() {
    const loading = this.loader.state === 'loading';
    const heading = this.heading ?? this.message('recentPostsHeading');
    return html`<section part="base" lang=${this.locale.value} dir=${this.locale.direction ?? nothing} aria-labelledby="heading" aria-busy=${loading ? 'true' : 'false'}>
      <h2 part="heading" id="heading" class=${heading ? '' : 'visually-hidden'}>${heading || this.message('recentPostsHeading')}</h2>
      ${this.shownPosts.length
        ? html`<ul part="list" role="list">
            ${this.shownPosts.map((post, index) => this.renderPost(post, index))}
          </ul>
          ${this.hasMore
            ? html`<button part="load-more" type="button" aria-busy=${this.loader.loadingMore ? 'true' : 'false'} @click=${this.showMore}>
                ${this.message('loadMore')}
              </button>`
            : nothing}
          ${this.renderStatus(true)}`
        : this.renderStatus(false)}
    </section>`;
  }

  /** Reveals `limit` more posts (fetching the next page when all loaded ones are shown) and focuses the first new one. */
  private readonly showMore = async () => {
    const before = this.shownPosts.length;
    if (!this.hiddenLoaded && !(await this.loader.loadMore())) return;
    this.extraShown += nonNegativeInteger(this.limit, 5) || 1;
    await this.updateComplete;
    // Keyboard and screen-reader users continue at the first new post, not back at the top.
    const item = this.renderRoot.querySelectorAll<HTMLElement>('[part~="item"]')[before];
    const target = item?.querySelector<HTMLElement>('a[href]') ?? item?.querySelector<HTMLElement>('h3');
    if (target && !target.matches('a[href]')) target.tabIndex = -1;
    target?.focus();
  };

  private renderPost({ story, title, excerpt, lang }: ShownPost, index: number) {
    const titleId = `post-${index}`;
    return html`<li part="item">
      <article aria-labelledby=${titleId}>
        <h3 part="title" id=${titleId} dir="auto" lang=${lang ?? nothing}>
          ${story.url ? this.renderLink(story.url, title) : title}
        </h3>
        ${excerpt ? html`<p part="excerpt" dir="auto" lang=${lang ?? nothing}>${excerpt}</p>` : nothing}
        ${this.renderTime(story.published)}
      </article>
    </li>`;
  }
}
