import { html, isServer, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Feed, Story } from '../../feed/story.js';
import { loadSanitizer, sanitizeHtml, sanitizeHtmlToString } from '../../sanitize/sanitizer.js';
import { cutExcerpt } from '../../text/excerpt.js';
import { formatList } from '../../i18n/list.js';
import { setFeaturedStory } from '../shared/featured-registry.js';
import { formatMessageToParts } from '../../i18n/messages.js';
import { headingLevel, renderHeading } from '../shared/heading.js';
import { renderImage } from '../shared/image-view.js';
import { NewsElement } from '../shared/news-element.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { contentLang, storyPlainText } from '../shared/story-text.js';
import { featuredStoryStyles } from './featured-story.styles.js';
import { renderSanitizedHtml } from './server-body.js';

/**
 * A sanitized body's nodes, or none when nothing in them would show (a post that only embeds a video
 * leaves empty tags once its frame is removed): the story's text or summary is shown instead.
 */
const shownNodes = (body: DocumentFragment): Node[] => (body.textContent!.trim() || body.querySelector('img[src]') ? [...body.childNodes] : []);

interface ShownStory {
  story: Story;
  title: string;
  /**
   * Sanitized nodes of the body; kept between renders so lit never re-inserts them. On a server
   * (lit SSR has no DOM nodes to render) the sanitized HTML as a string (see server-body.ts).
   */
  body: Node[] | string;
  /** The title's heading level; the body's sub-headings are nested below it. */
  level: number;
}

/**
 * The story of the day: label, linked title, image, the whole body, author(s), source and time.
 *
 * @summary The featured story of a news feed (JSON Feed).
 * @tagname featured-story
 *
 * @csspart base - The story (`<article>`; a `<section>` while loading or after an error).
 * @csspart label - The label above the title ("Тема дня", "Story of the day").
 * @csspart title - The story's heading (`<h2>`, or the level `heading-level` sets), containing its link.
 * @csspart link - The link to the story's page.
 * @csspart image - The story's image.
 * @csspart body - The story's body: sanitized HTML from the feed, or its text as paragraphs.
 * @csspart meta - The line with source, author and time.
 * @csspart source - The feed's title, as the publisher of the story (the localized "Source:" stays outside the part).
 * @csspart author - The story's author(s) (the localized "By" stays outside the part).
 * @csspart time - The story's time (`<time>`).
 * @csspart skeleton - The placeholder shown while loading; it keeps reserving its space afterwards, so the story never makes the page below it jump up or down by less than its size.
 * @csspart footer - The box around the `footer` slot, present only when the slot has content.
 * @csspart status - The loading and empty messages (the loading one is for screen readers: the skeleton shows it).
 * @csspart empty - The empty message (with `status`).
 * @csspart stale - The notice that the story shown may be out of date (with `status`).
 * @csspart error - The error box: `error-title`, `error-detail` and `retry` inside it.
 * @csspart error-title - The error's headline.
 * @csspart error-detail - What went wrong, in words.
 * @csspart retry - The button that loads the feed again.
 *
 * @cssproperty [--news-font-family=inherit] - Font of the widget.
 * @cssproperty [--news-heading-font-family=var(--news-font-family)] - Font of the headings and titles.
 * @cssproperty [--news-font-size=1em] - Base font size; every other size is relative to it.
 * @cssproperty [--news-title-size=1.75em] - Size of the story's title.
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
 * @cssproperty [--news-gap=1em] - Space between the image and the text, and between parts.
 * @cssproperty [--news-padding=0] - Space inside the widget's edge.
 * @cssproperty [--news-radius=0.5em] - Corner radius of cards, images and buttons.
 * @cssproperty [--news-image-aspect-ratio=16 / 9] - Shape of images; their box is reserved before they load.
 * @cssproperty [--news-title-lines=4] - Lines a title may take (more are cut with "…"); also the space reserved while loading.
 * @cssproperty [--news-body-lines=none] - Lines of the body to show (cut beyond); set it for a story of a fixed height.
 *
 * @slot label - Replaces the label.
 * @slot footer - Below the story: an "all news" link, say.
 * @slot - Shown until the element's script runs (a link to the story, for example), then hidden.
 *
 * @event {FeedLoadEvent} feed-load - After the story from a feed was rendered; `event.detail.feed` is the normalized feed.
 * @event {FeedErrorEvent} feed-error - When the feed could not be loaded or read; `event.detail.error` is a `FeedError` with a `kind`.
 */
export class FeaturedStoryElement extends NewsElement {
  static override readonly defaultTagName = 'featured-story';
  static override styles = [sharedStyles, featuredStoryStyles];
  static override properties: PropertyDeclarations = {
    itemId: { attribute: 'item-id' },
    label: {},
  };

  /** The `id` of the story to feature. Without it: the story the feed marks as featured, else the newest. */
  declare itemId?: string;

  /** Replaces the label's text ("Тема дня"); an empty value hides it from view but not from screen readers. */
  declare label?: string;

  #shown?: ShownStory;
  /** The skeleton was shown: it stays (invisible) to hold its space, so the story's arrival moves nothing below. */
  #hadSkeleton = false;

