/**
 * Resolves a widget's UI locale, writing direction and time zone, and keeps them current.
 *
 * Locale candidates, best first: the element's own `lang`, the closest ancestor with `lang` (across
 * shadow roots), `<html lang>`, the browser's languages, then English; the first that a catalog
 * exists for wins (see `matchLocale`). The time zone is inherited the same way from a `time-zone`
 * attribute (the visitor's zone by default). The direction follows the page where the page sets
 * `dir`, and the locale otherwise (Arabic and Hebrew read right to left).
 *
 * One MutationObserver per document root watches those attributes everywhere, so switching
 * `<html lang>` or a container's `lang` re-renders exactly the widgets whose locale changed. There is
 * no page-wide locale setting to configure: two widgets in two languages on one page is normal for a
 * multilingual municipal site.
 *
 * A locale's catalog is loaded before the widget switches to it (with its time messages where the
 * browser's Intl lacks the language), so no word of another language shows in between: until the
 * first catalog is in, `ready` is false and the host does not render.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localeDirection } from '../../i18n/direction.js';
import { matchLocaleTag } from '../../i18n/locale-match.js';
import { availableLocales, isCatalogLoaded, loadCatalog, onCatalogsChanged } from '../../i18n/messages.js';
import { dateTimeFormat } from '../../time/intl-cache.js';
import { intlSpeaksDates, intlSpeaksRelativeTime } from '../../time/intl-support.js';

type LocaleHost = ReactiveControllerHost & HTMLElement;

const controllers = new Set<LocaleController>();
let observer: MutationObserver | undefined;

/** Watches the attributes of a document or shadow root (observing one again changes nothing). */
function observeIn(root: Node): void {
  if (!observer) {
    observer = new MutationObserver(() => controllers.forEach((controller) => controller.refresh()));
    // New or changed messages: every widget re-renders.
    onCatalogsChanged(() => controllers.forEach((controller) => controller.refresh(true)));
  }
  // `xml:lang` as HTML parses it (no namespace); an XHTML page's namespaced one is not reported to a
  // filtered observer, but it is read at every resolution.
  observer.observe(root, { attributes: true, attributeFilter: ['lang', 'xml:lang', 'dir', 'time-zone'], subtree: true });
}

/**
 * The values of `attribute` on `element` and its ancestors that have it, closest first, crossing shadow
 * roots. For `lang`, an `xml:lang` counts too: it gives the language of an XHTML page (such as
 * `<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ru">`), for the browser as for us. (There
 * is no `xml:dir` or `xml:time-zone`: looking for one finds nothing.)
 */
function inheritedValues(element: Element, attribute: string): string[] {
  const values: string[] = [];
  for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host) {
    const value = (node as Element).getAttribute?.(attribute) || (node as Element).getAttribute?.('xml:' + attribute);
    if (value) values.push(value);
  }
  return values;
}

/**
 * The locale (the first of the `lang` candidates a catalog exists for), direction (none where `dir`
 * is set), time zone (`zone` if it is an IANA zone) and the tag Intl formats with (see `matchLocaleTag`).
 */
function resolve(langs: (string | null | undefined)[], dir: string | null | undefined, zone: string | null | undefined, pageLang: string | null | undefined) {
  const [locale, tag] = matchLocaleTag(langs, availableLocales());
  let timeZone: string | undefined;
  try {
    if (zone) timeZone = dateTimeFormat('en', {}, zone).resolvedOptions().timeZone;
  } catch {} // not an IANA zone: the visitor's zone is better than an exception
  return [locale, dir ? undefined : localeDirection(locale), timeZone, tag, pageLang] as const;
}

export class LocaleController implements ReactiveController {
  /** The locale the widget renders in, such as `ru`. */
  value = 'en';
  /** `rtl` or `ltr` when the widget sets its own direction; `undefined` when the page's applies. */
  direction?: 'ltr' | 'rtl';
  /** IANA time zone for dates; `undefined` means the visitor's. */
  timeZone?: string;
  /** The page's tag for `value`, such as `en-GB` for `en`: what Intl writes dates, times and lists in. */
  intlLocale!: string; // set with `value` before the first render
  /**
   * The closest `lang` (the widget's own included): the language of feed text that declares none,
   * which differs from `value` where that language has no catalog (`ba`, with Russian words).
   */
  pageLang?: string | null;
  /** False until the catalog of the widget's locale is loaded: the host waits to render. */
  ready = false;
  /** The catalog load the widget waits for, if any. */
  pending?: Promise<void>;
  readonly #host: LocaleHost;
  readonly #needsTimeMessages: () => boolean;

  /**
   * `needsTimeMessages` says whether the host shows messages of the catalogs' time part even where
   * the browser's Intl has the language (the `announce` message of recent-posts).
   */
  constructor(host: LocaleHost, needsTimeMessages: () => boolean = () => false) {
    this.#host = host;
    this.#needsTimeMessages = needsTimeMessages;
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
    // The shadow root the widget is in, those of the components around it, and the document: a
    // `lang` may change in any of them.
    for (let node: Node | undefined = this.#host; node; node = (node.getRootNode() as ShadowRoot).host) observeIn(node.getRootNode());
    // The first resolution is the host's, once its feed is requested (NewsElement.shouldUpdate).
    if (this.ready) this.refresh();
  }

  hostDisconnected(): void {
    controllers.delete(this);
  }

  /**
   * On a server (lit SSR) there is no document to walk and `hostConnected` never runs: the locale,
   * direction and time zone come from the element's own `lang`, `dir` and `time-zone` attributes.
   */
  resolveFromOwnAttributes(): void {
    const own = (attribute: string) => this.#host.getAttribute(attribute);
    [this.value, this.direction, this.timeZone, this.intlLocale, this.pageLang] = resolve([own('lang')], own('dir'), own('time-zone'), own('lang'));
  }

  /** Re-resolves everything; the host re-renders if something changed, or always when `force` is set. */
  refresh(force = false): void {
    const host = this.#host;
    const inherited = (attribute: string) => inheritedValues(host, attribute);
    // The walk up reaches <html lang> for any connected widget, across shadow roots. Every `lang` on
    // the way is a candidate: one without a catalog (lang="pt-BR", "xx") falls through to the next.
    const langs = inherited('lang');
    const resolved = resolve([...langs, ...(navigator.languages ?? [navigator.language])], inherited('dir')[0], inherited('time-zone')[0], langs[0]);
    const [locale, , , tag] = resolved;
    // Where the browser's Intl lacks the language, times come from the catalog's own messages.
    const parts: ('core' | 'time')[] =
      intlSpeaksRelativeTime(tag) && intlSpeaksDates(tag) && !this.#needsTimeMessages() ? ['core'] : ['core', 'time'];
    if (!isCatalogLoaded(locale, parts)) {
      // Keep the current words until the new ones are here; then resolve again (lang may have moved on).
      const pending = (this.pending = loadCatalog(locale, parts).then(() => {
        if (this.pending == pending) this.pending = undefined;
        if (controllers.has(this)) this.refresh();
      }));
      return;
    }
    // Compared as text: no value has a comma (but a page's lang that is no tag, which at worst keeps a
    // stale content lang), and none is empty ("" and undefined would read the same).
    if (force || !this.ready || `${resolved}` != `${[this.value, this.direction, this.timeZone, this.intlLocale, this.pageLang]}`) {
      this.ready = true;
      [this.value, this.direction, this.timeZone, this.intlLocale, this.pageLang] = resolved;
      host.requestUpdate();
    }
  }
}
