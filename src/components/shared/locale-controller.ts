/**
 * Resolves a widget's UI locale and keeps it current.
 *
 * The candidates, best first: the element's own `lang`, the closest ancestor with `lang` (across
 * shadow roots), `<html lang>`, the browser's languages, then English; the first that a catalog
 * exists for wins (see `matchLocale`). One MutationObserver per document root watches every `lang`
 * attribute, so switching `<html lang>` or a container's `lang` re-renders exactly the widgets whose
 * locale changed. There is no page-wide locale setting to configure: two widgets in two languages on
 * one page is normal for a multilingual municipal site.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { availableLocales } from '../../i18n/messages.js';
import { matchLocale } from '../../i18n/locale-match.js';

type LocaleHost = ReactiveControllerHost & HTMLElement;

const controllers = new Set<LocaleController>();
const observedRoots = new WeakSet<Node>();
let observer: MutationObserver | undefined;

function observeLangIn(root: Node): void {
  observer ??= new MutationObserver(() => controllers.forEach((controller) => controller.refresh()));
  if (observedRoots.has(root)) return;
  observedRoots.add(root);
  observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** The `lang` that applies to `element`: its own, or its closest ancestor's, crossing shadow roots. */
export function inheritedLang(element: Element): string | undefined {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

export class LocaleController implements ReactiveController {
  /** The shipped locale the widget renders in, such as `ru`. */
  value = 'en';

  constructor(private readonly host: LocaleHost) {
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
    observeLangIn(this.host.ownerDocument);
    const root = this.host.getRootNode();
    if (root instanceof ShadowRoot) observeLangIn(root);
    this.refresh();
  }

  hostDisconnected(): void {
    controllers.delete(this);
  }

  /** Re-resolves the locale; the host re-renders only if it changed. */
  refresh(): void {
    const candidates = [inheritedLang(this.host), this.host.ownerDocument.documentElement.lang, ...(navigator.languages ?? [navigator.language])];
    const locale = matchLocale(candidates, availableLocales());
    if (locale !== this.value) {
      this.value = locale;
      this.host.requestUpdate();
    }
  }
}
