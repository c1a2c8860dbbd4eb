/**
 * Tells when an element nears the viewport, for `loading="lazy"` widgets far down a page. One
 * IntersectionObserver serves every widget on the page (an observer per element would cost as many
 * as there are widgets). The margin starts the fetch well before the widget scrolls into view, so
 * its news is usually there when the reader arrives.
 */
const callbacks = new WeakMap<Element, () => void>();
let observer: IntersectionObserver | undefined;

/**
 * Calls `callback` once, when `element` is within the margin of the viewport. Watching an element
 * again only replaces its callback.
 */
export function whenNearViewport(element: Element, callback: () => void): void {
  if (typeof IntersectionObserver === 'undefined') return callback(); // no observer to wait for: load as if eager
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const near = callbacks.get(entry.target);
        stopWatchingViewport(entry.target);
        near?.();
      }
    },
    // scrollMargin: the same lead inside a scrolling box (a sidebar, a news column), which rootMargin
    // does not reach; engines without it load such a widget once it is in view.
    { rootMargin: '600px 0px', scrollMargin: '600px 0px' } as IntersectionObserverInit,
  );
  callbacks.set(element, callback);
  observer.observe(element);
}

/** Stops watching `element` (harmless when it is not watched). */
export function stopWatchingViewport(element: Element): void {
  callbacks.delete(element);
  observer?.unobserve(element);
}
