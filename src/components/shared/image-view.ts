/**
 * A story's image: decoded off the main thread, in a box of the theme's aspect ratio that is
 * reserved before the image arrives (so nothing moves when it does), with the feed's other sizes as
 * `srcset` so a 280px card does not download a 2000px original. The alt text is the feed's, or
 * empty: the title next to the image already says what the story is, so an image without a
 * description is decorative. Cards' images are lazy. The featured story's is not: the story of the
 * day heads its page, and its image is most often the largest thing painted there (LCP), which
 * must not wait for layout to find it in view, so it is fetched at once and first
 * (`fetchpriority="high"`). A featured story far down a page has `loading="lazy"` itself, which
 * holds back the feed, and so the image, until the widget nears the viewport.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Story } from '../../feed/story.js';

/** Rendered widths by where the image sits; `auto` (the laid-out width) where the browser supports it. */
const sizesFor = {
  card: 'auto, (min-width: 60em) 25vw, (min-width: 36em) 50vw, 100vw',
  featured: 'auto, (min-width: 60em) 50vw, 100vw',
};

export function renderImage(story: Story, place: keyof typeof sizesFor): TemplateResult | typeof nothing {
  if (!story.image) {
    // Cards keep their shape without an image: the box stays, empty.
    return place === 'card' ? html`<div class="image-frame" aria-hidden="true"></div>` : nothing;
  }
  // A comma inside a URL would split a srcset candidate: it is escaped (the same URL to a server).
  const srcset = story.imageSizes?.map((size) => `${size.url.replaceAll(",", "%2C")} ${size.width}w`).join(', ');
  // The frame holds the shape, not the image: an image that fails to load (a third-party server's
  // 404) keeps its box in every engine, where a broken <img> alone may collapse or turn square.
  return html`<div class="image-frame"><img
    part="image"
    src=${story.image}
    srcset=${srcset || nothing}
    sizes=${srcset ? sizesFor[place] : nothing}
    alt=${story.imageAlt ?? ''}
    loading=${place === 'featured' ? 'eager' : 'lazy'}
    fetchpriority=${place === 'featured' ? 'high' : nothing}
    decoding="async"
  /></div>`;
}
