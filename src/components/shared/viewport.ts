/**
 * Tells when an element nears the viewport, for `loading="lazy"` widgets far down a page. One
 * IntersectionObserver serves every widget on the page (an observer per element would cost as many
 * as there are widgets). The margin starts the fetch well before the widget scrolls into view, so
 * its news is usually there when the reader arrives.
 */
const margin = '600px 0px';
const callbacks = new WeakMap<Element, () => void>();
let observer: IntersectionObserver | undefined;

/** Calls `callback` once, when `element` is within the margin of the viewport; returns the function that stops watching. */
export function whenNearViewport(element: Element, callback: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    callback(); // no observer to wait for: load as if eager
    return () => {};
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const near = callbacks.get(entry.target);
        observer!.unobserve(entry.target);
        callbacks.delete(entry.target);
        near?.();
      }
    },
    { rootMargin: margin },
  );
  callbacks.set(element, callback);
  observer.observe(element);
  return () => {
    callbacks.delete(element);
    observer!.unobserve(element);
  };
}
