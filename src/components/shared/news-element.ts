/**
 * What both widgets share: the `src`/`feed` inputs, the locale, the clock, loading and the states
 * a feed can be in (loading, empty, error). Subclasses render the content. `render()` in the
 * subclasses reads only properties and controller state (no DOM calls), so the same element can be
 * rendered on a server.
 */
import { adoptStyles, html, isServer, LitElement, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { FeedError } from '../../feed/feed-error.js';
import { defaultTimeout } from '../../feed/request.js';
import { inlineFeedText } from './inline-feed.js';
import type { Feed, Story } from '../../feed/story.js';
import type { FeedTransform } from '../../feed/feed-detect.js';
import { formatMessage, type MessageKey, type MessageValues } from '../../i18n/messages.js';
import { ClockController } from './clock-controller.js';
import { FeedErrorEvent, FeedLoadEvent } from './events.js';
import { FeedController } from './feed-controller.js';
import { LocaleController } from './locale-controller.js';
import { stopWatchingViewport, whenNearViewport } from './viewport.js';
import { renderTime } from './time-view.js';
import { parseDuration } from '../../time/duration.js';
import { defaultThresholdMs, type TimeOptions } from '../../time/relative-time.js';

const errorMessages: Record<FeedError['kind'], MessageKey> = {
  network: 'errorNetwork',
  blocked: 'errorBlocked',
  timeout: 'errorTimeout',
  http: 'errorHttp',
  parse: 'errorParse',
  format: 'errorFormat',
};

/**
 * The base class of both widgets; not registered itself.
 *
 * @attr {string} lang - BCP 47 language of the widget's words; without it, the closest ancestor's `lang`, then `<html lang>`.
 * @prop {string} lang - The standard `lang` property, reflecting the attribute.
 * @attr {string} time-zone - IANA time zone for calendar days, dates and tooltips; read from the element or its closest ancestor with the attribute.
 */
export abstract class NewsElement extends LitElement {
  /** The tag name `define()` registers when given none. */
  static readonly defaultTagName: string;

  /**
   * Registers this element class under `tagName` (its default tag when omitted) in `registry`
   * (the page's by default). Safe to call twice; registering under a second name uses a subclass,
   * since a custom element constructor can only be defined once per registry.
   */
  static define(this: typeof NewsElement & CustomElementConstructor, tagName = this.defaultTagName, registry: CustomElementRegistry = customElements): void {
    if (registry.get(tagName)) return;
    try {
      registry.define(tagName, this);
    } catch {
      // This class already has another name in this registry: a subclass can take the new one.
      // (An invalid tag name throws again here, as it should.)
      registry.define(tagName, class extends (this as unknown as typeof LitElement) {});
    }
  }

  static override properties: PropertyDeclarations = {
    src: {},
    feed: { attribute: false },
    timeout: { type: Number },
    threshold: {},
    tags: {},
    format: {},
    credentials: {},
    refresh: { type: Number },
    linkTarget: { attribute: 'link-target' },
    transform: { attribute: false },
    theme: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    slottedNames: { state: true },
    loading: {},
  };

  /** Feed URL, resolved against the page. Changing it loads the new feed. */
  declare src?: string;

  /** An already-parsed feed object (JSON Feed), rendered without fetching. Takes precedence over `src`. */
  declare feed?: unknown;

  /** Milliseconds to wait for the feed's server before showing an error; `Infinity` waits as long as it takes. */
  timeout = defaultTimeout;

  /** ISO 8601 duration past which times show a date instead of a relative time. */
  threshold = 'P7D';

  /** Comma-separated tags: only stories carrying one of them are shown (case-insensitive). */
  declare tags?: string;

  /** Forces the feed format (`json-feed`, `wordpress`, `rss`, `atom`) instead of detecting it. */
  declare format?: string;

  /** Seconds between checks of `src` for new stories (paused while the page is hidden); none by default. */
  declare refresh?: number;

  /** Where links open (`_blank` for a new tab); links that open elsewhere carry `rel="noopener noreferrer"`. */
  declare linkTarget?: string;

  /** `include` sends cookies with the feed request; without it, none are sent. */
  declare credentials?: 'omit' | 'same-origin' | 'include';

  /** Maps any other JSON shape to JSON Feed items (or a whole JSON Feed), for custom APIs. */
  declare transform?: FeedTransform;

  /**
   * Colour scheme: `light`, `dark`, or `auto` (follows the visitor's `prefers-color-scheme`). Without
   * it the widget takes the page's own text colour and background.
   */
  declare theme?: 'light' | 'dark' | 'auto';

  /** Level (1–6) of the widget's heading; headings inside it are one level deeper. Default 2. */
  declare headingLevel?: number;

  /** Names of the slots that have content, so empty ones render no box. */
  private slottedNames: ReadonlySet<string> = new Set();

  /**
   * Server-rendered HTML (news-widgets/server) arrives as a declarative shadow root that already shows
   * the widget. lit would render its own DOM next to it (lit reuses an existing shadow root, expecting
   * its hydration module). Instead, while the element has nothing to show yet, it renders into a
   * detached fragment and the server DOM stays on screen; the first render with content (or with an
   * error or the empty state) is swapped in right after lit commits it, in the same microtask, so no
   * frame paints in between: no flash, and no layout shift, since both DOMs come from the same
   * template and CSS. With a printed feed that is the very first render, in the task that defines
   * the element.
   *
   * Why not lit's real hydration (@lit-labs/ssr-client): its support module must load before lit on
   * every page (bytes against the size budget), and it requires the first client render to equal the
   * server's, which ours never does on purpose (live relative times instead of dates, the body as
   * nodes instead of an HTML string). Replacing the DOM once costs nothing measurable for a widget.
   */
  #serverRoot?: ShadowRoot;

  /** True while renders go to the detached fragment, the server's DOM still on screen (see above). */
  protected get renderingOffscreen(): boolean {
    return this.#serverRoot !== undefined;
  }

  /**
   * The retry button had focus when pressed. It goes with the error state, which would leave a
   * keyboard user on the page's <body>: once the outcome is rendered, focus moves to the new retry
   * button if the load failed again, else to the first story's link; a feed without links gives it
   * to the first story's title, an empty one to the message saying so (both made focusable by script
   * only, so Tab does not stop on them).
   */
  #refocus = false;

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed); // lit has committed this render to the render root
    if (this.#refocus && this.loader.state != 'loading') {
      this.#refocus = false;
      const root = this.renderRoot as ParentNode;
      let target = root.querySelector<HTMLElement>('[part~=retry],[part~=link]');
      if (!target && (target = root.querySelector('[part~=title],[part~=empty]'))) target.tabIndex = -1;
      target?.focus();
    }
    const root = this.#serverRoot;
    if (root && this.loader.state !== 'loading') {
      this.#serverRoot = undefined;
      adoptStyles(root, (this.constructor as typeof LitElement).elementStyles);
      root.replaceChildren(this.renderRoot); // the fragment's nodes, and lit's parts with them
      (this as { renderRoot: HTMLElement | DocumentFragment }).renderRoot = root;
    }
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const existing = this.shadowRoot;
    if (!isServer && existing?.firstChild && !this.hasUpdated) {
      this.#serverRoot = existing;
      return document.createDocumentFragment();
    }
    return super.createRenderRoot();
  }

  /** `lazy` waits to fetch the feed, or to read a feed given as data, until the widget nears the viewport (for widgets far down a page); `eager` by default. */
  declare loading?: 'eager' | 'lazy';

  /**
   * What a loaded feed needs before it is shown (a widget that shows a story's HTML body loads the
   * sanitizer then, so the body never appears late); nothing by default.
   */
  protected prepareFeed(_feed: Feed): Promise<unknown> | undefined {
    return undefined;
  }

  protected readonly locale = new LocaleController(this, () => this.needsTimeMessages);

  /** Whether the widget says messages of the catalogs' time part even where Intl has the language. */
  protected get needsTimeMessages(): boolean {
    return false;
  }
  protected readonly clock = new ClockController(this);
  protected readonly loader = new FeedController(this, {
    onSettled: (outcome) => {
      const warn = (text: string) => console.warn(`<${this.localName}>: ${text}`);
      if ('feed' in outcome) {
        const { stories, skipped, unread } = outcome.feed;
        if (skipped) warn(`${skipped} feed item(s) were skipped (no id, a duplicate id, or not an object).`);
        if (unread) warn(`the feed has ${stories.length + skipped + unread} items; only the newest ${stories.length + skipped} were read.`);
        this.dispatchEvent(new FeedLoadEvent(outcome.feed));
      } else {
        warn(`the feed could not be shown (${outcome.error.kind}): ${outcome.error.message}`);
        this.dispatchEvent(new FeedErrorEvent(outcome.error));
      }
    },
    prepare: (feed) => this.prepareFeed(feed),
  });

  /** Re-reads which named slots the page filled (the `slotchange` handler of every slot). */
  protected readonly readSlotted = (): void => {
    const names = new Set<string>();
    for (const child of this.children) if (child.slot) names.add(child.slot);
    if ([...names].join() !== [...this.slottedNames].join()) this.slottedNames = names;
  };

  /** Whether the page put content into the slot `name`. */
  protected hasSlotted(name: string): boolean {
    return this.slottedNames.has(name);
  }

  /** The `footer` slot, in a box only when it has content (an "all news" link, say). */
  protected renderFooter() {
    return html`<div part="footer" ?hidden=${!this.hasSlotted('footer')}><slot name="footer" @slotchange=${this.readSlotted}></slot></div>`;
  }

  #nearViewport = false;

  override connectedCallback(): void {
    this.#deferUntilNearViewport(); // before the controllers connect, so a deferred feed is not fetched
    super.connectedCallback();
    if (!isServer) this.readSlotted();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    stopWatchingViewport(this);
  }

  /** `loading="lazy"`: the feed waits until the widget nears the viewport. */
  #deferUntilNearViewport(): void {
    if (this.loading !== 'lazy' || this.#nearViewport) {
      stopWatchingViewport(this);
      this.loader.start();
      return;
    }
    this.loader.deferred = true;
    if (this.isConnected) {
      whenNearViewport(this, () => {
        this.#nearViewport = true;
        this.loader.start();
      });
    }
  }

  /** Also waits for code loaded on demand (the locale's words, a feed reader, the sanitizer) and the render after it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (let waiting = this.locale.pending ?? this.loader.pending; waiting; waiting = this.locale.pending ?? this.loader.pending) {
      await waiting;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /**
   * Until the words of its locale are loaded the widget renders nothing, rather than words of
   * another language that would be replaced a moment later; its feed loads meanwhile.
   */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (this.locale.ready) return true;
    this.#readInputs(changed);
    // Resolved only now, after the feed's request went out: the first Intl formatter of a page loads
    // the browser's locale data, tens of milliseconds on a cold page, better spent while the request
    // is on its way. Words already here (English, or loaded by another widget) render in this update;
    // words on their way resolve the locale again when they arrive.
    if (!this.locale.pending) this.locale.refresh();
    return this.locale.ready;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (isServer) this.locale.resolveFromOwnAttributes();
    this.#readInputs(changed);
  }

  #inputsRead = false;

  /** Applies changed inputs to the controllers: the feed source, the tags. */
  #readInputs(changed: PropertyValues<this>): void {
    const first = !this.#inputsRead;
    this.#inputsRead = true;
    if (changed.has('loading')) this.#deferUntilNearViewport();
    const sourceChanged = ['src', 'feed', 'timeout', 'format', 'credentials', 'transform', 'refresh'].some((name) => (changed as Map<PropertyKey, unknown>).has(name));
    if (first || sourceChanged) {
      this.loader.setSource({
        src: this.src,
        feed: this.feed,
        inline: isServer ? undefined : inlineFeedText(this), // a server renders from the `feed` property: no children to read
        timeout: this.timeout,
        refresh: this.refresh, // the store polls only for a positive number of seconds
        credentials: this.credentials === 'include' || this.credentials === 'same-origin' ? this.credentials : 'omit',
        format: this.format,
        transform: this.transform,
        baseUrl: this.ownerDocument?.baseURI,
      });
    }
    if (first || changed.has('tags')) {
      const wanted = (this.tags ?? '').split(',').map((tag) => tag.trim().toLowerCase()).filter(Boolean);
      this.#wantedTags = wanted.length ? new Set(wanted) : undefined;
    }
  }

  #wantedTags?: Set<string>;
  #filtered?: { stories: Story[]; tags?: Set<string>; result: Story[] };

  /** The feed's stories this widget may show: all of them, or those carrying one of its `tags`. */
  protected get candidateStories(): Story[] {
    const stories = this.shownFeed?.stories ?? [];
    const wanted = this.#wantedTags;
    if (!wanted) return stories;
    // Filtered once per feed and tag set, not on every clock tick.
    if (this.#filtered?.stories !== stories || this.#filtered.tags !== wanted) {
      this.#filtered = { stories, tags: wanted, result: stories.filter((story) => story.tags.some((tag) => wanted.has(tag.toLowerCase()))) };
    }
    return this.#filtered.result;
  }

  /** The absolute URL of the fetched `src`, the key under which widgets of the same feed find each other. */
  protected get feedKey(): string | undefined {
    return this.loader.url;
  }

  /** How times read: the threshold, and the time zone inherited from a `time-zone` attribute. */
  protected get timeOptions(): TimeOptions {
    return { thresholdMs: parseDuration(this.threshold) ?? defaultThresholdMs, timeZone: this.locale.timeZone };
  }

  /** A story's `<time>` element, current to the shared clock. */
  protected renderTime(date: Date | undefined) {
    return renderTime(date, this.clock.now, this.locale.intlLocale, this.timeOptions);
  }

  /** The link to a story, opening where `link-target` says. */
  protected renderLink(url: string, content: unknown, className?: string) {
    const target = this.linkTarget;
    return html`<a part="link" href=${url} class=${className ?? nothing} target=${target || nothing} rel=${target ? 'noopener noreferrer' : nothing}>${content}</a>`;
  }

  /** A UI message in the widget's locale. */
  protected message(key: MessageKey, values?: MessageValues): string {
    return formatMessage(this.locale.value, key, values);
  }

  /** The feed to show, if any: the last one loaded, kept through failed reloads. */
  protected get shownFeed(): Feed | undefined {
    return this.loader.feed;
  }

  /** The loading, error or empty state; with content, only the notice that it may be out of date. */
  protected renderStatus(hasContent: boolean): TemplateResult | typeof nothing {
    const { state, error } = this.loader;
    if (hasContent) {
      if (this.loader.moreFailed) return html`<p part="status more-failed" role="status">${this.message('loadMoreFailed')}</p>`;
      return this.loader.stale ? html`<p part="status stale" role="status">${this.message('staleNotice')}</p>` : nothing;
    }
    if (state === 'error' && error) {
      return html`<div part="error" role="status">
        <p part="error-title">${this.message('errorTitle')}</p>
        <p part="error-detail">${this.message(errorMessages[error.kind], { status: error.status ?? '' })}</p>
        <button
          part="retry"
          type="button"
          @click=${({ target }: Event) => {
            this.#refocus = (target as Element).matches(':focus');
            this.loader.reload();
          }}
        >${this.message('retry')}</button>
      </div>`;
    }
    // While loading, the skeleton shows it; the words are for screen readers (with aria-busy).
    if (state === 'loading') return html`<p part="status" role="status" class="visually-hidden">${this.message('loading')}</p>`;
    return html`<p part="status empty" role="status">${this.message('empty')}</p>`;
  }
}
