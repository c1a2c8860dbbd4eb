import { html, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Story } from '../../feed/story.js';
import { cutExcerpt } from '../../text/excerpt.js';
import { featuredStoryIds, onFeaturedChange } from '../shared/featured-registry.js';
import { isCatalogLoaded } from '../../i18n/messages.js';
import { headingLevel, renderHeading } from '../shared/heading.js';
import { renderImage } from '../shared/image-view.js';
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

export type RecentPostsLayout = 'list' | 'cards' | 'compact';
const layouts: readonly string[] = ['list', 'cards', 'compact'];

/** Past this many posts, posts out of view are not rendered until they near it (see the styles). */
const longListPosts = 20;

/** The skeleton shows `limit` placeholder posts, but no more than this (a `limit` of 1000 is no reason for 1000 boxes). */
const maxSkeletonPosts = 20;

/** `value` as a whole number of at least 0, else `fallback` (also for a removed attribute: lit reads it as null, which Number reads as 0). */
function nonNegativeInteger(value: unknown, fallback: number): number {
  const number = Math.floor(parseFloat(value as string));
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
 * @csspart heading - The heading above the list (`<h2>`, or the level `heading-level` sets).
 * @csspart list - The list of posts (`<ul>`).
 * @csspart item - One post (`<li>`).
 * @csspart title - A post's heading (`<h3>`, one level below the widget's), containing its link.
 * @csspart link - The link to a post.
 * @csspart image - A post's image (`cards` layout).
 * @csspart excerpt - A post's excerpt (not in the `compact` layout).
 * @csspart time - A post's time (`<time>`).
 * @csspart skeleton - The placeholder list shown while loading, the size of the loaded list.
 * @csspart footer - The box around the `footer` slot, present only when the slot has content.
 * @csspart announcement - The screen-reader-only live region that `announce` speaks through.
 * @csspart status - The loading and empty messages (the loading one is for screen readers: the skeleton shows it).
 * @csspart empty - The empty message (with `status`).
 * @csspart stale - The notice that the posts shown may be out of date (with `status`).
 * @csspart more-failed - The notice that "load more" failed; the button tries again (with `status`).
 * @csspart more - The "load more" button (it also has the part name `load-more`).
 * @csspart load-more - The "load more" button (the same as `more`).
 * @csspart error - The error box: `error-title`, `error-detail` and `retry` inside it.
 * @csspart error-title - The error's headline.
 * @csspart error-detail - What went wrong, in words.
 * @csspart retry - The button that loads the feed again.
 *
 * @cssproperty [--news-font-family=inherit] - Font of the widget.
 * @cssproperty [--news-heading-font-family=var(--news-font-family)] - Font of the headings and titles.
 * @cssproperty [--news-font-size=1em] - Base font size; every other size is relative to it.
 * @cssproperty [--news-heading-size=1.25em] - Size of the widget's heading.
 * @cssproperty [--news-title-size=1.0625em] - Size of post titles.
 * @cssproperty [--news-small-size=0.875em] - Size of times, meta lines and status text.
 * @cssproperty [--news-line-height=1.5] - Line height of the text.
 * @cssproperty [--news-text-color=currentColor] - Text colour (the theme's, with `theme`).
 * @cssproperty [--news-muted-color=currentColor at 72%] - Colour of times, labels and status text.
 * @cssproperty [--news-link-color=currentColor] - Colour of links.
 * @cssproperty [--news-link-hover-color=currentColor] - Colour of links under the pointer.
 * @cssproperty [--news-background=transparent] - Background of the widget.
 * @cssproperty [--news-surface=currentColor at 5%] - Background of cards, the skeleton, buttons and the error box.
 * @cssproperty [--news-border-color=currentColor at 22%] - Borders of cards, buttons and the error box.
 * @cssproperty [--news-focus-ring-color=currentColor] - Outline of the focused link or button.
 * @cssproperty [--news-gap=1em] - Space between posts, and around the list.
 * @cssproperty [--news-padding=0] - Space inside the widget's edge.
 * @cssproperty [--news-radius=0.5em] - Corner radius of cards, images and buttons.
 * @cssproperty [--news-image-aspect-ratio=16 / 9] - Shape of images; their box is reserved before they load.
 * @cssproperty [--news-title-lines=3] - Lines a title may take (more are cut with "…"); also the space reserved while loading.
 * @cssproperty [--news-excerpt-lines=3] - Lines an excerpt may take (more are cut); also the space reserved while loading.
 * @cssproperty [--news-card-min-width=15em] - Narrowest card in the `cards` layout; the grid fits as many columns as it can.
 *
 * @slot heading - Replaces the heading (put your own heading element in it, at the level your page needs).
 * @slot footer - Below the list: an "all news" link, say.
 * @slot - Shown until the element's script runs (a plain list of links, for example), then hidden.
 *
 * @event {FeedLoadEvent} feed-load - After posts from a feed were rendered; `event.detail.feed` is the normalized feed.
 * @event {FeedErrorEvent} feed-error - When the feed could not be loaded or read; `event.detail.error` is a `FeedError` with a `kind`.
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
    layout: {},
    announce: { type: Boolean },
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

  /** `list` (title, excerpt, time; the default), `cards` (a grid with images) or `compact` (title and time). */
  layout: RecentPostsLayout = 'list';

  /** Politely tells screen readers how many new posts a refresh brought ("2 new stories"). */
  announce = false;

  /** How many posts the last refresh added, for the live region. */
  #announcedCount = 0;
  /** How many refreshes were announced: each one's words go into a new text node (see #announcementText). */
  #announcements = 0;
  /** Ids of the posts shown after the last loaded feed, to tell new ones after a refresh. */
  #announcedIds?: Set<string>;
  #announcedFeed?: unknown;

  /** How many posts beyond `limit` "load more" has revealed. */
  private extraShown = 0;
  #hasMore = false;
  /** Loaded stories remain that are not shown yet. */
  #hiddenLoaded = false;
  #shownPosts: ShownPost[] = [];
  #stopWatchingFeatured?: () => void;

  /** The announce message is in the catalogs' time part: a widget that announces waits for it like for its words. */
  protected override get needsTimeMessages(): boolean {
    return this.announce;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopWatchingFeatured = onFeaturedChange(() => this.excludeFeatured && this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatchingFeatured?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const feed = this.shownFeed;
    const locale = this.locale.value;
    const limit = nonNegativeInteger(this.limit, 5);
    const offset = nonNegativeInteger(this.offset, 0);
    const excerptLength = Math.max(nonNegativeInteger(this.excerptLength, 160), 2);
    const compact = this.#shownLayout === 'compact';
    this.#shownPosts = [];
    const featured = this.excludeFeatured ? featuredStoryIds(this.feedKey) : undefined;
    const stories = featured?.size ? this.candidateStories.filter((story) => !featured.has(story.id)) : this.candidateStories;
    if (changed.has('src') || changed.has('feed') || changed.has('tags')) this.extraShown = 0;
    const wanted = limit + (this.loadMore ? this.extraShown : 0);
    let next = offset;
    for (; next < stories.length && this.#shownPosts.length < wanted; next++) {
      const story = stories[next]!;
      const text = storyPlainText(story);
      const title = story.title ?? (text ? cutExcerpt(text, untitledTitleLength, locale) : undefined);
      if (!title) continue; // nothing to show for it
      // Only what is shown is cut and formatted: the compact layout has no excerpts at all.
      const excerpt = !compact && story.title && text ? cutExcerpt(text, excerptLength, locale) : undefined;
      this.#shownPosts.push({ story, title, excerpt, lang: contentLang(story, feed!, locale, this.locale.pageLang) });
    }
    this.#hiddenLoaded = next < stories.length;
    this.#hasMore = this.loadMore && this.#shownPosts.length > 0 && (this.#hiddenLoaded || Boolean(feed?.nextUrl));
    // Turned on after connecting: the locale controller now loads the time part too (needsTimeMessages).
    if (changed.has('announce') && this.announce && this.hasUpdated) this.locale.refresh();
    this.#updateAnnouncement(feed);
    this.clock.watch(
      this.#shownPosts.map((post) => post.story.published),
      this.timeOptions,
    );
  }

  /**
   * With `announce`, counts the posts a newly loaded feed shows that the previous one did not, for
   * the live region. The first load is not announced (`aria-busy` covers it), nor are posts that
   * "load more" reveals (focus moves to them).
   */
  #updateAnnouncement(feed: unknown): void {
    if (feed === this.#announcedFeed) return;
    const ids = new Set(this.#shownPosts.map((post) => post.story.id));
    const before = this.#announcedIds;
    this.#announcedFeed = feed;
    this.#announcedIds = feed ? ids : undefined;
    if (!this.announce || !before || !feed) return;
    const added = [...ids].filter((id) => !before.has(id)).length;
    if (added) {
      this.#announcedCount = added;
      this.#announcements++;
    }
  }

  // Typed as lit's: an inferred type names lit-html in the published declarations (see featured-story).
  protected override render(): TemplateResult {
    const loading = this.loader.state === 'loading';
    const level = headingLevel(this.headingLevel, 2);
    const layout = this.#shownLayout;
    // An empty `heading` hides the default words from view, not from screen readers.
    const heading = this.heading?.trim();
    const slottedHeading = this.hasSlotted('heading');
    return html`<section
      part="base"
      class="${layout}${this.#shownPosts.length > longListPosts ? ' long' : ''}"
      lang=${this.locale.value}
      dir=${this.locale.direction ?? nothing}
      aria-labelledby=${slottedHeading ? nothing : 'heading'}
      aria-busy=${loading ? 'true' : 'false'}
    >
      <slot name="heading" @slotchange=${this.readSlotted}
        >${renderHeading(level, { part: 'heading', id: 'heading', className: heading === '' ? 'visually-hidden' : undefined }, heading || this.message('recentPostsHeading'))}</slot
      >
      ${this.#shownPosts.length
        ? html`<ul part="list" role="list">
              ${this.#shownPosts.map((post, index) => this.#renderPost(post, index, Math.min(level + 1, 6), layout))}
            </ul>
            ${this.#hasMore
              ? html`<button part="more load-more" type="button" aria-busy=${this.loader.loadingMore ? 'true' : 'false'} @click=${this.#showMore}>
                  ${this.message('loadMore')}
                </button>`
              : nothing}
            ${this.renderStatus(true)}`
        : html`${loading ? this.#renderSkeleton(layout) : nothing}${this.renderStatus(false)}`}
      ${this.announce ? html`<p part="announcement" class="visually-hidden" role="status" aria-live="polite">${this.#announcementText()}</p>` : nothing}
      ${this.renderFooter()}
    </section>`;
  }

  /**
   * What the live region says. Its message is in the catalog's time part, which this widget loads
   * itself: until it is in, nothing (a word of another language would be worse); the catalog's
   * arrival re-renders every widget, and the region then speaks. The same words as the last
   * announcement ("1 new story" twice) would leave the region unchanged, and unspoken: every other
   * announcement is rendered as a list, for which lit replaces the text node instead of keeping it.
   */
  #announcementText(): string | string[] {
    const locale = this.locale.value;
    const text = this.#announcedCount && isCatalogLoaded(locale, ['core', 'time']) ? this.message('newStories', { count: this.#announcedCount }) : '';
    return this.#announcements % 2 ? [text] : text;
  }

  /** Placeholder posts of the loaded posts' size: `limit` of them, in the same layout, so nothing below moves when they arrive. */
  #renderSkeleton(layout: RecentPostsLayout) {
    const count = Math.min(nonNegativeInteger(this.limit, 5), maxSkeletonPosts);
    const item = html`<li class="post">
      ${layout === 'cards' ? html`<div class="image-frame"></div>` : nothing}
      <div class="text">
        <span class="bar title-bar"></span>
        ${layout === 'compact' ? nothing : html`<span class="bar"></span><span class="bar"></span>`}
        <span class="bar time-bar"></span>
      </div>
    </li>`;
    return html`<ul part="skeleton" aria-hidden="true">
      ${Array(count).fill(item) /* not Array.from, which old libraries replace (see excerpt.ts) */}
    </ul>`;
  }

  /** Reveals `limit` more posts (fetching the next page when all loaded ones are shown) and focuses the first new one. */
  readonly #showMore = async ({ currentTarget }: Event) => {
    const button = currentTarget as HTMLElement;
    const before = this.#shownPosts.length;
    if (this.#hiddenLoaded || (await this.loader.loadMore())) this.extraShown += nonNegativeInteger(this.limit, 5) || 1;
    await this.updateComplete;
    // Keyboard and screen-reader users continue at the first new post, not back at the top. When
    // there is none (the last page held only posts already shown, or none this widget shows) and the
    // button went with the next page, the focus it had would fall to the page's <body>: it goes to
    // the last post instead. A button still there (a failed page) keeps it.
    const titles = this.renderRoot.querySelectorAll<HTMLElement>('[part~="title"]');
    const title = titles[before] ?? (button.isConnected ? undefined : titles[titles.length - 1]);
    const link = title?.querySelector('a');
    if (title && !link) title.tabIndex = -1;
    (link ?? title)?.focus();
  };

  /** The layout to render: the attribute's value if it is one we have, else `list`. */
  get #shownLayout(): RecentPostsLayout {
    return (layouts.includes(this.layout) ? this.layout : 'list') as RecentPostsLayout;
  }

  #renderPost({ story, title, excerpt, lang }: ShownPost, index: number, level: number, layout: RecentPostsLayout) {
    const titleId = `post-${index}`;
    const titleText = html`<span class="clamp-title">${title}</span>`;
    return html`<li part="item" class="post">
      <article aria-labelledby=${titleId}>
        ${layout === 'cards' ? renderImage(story, 'card') : nothing}
        <div class="text">
          ${renderHeading(
            level,
            { part: 'title', id: titleId, dir: 'auto', lang },
            story.url ? this.renderLink(story.url, title, 'clamp-title') : titleText,
          )}
          ${excerpt ? html`<p part="excerpt" class="clamp" dir="auto" lang=${lang ?? nothing}>${excerpt}</p>` : nothing}
          ${this.renderTime(story.published)}
        </div>
      </article>
    </li>`;
  }
}