  /**
   * A story with an HTML body is shown once the sanitizer is loaded (fetched only for such feeds).
   * If it cannot be loaded (the CDN failed), the story is shown all the same, with its text as body.
   */
  protected override prepareFeed(feed: Feed): Promise<unknown> | undefined {
    return feed.stories.some((story) => story.contentHtml) ? loadSanitizer().catch(() => {}) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const story = this.#pickStory(); // none without a feed
    if (!story) {
      this.#shown = undefined;
    } else if (story !== this.#shown?.story || (['itemId', 'linkTarget', 'headingLevel'] as const).some((name) => changed.has(name))) {
      const level = headingLevel(this.headingLevel, 2);
      // Relative URLs in the body resolve against the story's page, else the feed's (a feed from
      // another site means that site), and only failing both against this page (in the browser).
      const base = story.url ?? this.feedKey;
      this.#shown = {
        story,
        title: story.title ?? cutExcerpt(storyPlainText(story), 80, this.locale.value),
        body: !story.contentHtml
          ? []
          : isServer
            ? sanitizeHtmlToString(story.contentHtml, base, this.linkTarget, level, story.image)
            : shownNodes(sanitizeHtml(story.contentHtml, base ?? this.ownerDocument.baseURI, this.linkTarget, level, story.image)),
        level,
      };
    }
    // A skeleton rendered while the server's DOM stayed on screen was never seen: it holds no space.
    if (this.loader.state === 'loading' && !this.#shown && !this.renderingOffscreen) this.#hadSkeleton = true;
    this.clock.watch([this.#shown?.story.published], this.timeOptions);
  }

  /**
   * `item-id` if it names a story, else the story the feed marks as featured, else the newest (among
   * `tags`). A story with neither a title nor text to make one of (a bare photo post, which
   * recent-posts passes over) never hides one that has them; alone in the feed, it is shown without
   * a heading, never with an empty heading and an empty link.
   */
  #pickStory(): Story | undefined {
    const candidates = this.candidateStories;
    const titled = (story: Story) => story.title || storyPlainText(story);
    if (this.itemId) {
      const named = this.shownFeed?.stories.find((story) => story.id === this.itemId);
      if (named && titled(named)) return named;
      if (candidates.length) console.warn(`<${this.localName}>: no story with id "${this.itemId}" in the feed; showing another.`);
    }
    return candidates.find((story) => story.featured && titled(story)) ?? candidates.find(titled) ?? candidates.find((story) => story.featured) ?? candidates[0];
  }

  protected override updated(): void {
    // Tell <recent-posts exclude-featured> of the same feed which story is shown here.
    setFeaturedStory(this, this.feedKey, this.#shown?.story.id);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    setFeaturedStory(this, undefined, undefined);
  }

  // Return types of the class's methods are written out: an inferred one names lit-html in the
  // published declarations, a package a strict install does not put beside ours.
  protected override render(): TemplateResult {
    const locale = this.locale.value;
    const loading = this.loader.state === 'loading';
    // An empty label is hidden from view only: screen readers still say the default one.
    const label = this.label?.trim();
    const labelView = html`<slot name="label" @slotchange=${this.readSlotted}
      ><p part="label" class=${label === '' ? 'visually-hidden' : ''}>${label || this.message('featuredStoryLabel')}</p></slot
    >`;
    // The skeleton and the story share one grid cell: the cell is as tall as the taller of them, so
    // the story's arrival moves nothing below it unless it is longer than the space reserved.
    const skeleton = html`<div part="skeleton" class="story has-image ${loading && !this.#shown ? '' : 'spent'}" aria-hidden="true">
      <p class="label-space">&nbsp;</p>
      <div class="title-space"><span class="bar title-bar"></span><span class="bar title-bar"></span></div>
      <div class="image-frame"></div>
      <div class="body-space"><span class="bar"></span><span class="bar"></span><span class="bar"></span></div>
      <p class="meta-space"><span class="bar"></span></p>
    </div>`;
    if (!this.#shown) {
      // aria-busy: lit writes the boolean as "true" or "false".
      return html`<div class="stack">
        <section part="base" class="story ${loading ? 'has-image' : ''}" lang=${locale} dir=${this.locale.direction ?? nothing} aria-busy=${loading}>
          ${labelView} ${this.renderStatus(false)} ${this.renderFooter()}
        </section>
        ${loading ? skeleton : nothing}
      </div>`;
    }
    const { story, title, body, level } = this.#shown;
    const feed = this.shownFeed!; // a story is shown only from a feed
    const lang = contentLang(story, feed, locale, this.locale.pageLang);
    const source = feed.title;
    return html`<div class="stack">
      <article part="base" class="story ${story.image ? 'has-image' : ''}" lang=${locale} dir=${this.locale.direction ?? nothing} aria-labelledby=${title ? 'title' : nothing}>
        ${labelView}
        ${title
          ? renderHeading(
              level,
              { part: 'title', id: 'title', dir: 'auto', lang },
              story.url ? this.renderLink(story.url, title, 'clamp-title') : html`<span class="clamp-title">${title}</span>`,
            )
          : nothing}
        ${renderImage(story, 'featured')}
        <div part="body" dir="auto" lang=${lang ?? nothing}>${body.length ? (isServer ? renderSanitizedHtml(body as string) : body) : this.#renderTextBody(story)}</div>
        <p part="meta">
          ${source
            ? html`<span class="byline">${formatMessageToParts(locale, 'source', { source: html`<span part="source" dir="auto">${source}</span>` })}</span>`
            : nothing}
          ${story.authors.length
            ? html`<span class="byline">${formatMessageToParts(locale, 'byAuthors', {
                authors: html`<span part="author" dir="auto">${formatList(this.locale.intlLocale, story.authors.map((author) => author.name))}</span>`,
              })}</span>`
            : nothing}
          ${this.renderTime(story.published)}
        </p>
        ${this.renderStatus(true)} ${this.renderFooter()}
      </article>
      ${this.#hadSkeleton ? skeleton : nothing}
    </div>`;
  }

  /** A text-only story's paragraphs (blank lines separate them), else its summary, else the text of its HTML (no sanitizer). */
  #renderTextBody(story: Story) {
    const text = story.contentText ?? story.summary ?? storyPlainText(story);
    return text
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter(Boolean)
      .map((paragraph) => html`<p>${paragraph}</p>`);
  }
}
