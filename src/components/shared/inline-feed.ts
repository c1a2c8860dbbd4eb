/**
 * Feed JSON a CMS printed into a widget: a `<script type="application/feed+json">` (or
 * `application/json`) child. `undefined` when there is none: the widget fetches its `src` then.
 */
export function inlineFeedText(element: Element): string | undefined {
  for (const child of element.children) {
    if (child.localName === 'script' && /^application\/(feed\+)?json$/i.test((child as HTMLScriptElement).type.trim())) {
      return child.textContent ?? '';
    }
  }
  return undefined;
}
