import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { Story } from '../../feed/story.js';
import { sanitizeHtml } from '../../sanitize/sanitizer.js';
import { cutExcerpt } from '../../text/excerpt.js';
import { formatList } from '../../i18n/list.js';
import { setFeaturedStory } from '../shared/featured-registry.js';
import { formatMessageToParts } from '../../i18n/messages.js';
import { NewsElement } from '../shared/news-element.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { contentLang, storyPlainText } from '../shared/story-text.js';
import { featuredStoryStyles } from './featured-story.styles.js';

interface ShownStory {
  story: Story;
  title: string;
  /** Sanitized nodes of the body; kept between renders so lit never re-inserts them. */
  body: Node[];
  lang?: string;
}

/**
 * The story of the day: label, linked title, image, the whole body, author(s), source and time.
 *
 * @summary The featured story of a news feed (JSON Feed).
 * @tagname featured-story
 *
 * @csspart base - The story (`<article>`).
 * @csspart label - The label above the title ("Тема дня", "Story of the day").
 * @csspart title - The story's heading (`<h2>`), containing its link.
 * @csspart link - The link to the story's page.
 * @csspart image - The story's image.
 * @csspart body - The story's body: sanitized HTML from the feed, or its text as paragraphs.
 * @csspart meta - The line with source, author and time.
 * @csspart source - The feed's title, as the publisher of the story (the localized "Source:" stays outside the part).
 * @csspart author - The story's author(s) (the localized "By" stays outside the part).
 * @csspart time - The story's time (`<time>`).
 * @csspart status - The loading and empty messages.
 * @csspart empty - The empty message (with `status`).
 * @csspart stale - The notice that the story shown may be out of date (with `status`).
 * @csspart error - The error box: `error-title`, `error-detail` and `retry` inside it.
 * @csspart error-title - The error's headline.
 * @csspart error-detail - What went wrong, in words.
 * @csspart retry - The button that loads the feed again.
 *
 * @cssproperty [--news-font-family=inherit] - Font of the widget.
 * @cssproperty [--news-text-color=inherit] - Text colour.
 * @cssproperty [--news-muted-color=currentColor at 72%] - Colour of the label, times and status text.
 * @cssproperty [--news-link-color=inherit] - Colour of links.
 * @cssproperty [--news-background=transparent] - Background of the widget.
 *
 * @event feed-load - After the story from a feed was rendered; `event.detail.feed` is the normalized feed.
 * @event feed-error - When the feed could not be loaded or read; `event.detail.error` is a `FeedError` with a `kind`.
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

  private shown?: ShownStory;
  protected override readonly rendersStoryHtml = true;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const feed = this.shownFeed;
    const story = this.pickStory();
    if (!feed || !story) {
      this.shown = undefined;
    } else if (story !== this.shown?.story || changed.has('itemId') || changed.has('linkTarget')) {
      const text = storyPlainText(story);
      this.shown = {
        story,
        title: story.title ?? cutExcerpt(text, 80, this.locale.value),
        body: story.contentHtml
          ? Array.from(sanitizeHtml(story.contentHtml, story.url ?? this.ownerDocument.baseURI, this.linkTarget).childNodes)
          : [],
        lang: contentLang(story, feed, this.locale.value),
      };
    } else {
      this.shown.lang = contentLang(story, feed, this.locale.value);
    }
    this.clock.watch([this.shown?.story.published], this.timeOptions);
  }

  /** `item-id` if it names a story, else the story the feed marks as featured, else the newest (among `tags`). */
  private pickStory(): Story | undefined {
    const candidates = this.candidateStories;
    if (this.itemId) {
      const named = this.shownFeed?.stories.find((story) => story.id === this.itemId);
      if (named) return named;
      if (candidates.length) console.warn(`<${this.localName}>: no story with id "${this.itemId}" in the feed; showing another.`);
    }
    return candidates.find((story) => story.featured) ?? candidates[0];
  }

  protected override updated(): void {
    // Tell <recent-posts exclude-featured> of the same feed which story is shown here.
    setFeaturedStory(this, this.feedKey, this.shown?.story.id);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    setFeaturedStory(this, undefined, undefined);
  }

  protected override render() {
    const locale = this.locale.value;
    const label = this.label ?? this.message('featuredStoryLabel');
    const labelView = html`<p part="label" class=${label ? '' : 'visually-hidden'}>${label || this.message('featuredStoryLabel')}</p>`;
    if (!this.shown) {
      return html`<section part="base" lang=${locale} dir=${this.locale.direction ?? nothing} aria-busy=${this.loader.state === 'loading' ? 'true' : 'false'}>
        ${labelView} ${this.renderStatus(false)}
      </section>`;
    }
    const { story, title, body, lang } = this.shown;
    const source = this.shownFeed?.title;
    return html`<article part="base" lang=${locale} dir=${this.locale.direction ?? nothing} aria-labelledby="title">
      ${labelView}
      <h2 part="title" id="title" dir="auto" lang=${lang ?? nothing}>
        ${story.url ? this.renderLink(story.url, title) : title}
      </h2>
      ${story.image ? html`<img part="image" src=${story.image} alt="" loading="lazy" decoding="async" />` : nothing}
      <div part="body" dir="auto" lang=${lang ?? nothing}>${body.length ? body : this.renderTextBody(story)}</div>
      <p part="meta">
        ${source
          ? html`<span class="byline">${formatMessageToParts(locale, 'source', { source: html`<span part="source" dir="auto">${source}</span>` })}</span>`
          : nothing}
        ${story.authors.length
          ? html`<span class="byline">${formatMessageToParts(locale, 'byAuthors', {
              authors: html`<span part="author" dir="auto">${formatList(locale, story.authors.map((author) => author.name))}</span>`,
            })}</span>`
          : nothing}
        ${this.renderTime(story.published)}
      </p>
      ${this.renderStatus(true)}
    </article>`;
  }

  /** A text-only story's paragraphs (blank lines separate them), else its summary. */
  private renderTextBody(story: Story) {
    const text = story.contentText ?? story.summary ?? '';
    return text
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter(Boolean)
      .map((paragraph) => html`<p>${paragraph}</p>`);
  }
}
