/**
 * The XSS corpus (test/fixtures/xss/vectors.ts) pushed through every text, HTML and URL field of
 * every feed format, delivered the way each format arrives (JSON Feed and WordPress as the `feed`
 * property and over HTTP, JSON Feed also as inline JSON; RSS and Atom over HTTP, through a fetch
 * stub that answers with the feed text and its Content-Type), and rendered by the real
 * <featured-story> (one per vector and field group: the whole sanitized body, title, image, source,
 * author) and <recent-posts> (one per field group with every vector as a post: titles, excerpts).
 *
 * For every widget it asserts that
 *   1. no vector runs: the page's canary `__xssCanary(id)` that every vector calls is never called,
 *      after images were made to load (sanitized images are lazy) and had time to fail;
 *   2. no element in the shadow root has an `on*` attribute;
 *   3. no URL attribute holds a javascript:, vbscript: or data: URL (links are http(s)/mailto/tel,
 *      images http(s) only, as src/feed/url.ts allows);
 *   4. no script, style, frame, object, embed, form control, svg, math, base, meta, link... and no
 *      style attribute is rendered, other than the widget's own retry and load-more buttons;
 *   5. titles, excerpts, sources and authors are text only (no element in them), and where the
 *      format says a field is plain text, the payload is shown literally, markup and all.
 * Controls prove the canary fires for these vectors when they are not sanitized, so that these
 * tests would fail if sanitizing were removed. The same assertions run on sanitizeHtml()'s output.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import { loadSanitizer, sanitizeHtml } from '../../src/sanitize/sanitizer.js'; // the chunk, called as the widgets call it
import { normalizeWhitespace } from '../../src/text/excerpt.js';
import { vectors, xmlVectors, type XssVector } from '../fixtures/xss/vectors.js';
import '../helpers.js'; // every test starts with an empty feed store

declare global {
  interface Window {
    __xssCanary?: (id: number) => void;
  }
}

// -------------------------------------------------------------------------------------------------
// The canary

/** Ids of the vectors that ran, in the order they ran. */
const fired: number[] = [];
window.__xssCanary = (id: number) => {
  fired.push(Number(id));
};
const vectorName = (id: number) => [...vectors, ...xmlVectors].find((vector) => vector.id === id)?.name ?? `id ${id}`;
const firedNames = () => [...new Set(fired)].map((id) => `#${id} ${vectorName(id)}`);

/**
 * Makes lazy images that carry a handler load now (sanitized images load lazily, so an onerror that
 * survived might otherwise never fire), then waits for late handlers.
 */
async function settle(root: ParentNode[], ms = 300): Promise<void> {
  for (const node of root) {
    for (const image of deepQuery(node, 'img')) {
      if ([...image.attributes].some((attribute) => /^on/i.test(attribute.name))) (image as HTMLImageElement).loading = 'eager';
    }
  }
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Every element under `node`, through open shadow roots. */
function deepElements(node: ParentNode): Element[] {
  const found: Element[] = [];
  for (const element of node.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...deepElements(element.shadowRoot));
  }
  return found;
}

function deepQuery(node: ParentNode, localName: string): Element[] {
  return deepElements(node).filter((element) => element.localName === localName);
}

// -------------------------------------------------------------------------------------------------
// Assertions 2 to 5 on rendered DOM

const HTML_NS = 'http://www.w3.org/1999/xhtml';
/** Attributes that hold a URL the browser may load or navigate to. */
const urlAttributes = new Set([
  'href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'cite', 'longdesc',
  'lowsrc', 'dynsrc', 'ping', 'codebase', 'classid', 'archive', 'usemap', 'icon', 'manifest', 'profile', 'srcdoc',
]);
const dangerousScheme = /^(?:javascript|vbscript|data):/i;
/** Elements that must never come out of a feed. */
const forbiddenElements = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'form', 'input', 'button',
  'select', 'textarea', 'option', 'svg', 'math', 'base', 'meta', 'link', 'template', 'noscript', 'noembed', 'xmp',
  'title', 'video', 'audio', 'source', 'track', 'marquee', 'details', 'portal', 'image', 'foreignobject', 'animate',
  'set', 'use', 'isindex', 'keygen', 'dialog', 'plaintext', 'listing',
]);
const linkSchemes = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const imageSchemes = new Set(['http:', 'https:']);
/** Parts that hold feed text: only text may be in them (a title holds its one link, itself text). */
const textParts = ['title', 'link', 'excerpt', 'source', 'author', 'label', 'heading', 'time'];

/** What the URL parser would read as the scheme: without the whitespace and controls it ignores. */
const urlScheme = (value: string) => value.replace(/[\u0000-\u0020\u007f]/g, '');

function isOwnWidgetElement(element: Element, root: ParentNode): boolean {
  // The widgets' own buttons, and lit's <style> fallback where adoptedStyleSheets are missing.
  if (element.localName === 'button') return element.matches('[part~="retry"], [part~="load-more"]');
  if (element.localName === 'style') return element.parentNode === root && root instanceof ShadowRoot;
  return false;
}

/** Violations of assertions 2 to 4 in `root` (a shadow root, a fragment or a container). */
function inertnessViolations(root: ParentNode, label: string): string[] {
  const problems: string[] = [];
  const describe = (element: Element) => `${label}: ${element.outerHTML.slice(0, 200)}`;
  for (const element of deepElements(root)) {
    const name = element.localName.toLowerCase();
    if (element.namespaceURI !== HTML_NS) problems.push(`non-HTML element <${name}> in ${describe(element)}`);
    if (forbiddenElements.has(name) && !isOwnWidgetElement(element, element.getRootNode() as ParentNode)) problems.push(`<${name}> rendered: ${describe(element)}`);
    if (name.includes('-') && !['featured-story', 'recent-posts'].includes(name)) problems.push(`custom element <${name}> rendered: ${describe(element)}`);
    for (const attribute of element.attributes) {
      const attributeName = attribute.name.toLowerCase();
      if (attributeName.startsWith('on')) problems.push(`handler ${attribute.name} in ${describe(element)}`);
      if (attributeName === 'style') problems.push(`style attribute in ${describe(element)}`);
      if (urlAttributes.has(attributeName) || attributeName.endsWith(':href')) {
        const candidates = attributeName === 'srcset' ? attribute.value.split(',') : [attribute.value];
        if (candidates.some((candidate) => dangerousScheme.test(urlScheme(candidate)))) problems.push(`${attribute.name}="${attribute.value}" in ${describe(element)}`);
      }
    }
    // What the code allows (src/feed/url.ts): links http(s)/mailto/tel, images http(s), both absolute.
    const href = element.localName === 'a' ? element.getAttribute('href') : null;
    if (href !== null && !(URL.canParse(href) && linkSchemes.has(new URL(href).protocol))) problems.push(`link href "${href}" in ${describe(element)}`);
    const src = element.localName === 'img' ? element.getAttribute('src') : null;
    if (src !== null && !(URL.canParse(src) && imageSchemes.has(new URL(src).protocol))) problems.push(`image src "${src}" in ${describe(element)}`);
  }
  for (const part of textParts) {
    for (const element of root.querySelectorAll(`[part~="${part}"]`)) {
      // A title holds the widget's own link, or its own line-clamping <span> when the story has no
      // link: one wrapper of ours, with nothing but text inside.
      const wrappers = part === 'title' ? [...element.children].filter((child) => child.matches('a[part~="link"], span.clamp-title')) : [];
      const children = [...element.children].filter((child) => !wrappers.includes(child));
      if (children.length || wrappers.length > 1 || wrappers.some((wrapper) => wrapper.children.length)) {
        problems.push(`markup inside the ${part} part: ${describe(element)}`);
      }
    }
  }
  return problems;
}

// -------------------------------------------------------------------------------------------------
// Feeds: each format's own escaping, so that every vector reaches every field intact

/** A JS string as UTF-8 bytes make it: lone surrogates become U+FFFD (fetch encodes the body). */
const wellFormed = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
/** A value XML can carry at all: characters XML 1.0 forbids are dropped (a feed cannot hold them). */
const xmlValue = (text: string) => wellFormed(text).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
const htmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const xmlText = (text: string) => xmlValue(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const xmlAttr = (text: string) => xmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
/** A CDATA section; a "]]>" inside is split across two sections, as feed writers do. */
const cdata = (text: string) => `<![CDATA[${xmlValue(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
/** Every character as a hexadecimal character reference: the same value, obfuscated. */
const charRefs = (text: string) => [...xmlValue(text)].map((char) => `&#x${char.codePointAt(0)!.toString(16)};`).join('');

/** Inline XHTML for Atom: the vector parsed as HTML (inertly) and serialized as XML; text if that fails. */
const xhtmlCache = new Map<string, string>();
function xhtml(text: string): string {
  let result = xhtmlCache.get(text);
  if (result === undefined) xhtmlCache.set(text, (result = toXhtml(text)));
  return result;
}

function toXhtml(text: string): string {
  const body = new DOMParser().parseFromString(xmlValue(text), 'text/html').body;
  const serialized = [...body.childNodes].map((node) => new XMLSerializer().serializeToString(node)).join('');
  const wrapped = `<div xmlns="${HTML_NS}">${serialized}</div>`;
  const check = new DOMParser().parseFromString(wrapped, 'application/xml');
  return check.getElementsByTagName('parsererror').length ? `<div xmlns="${HTML_NS}">${xmlText(text)}</div>` : wrapped;
}

const now = Date.now();
/** Item `index` is `index + 1` minutes old, so posts come out in corpus order. */
const isoDate = (index: number) => new Date(now - (index + 1) * 60_000).toISOString();
const rfc822Date = (index: number) => new Date(now - (index + 1) * 60_000).toUTCString();

type Delivery = 'property' | 'inline' | 'fetch';

/** Which shown texts must equal the payload literally, for a format whose field is plain text. */
interface Literal {
  featuredTitle?: boolean;
  postTitle?: boolean;
  excerpt?: boolean;
  source?: boolean;
  author?: boolean;
  body?: boolean;
}

interface FieldGroup {
  format: 'JSON Feed' | 'WordPress' | 'RSS 2.0' | 'Atom 1.0';
  /** The fields this group fills, for messages. */
  fields: string;
  deliveries: Delivery[];
  contentType: string;
  /** A document whose items carry the vectors; feed-level fields carry the first one. */
  build(list: XssVector[]): unknown;
  literal: Literal;
  /** The value a vector has once it arrived (XML cannot carry every string). */
  arrived(text: string): string;
}

/** JSON carries every string, lone surrogates too (JSON.stringify escapes them). */
const jsonArrived = (text: string) => text;
const xmlArrived = (text: string) => xmlValue(text);

const groups: FieldGroup[] = [
  {
    format: 'JSON Feed',
    fields: 'feed title/language/authors/home_page_url/next_url; item title, summary, content_html, url, image, authors (name, url), tags, language',
    deliveries: ['property', 'inline', 'fetch'],
    contentType: 'application/feed+json',
    build: (list) => ({
      version: 'https://jsonfeed.org/version/1.1',
      title: list[0]!.text,
      home_page_url: list[0]!.text,
      next_url: list[0]!.text,
      language: list[0]!.text,
      authors: [{ name: list[0]!.text, url: list[0]!.text, avatar: list[0]!.text }],
      items: list.map(({ id, text }, index) => ({
        id: `v${id}`,
        title: text,
        summary: text,
        content_html: text,
        url: text,
        image: text,
        authors: [{ name: text, url: text }],
        tags: [text],
        language: text,
        date_published: isoDate(index),
      })),
    }),
    literal: { featuredTitle: true, postTitle: true, excerpt: true, source: true, author: true },
    arrived: jsonArrived,
  },
  {
    format: 'JSON Feed',
    fields: 'JSON Feed 1.0: feed author; item content_text, external_url, banner_image, author (name, url), no title',
    deliveries: ['property', 'fetch'],
    contentType: 'application/feed+json',
    build: (list) => ({
      version: 'https://jsonfeed.org/version/1',
      title: list[0]!.text,
      author: { name: list[0]!.text, url: list[0]!.text },
      items: list.map(({ id, text }, index) => ({
        id: `v${id}`,
        content_text: text,
        external_url: text,
        banner_image: text,
        author: { name: text, url: text },
        tags: [text],
        date_published: isoDate(index),
      })),
    }),
    literal: { source: true, author: true, body: true },
    arrived: jsonArrived,
  },
  {
    format: 'JSON Feed',
    fields: 'feed authors as the fallback; item content_html only (titles and excerpts made from its text)',
    deliveries: ['property', 'fetch'],
    contentType: 'application/json',
    build: (list) => ({
      version: 'https://jsonfeed.org/version/1.1',
      title: list[0]!.text,
      authors: [{ name: list[0]!.text, url: list[0]!.text }],
      items: list.map(({ id, text }, index) => ({ id: `v${id}`, content_html: text, date_published: isoDate(index) })),
    }),
    literal: { source: true },
    arrived: jsonArrived,
  },
  {
    format: 'WordPress',
    fields: 'title.rendered, excerpt.rendered, content.rendered, link, _embedded author (name, link), wp:featuredmedia source_url, wp:term names',
    deliveries: ['property', 'fetch'],
    contentType: 'application/json; charset=UTF-8',
    build: (list) =>
      list.map(({ id, text }, index) => wordPressPost(id, index, { title: text, excerpt: text, content: text, name: text, link: text, term: text })),
    literal: {},
    arrived: jsonArrived,
  },
  {
    format: 'WordPress',
    fields: 'the same fields HTML-escaped as WordPress stores text (shown literally), sticky',
    deliveries: ['property', 'fetch'],
    contentType: 'application/json',
    build: (list) =>
      list.map(({ id, text }, index) => ({
        ...wordPressPost(id, index, { title: htmlEscape(text), excerpt: htmlEscape(text), content: htmlEscape(text), name: htmlEscape(text), link: text, term: htmlEscape(text) }),
        sticky: index === 0,
      })),
    literal: { featuredTitle: true, postTitle: true, excerpt: true, author: true, body: true },
    arrived: jsonArrived,
  },
  {
    format: 'RSS 2.0',
    fields: 'channel title (CDATA), link, language, dc:creator; item title, link, guid (permalink), description as the body (CDATA), dc:creator, author, category (CDATA and escaped), enclosure url, media:thumbnail and media:content url; xml:base',
    deliveries: ['fetch'],
    contentType: 'application/rss+xml; charset=utf-8',
    build: (list) =>
      rss(
        `<title>${cdata(list[0]!.text)}</title><link>${xmlText(list[0]!.text)}</link><language>${xmlText(list[0]!.text)}</language><dc:creator>${xmlText(list[0]!.text)}</dc:creator>`,
        list.map(
          ({ text }, index) =>
            `<item xml:base="https://other.example/news/"><title>${xmlText(text)}</title><link>${xmlText(text)}</link><guid>${xmlText(text)}</guid>` +
            `<description>${cdata(text)}</description><dc:creator>${xmlText(text)}</dc:creator><author>press@city.example (${xmlText(text)})</author>` +
            `<category>${cdata(text)}</category><category>${xmlText(text)}x</category><enclosure url="${xmlAttr(text)}" type="image/jpeg" length="1"/>` +
            `<media:thumbnail url="${xmlAttr(text)}"/><media:content url="${xmlAttr(text)}" medium="image"/><pubDate>${rfc822Date(index)}</pubDate></item>`,
        ),
      ),
    literal: {},
    arrived: xmlArrived,
  },
  {
    format: 'RSS 2.0',
    fields: 'doubly escaped channel title, item title and description (a summary, shown literally), content:encoded (escaped), character-reference link and dc:creator, enclosure, media:group',
    deliveries: ['fetch'],
    contentType: 'text/xml',
    build: (list) =>
      rss(
        `<title>${xmlText(htmlEscape(list[0]!.text))}</title><link>${charRefs(list[0]!.text)}</link>`,
        list.map(
          ({ id, text }, index) =>
            `<item><guid isPermaLink="false">v${id}</guid><title>${xmlText(htmlEscape(text))}</title><link>${charRefs(text)}</link>` +
            `<description>${xmlText(htmlEscape(text))}</description><content:encoded>${xmlText(text)}</content:encoded><dc:creator>${charRefs(text)}</dc:creator>` +
            `<enclosure url="${charRefs(text)}" type="image/png" length="1"/><media:group><media:content url="${xmlAttr(text)}" type="image/png"/></media:group>` +
            `<pubDate>${rfc822Date(index)}</pubDate></item>`,
        ),
      ),
    literal: { featuredTitle: true, postTitle: true, excerpt: true, source: true, author: true },
    arrived: xmlArrived,
  },
  {
    format: 'Atom 1.0',
    fields: 'hostile xml:base on feed and entry; type="text" feed title, title, summary and content; link href; author name/uri; category term',
    deliveries: ['fetch'],
    contentType: 'application/atom+xml',
    build: (list) =>
      atom(
        `<title type="text">${xmlText(list[0]!.text)}</title><link href="${xmlAttr(list[0]!.text)}"/>`,
        list.map(
          ({ id, text }, index) =>
            `<entry xml:base="${xmlAttr(text)}"><id>v${id}</id><title type="text">${xmlText(text)}</title><link rel="alternate" href="${xmlAttr(text)}"/>` +
            `<link rel="enclosure" type="image/jpeg" href="img-${id}.jpg"/><summary type="text">${xmlText(text)}</summary><content type="text">${xmlText(text)}</content>` +
            `<author><name>${xmlText(text)}</name><uri>${xmlText(text)}</uri></author><category term="${xmlAttr(text)}"/><updated>${isoDate(index)}</updated></entry>`,
        ),
        `xml:base="${xmlAttr(list[0]!.text)}"`,
      ),
    literal: { featuredTitle: true, postTitle: true, excerpt: true, source: true, author: true, body: true },
    arrived: xmlArrived,
  },
  {
    format: 'Atom 1.0',
    fields: 'type="html" feed title, titles and summary (character references); type="html" content (CDATA) under an xml:base of another site; author name (CDATA); enclosure link href',
    deliveries: ['fetch'],
    contentType: 'application/atom+xml; charset=utf-8',
    build: (list) =>
      atom(
        `<title type="html">${charRefs(list[0]!.text)}</title>`,
        list.map(
          ({ id, text }, index) =>
            `<entry xml:base="https://other.example/dir/"><id>v${id}</id><title type="html">${charRefs(text)}</title><link href="story-${id}"/>` +
            `<link rel="enclosure" type="image/png" href="${xmlAttr(text)}"/><summary type="html">${charRefs(text)}</summary>` +
            `<content type="html">${cdata(text)}</content><author><name>${cdata(text)}</name></author><updated>${isoDate(index)}</updated></entry>`,
        ),
      ),
    literal: {},
    arrived: xmlArrived,
  },
  {
    format: 'Atom 1.0',
    fields: 'type="xhtml" feed title, titles, summary and content (inline markup)',
    deliveries: ['fetch'],
    contentType: 'application/atom+xml',
    build: (list) =>
      atom(
        `<title type="xhtml">${xhtml(list[0]!.text)}</title>`,
        list.map(
          ({ id, text }, index) =>
            `<entry><id>v${id}</id><title type="xhtml">${xhtml(text)}</title><link href="https://ok.example/${id}"/>` +
            `<summary type="xhtml">${xhtml(text)}</summary><content type="xhtml">${xhtml(text)}</content>` +
            `<author><name>${xmlText(text)}</name></author><updated>${isoDate(index)}</updated></entry>`,
        ),
      ),
    literal: { author: true },
    arrived: xmlArrived,
  },
];

function wordPressPost(id: number, index: number, fields: { title: string; excerpt: string; content: string; name: string; link: string; term: string }) {
  return {
    id,
    date_gmt: isoDate(index).slice(0, 19),
    link: fields.link,
    title: { rendered: fields.title },
    excerpt: { rendered: fields.excerpt, protected: false },
    content: { rendered: fields.content, protected: false },
    author: 1,
    featured_media: 2,
    _embedded: {
      author: [{ id: 1, name: fields.name, link: fields.link }],
      'wp:featuredmedia': [{ id: 2, media_type: 'image', source_url: fields.link }],
      'wp:term': [[{ id: 3, taxonomy: 'category', name: fields.term }], [{ id: 4, taxonomy: 'post_tag', name: fields.term }]],
    },
  };
}

function rss(channel: string, items: string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">' +
    `<channel>${channel}${items.join('\n')}</channel></rss>`
  );
}

function atom(feed: string, entries: string[], attributes = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" ${attributes}>${feed}<id>urn:x</id><updated>${isoDate(0)}</updated>${entries.join('\n')}</feed>`;
}

// -------------------------------------------------------------------------------------------------
// Delivery: the `feed` property, an inline <script type="application/feed+json">, or HTTP (fetch stub)

const served = new Map<string, { body: string; type: string }>();
let servedCount = 0;
/** A URL on this page's origin whose fetch answers `body` with that Content-Type. */
function serve(body: string, type: string): string {
  const url = new URL(`/xss-corpus/feed-${++servedCount}`, location.href).href;
  served.set(url, { body, type });
  return url;
}

type WidgetTag = 'featured-story' | 'recent-posts';

function widget(tag: WidgetTag, group: FieldGroup, delivery: Delivery, document: unknown): HTMLElement {
  const element = window.document.createElement(tag);
  element.setAttribute('lang', 'en');
  if (tag === 'recent-posts') {
    element.setAttribute('limit', '10000');
    element.setAttribute('excerpt-length', '100000');
  }
  const text = typeof document === 'string' ? document : JSON.stringify(document);
  if (delivery === 'property') (element as HTMLElement & { feed: unknown }).feed = document;
  else if (delivery === 'inline') {
    const script = window.document.createElement('script');
    script.type = 'application/feed+json';
    script.textContent = text;
    element.append(script);
  } else element.setAttribute('src', serve(text, group.contentType));
  return element;
}

/** What became of a widget: its feed-load or feed-error event, or the error its update threw. */
type Outcome = { event: Event } | { crash: unknown };

/**
 * Appends the widgets and resolves once every one has rendered the outcome of its load, or has
 * thrown while rendering (lit's updateComplete rejects then, and no event ever comes).
 */
async function renderAll(container: HTMLElement, elements: HTMLElement[]): Promise<Map<HTMLElement, Outcome>> {
  const outcomes = new Map<HTMLElement, Outcome>();
  const record = (event: Event) => {
    if (!outcomes.has(event.target as HTMLElement)) outcomes.set(event.target as HTMLElement, { event });
  };
  container.addEventListener('feed-load', record);
  container.addEventListener('feed-error', record);
  container.append(...elements);
  const deadline = performance.now() + 30_000;
  try {
    while (outcomes.size < elements.length) {
      for (const element of elements) {
        if (outcomes.has(element)) continue;
        (element as unknown as { updateComplete: Promise<unknown> }).updateComplete.catch((crash: unknown) => {
          if (!outcomes.has(element)) outcomes.set(element, { crash });
        });
      }
      if (performance.now() > deadline) throw new Error(`${elements.length - outcomes.size} of ${elements.length} widgets never loaded`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    container.removeEventListener('feed-load', record);
    container.removeEventListener('feed-error', record);
  }
  await Promise.allSettled(elements.map((element) => (element as unknown as { updateComplete: Promise<unknown> }).updateComplete));
  return outcomes;
}

/** A problem for a widget that did not show its feed: a feed-error, or an exception while rendering. */
function outcomeProblem(outcome: Outcome, label: string): string | undefined {
  if ('crash' in outcome) return `${label}: the widget threw while rendering: ${String(outcome.crash)}`;
  if (outcome.event.type !== 'feed-load') return `${label}: ${outcome.event.type}: ${(outcome.event as CustomEvent).detail?.error?.message}`;
  return undefined;
}

/** Text as shown, whitespace collapsed; without NUL, which the HTML parser drops from a sanitized body. */
const norm = (text: string | null | undefined) => normalizeWhitespace((text ?? '').replaceAll('\u0000', ''));
const partText = (element: HTMLElement, name: string) => norm(element.shadowRoot!.querySelector(`[part~="${name}"]`)?.textContent);

// -------------------------------------------------------------------------------------------------

describe('XSS corpus', function () {
  this.timeout(60_000);

  let container: HTMLElement;
  let fetchStub: sinon.SinonStub | undefined;
  const pageUrl = location.href;
  const baseUri = document.baseURI;

  before(() => {
    const realFetch = window.fetch.bind(window);
    fetchStub = sinon.stub(window, 'fetch').callsFake(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const answer = served.get(url);
      if (!answer) return realFetch(input, init);
      return new Response(answer.body, { status: 200, headers: { 'content-type': answer.type } });
    });
  });

  after(() => {
    fetchStub?.restore();
    expect(firedNames(), 'vectors that ran at any time during these tests').to.deep.equal([]);
  });

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    container.remove();
    served.clear();
  });

  // Mocha runs a suite's own tests before its nested suites: everything is in nested suites, so that
  // the controls (which make the canary fire on purpose, and clear what it recorded) run first.
  describe('controls: the canary fires for these vectors when they are not sanitized', () => {
    afterEach(() => {
      fired.length = 0; // what the controls made fire on purpose
    });

    it('fires for an img onerror put into a plain div with innerHTML', async () => {
      const vector = vectors.find((entry) => entry.name === 'img onerror (classic)')!;
      container.innerHTML = vector.text;
      await settle([container]);
      container.replaceChildren();
      expect(fired).to.include(vector.id);
    });

    it('fires inside a shadow root too, where the widgets render', async () => {
      const vector = vectors.find((entry) => entry.name === 'img onerror, no spaces, slashes')!;
      container.attachShadow({ mode: 'open' }).innerHTML = vector.text;
      await settle([container]);
      container.shadowRoot!.replaceChildren();
      expect(fired).to.include(vector.id);
    });

    it('fires for a good part of the corpus, inserted unsanitized into a page of its own', async () => {
      // In a same-origin iframe, so that <base>, <meta refresh> and autofocus cannot disturb the test
      // page. Contextual fragments run their scripts (innerHTML does not): the worst way to insert HTML.
      // Vectors for nested frames call parent.__xssCanary, which is the iframe's; those that run in the
      // iframe itself call its own, or this page's through `parent`: all three report here.
      // These run in Chromium, Firefox and WebKit alike.
      const runsEverywhere = [
        'script, lower case', 'ScRiPt, mixed case', 'img onerror (classic)', 'IMG ONERROR, upper case', 'img onerror with entity-encoded code',
        'img onerror through eval(atob())', 'img onerror, obfuscated property access', 'details open ontoggle', 'iframe srcdoc with a script',
        'svg style holding an img (mXSS)', 'noscript breakout through an attribute', 'HTML comment trick <!-->',
      ];
      const vectorId = (name: string) => vectors.find((vector) => vector.name === name)!.id;
      const ran = new Set<number>();
      const flagged = new Set<number>();
      const report = (id: number) => ran.add(Number(id));
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width:800px;height:400px';
      container.append(frame);
      const frameWindow = frame.contentWindow!;
      frameWindow.__xssCanary = report;
      const pageCanary = window.__xssCanary;
      window.__xssCanary = report;
      try {
        // Captured before any vector runs: <form name=body> clobbers document.body (on purpose).
        const frameDocument = frameWindow.document;
        const frameBody = frameDocument.body;
        const createRange = Document.prototype.createRange.bind(frameDocument);
        const createElement = Document.prototype.createElement.bind(frameDocument);
        const holders = vectors.map((vector) => {
          const holder = createElement('div');
          holder.append(createRange().createContextualFragment(vector.text));
          frameBody.append(holder);
          return holder;
        });
        await settle([frameBody], 600);
        // Nested frames (srcdoc, data: documents) load on their own schedule, later on a busy machine:
        // wait for the vectors every engine runs, up to a generous deadline, instead of a fixed delay.
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline && !runsEverywhere.every((name) => ran.has(vectorId(name)))) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await settle([frameBody], 100);
        // Among 140 vectors in one document, one can stop another: Firefox sometimes never runs the
        // srcdoc frame's script there (another vector navigates or replaces what it reports to). A
        // vector every engine runs that did not run here gets a frame of its own, to show it runs.
        for (const name of runsEverywhere.filter((entry) => !ran.has(vectorId(entry)))) {
          const alone = document.createElement('iframe');
          container.append(alone);
          alone.contentWindow!.__xssCanary = report;
          const aloneDocument = alone.contentWindow!.document;
          aloneDocument.body.append(aloneDocument.createRange().createContextualFragment(vectors.find((vector) => vector.name === name)!.text));
          const aloneDeadline = Date.now() + 5_000;
          while (Date.now() < aloneDeadline && !ran.has(vectorId(name))) await new Promise((resolve) => setTimeout(resolve, 50));
          alone.remove();
        }
        // The structural checks flag what the canary saw, and more (links need a click to run).
        holders.forEach((holder, index) => {
          if (inertnessViolations(holder, '').length) flagged.add(vectors[index]!.id);
        });
      } finally {
        window.__xssCanary = pageCanary;
        frame.remove();
      }
      const names = vectors.filter((vector) => ran.has(vector.id)).map((vector) => vector.name);
      for (const name of runsEverywhere) {
        expect(names, `"${name}" runs when not sanitized`).to.include(name);
      }
      expect(ran.size, 'vectors that run when not sanitized').to.be.at.least(40); // 50 to 60, by engine
      expect([...ran].filter((id) => !flagged.has(id)).map(vectorName), 'vectors that ran but the checks did not flag').to.deep.equal([]);
      // 113: all but text-only vectors and markup that is inert even unsanitized (<body> in a fragment, an unclosed tag).
      expect(flagged.size, 'vectors whose unsanitized markup the checks flag').to.be.at.least(100);
    });
  });

  describe('sanitizeHtml()', () => {
    before(() => loadSanitizer());

    it('returns inert nodes for every vector', async () => {
      const problems: string[] = [];
      for (const vector of vectors) {
        const holder = document.createElement('div');
        const label = `#${vector.id} ${vector.name}`;
        try {
          holder.append(sanitizeHtml(vector.text, 'https://news.example/2026/story.html'));
        } catch (error) {
          problems.push(`${label}: sanitizeHtml's result cannot be inserted: ${String(error)}`);
        }
        problems.push(...inertnessViolations(holder, label));
        container.append(holder);
      }
      await settle([container]);
      expect(problems).to.deep.equal([]);
      expect(firedNames(), 'vectors that ran').to.deep.equal([]);
    });

    it('keeps the harmless part of a hostile story', () => {
      const holder = document.createElement('div');
      holder.append(sanitizeHtml(vectors.find((entry) => entry.name === 'a good story with one bad handler')!.text, 'https://news.example/2026/story.html'));
      expect(holder.innerHTML).to.equal('<p>Городская новость <b>важно</b> <img src="https://ok.example/p.jpg" alt="фото" loading="lazy" decoding="async"></p>');
      const link = document.createElement('div');
      link.append(sanitizeHtml(vectors.find((entry) => entry.name === 'allowed p with onmouseover and a good link')!.text));
      expect(link.innerHTML).to.equal('<p><a href="https://ok.example/" rel="noopener noreferrer">ok</a></p>');
    });

    it('returns a fragment, not null, for HTML that parses as a frameset document', () => {
      // DOMPurify returns null when the parsed document has no <body>: a <frameset> before any text
      // or image replaces it. <featured-story> calls .childNodes on the result and throws.
      for (const html of ['<frameset onload=alert(1)>', '<p></p><frameset>', '<!-- x --><div><a href="#">x</a></div><frameset><frame src=x></frameset>']) {
        const fragment = sanitizeHtml(html) as DocumentFragment | null;
        expect(fragment, html).to.be.instanceOf(DocumentFragment);
      }
    });
  });

  describe('<featured-story> and <recent-posts>: every vector through every field of every format', () => {
    for (const format of ['JSON Feed', 'WordPress', 'RSS 2.0', 'Atom 1.0'] as const) {
      const formatGroups = groups.filter((group) => group.format === format);
      const deliveries = [...new Set(formatGroups.flatMap((group) => group.deliveries))];
      for (const delivery of deliveries) {
        const how = delivery === 'property' ? 'the feed property' : delivery === 'inline' ? 'inline JSON' : 'over HTTP';
        const fieldGroups = formatGroups.filter((entry) => entry.deliveries.includes(delivery));
        it(`${format}, ${how}: ${fieldGroups.length} field group(s), ${vectors.length} vectors, all inert`, async () => {
          const rendered: { element: HTMLElement; group: FieldGroup; vector?: XssVector; label: string }[] = [];
          for (const group of fieldGroups) {
            rendered.push({ element: widget('recent-posts', group, delivery, group.build(vectors)), group, label: `<recent-posts> ${format} [${group.fields}]` });
            for (const vector of vectors) {
              rendered.push({
                element: widget('featured-story', group, delivery, group.build([vector])),
                group,
                vector,
                label: `<featured-story> ${format} [${group.fields}] #${vector.id} ${vector.name}`,
              });
            }
          }
          const outcomes = await renderAll(container, rendered.map((entry) => entry.element));
          await settle([container]);

          const problems: string[] = [];
          for (const { element, group, vector, label } of rendered) {
            const problem = outcomeProblem(outcomes.get(element)!, label);
            if (problem) {
              problems.push(problem);
              continue;
            }
            problems.push(...inertnessViolations(element.shadowRoot!, label));
            problems.push(...literalProblems(element, group, vector, label));
          }
          problems.push(...lightDomProblems(container));
          expect(problems).to.deep.equal([]);
          expect(firedNames(), 'vectors that ran').to.deep.equal([]);
          expect(location.href, 'the page was not navigated').to.equal(pageUrl);
          expect(document.baseURI, 'no <base> reached the page').to.equal(baseUri);
        });
      }
    }

    it('RSS and Atom, over HTTP: XML-only vectors (DOCTYPE entities, CDATA tricks, processing instructions, namespaced XHTML, xml:base, repaired documents)', async () => {
      const rendered: { element: HTMLElement; label: string }[] = [];
      for (const vector of xmlVectors) {
        const type = vector.text.includes('<feed') ? 'application/atom+xml' : 'application/rss+xml';
        for (const tag of ['featured-story', 'recent-posts'] as const) {
          const element = document.createElement(tag);
          element.setAttribute('lang', 'en');
          element.setAttribute('src', serve(vector.text, type));
          rendered.push({ element, label: `<${tag}> #${vector.id} ${vector.name}` });
        }
      }
      const outcomes = await renderAll(container, rendered.map((entry) => entry.element));
      await settle([container]);
      const problems: string[] = [];
      for (const { element, label } of rendered) {
        const problem = outcomeProblem(outcomes.get(element)!, label);
        if (problem) problems.push(problem);
        else if (element.localName === 'featured-story' && !element.shadowRoot!.querySelector('article[part~="base"]')) problems.push(`${label}: no story shown`);
        problems.push(...inertnessViolations(element.shadowRoot!, label));
      }
      problems.push(...lightDomProblems(container));
      expect(problems).to.deep.equal([]);
      expect(firedNames(), 'vectors that ran').to.deep.equal([]);
    });
  });
});

/** Assertion 5, where the format says the field is plain text: the payload is shown as it is. */
function literalProblems(element: HTMLElement, group: FieldGroup, vector: XssVector | undefined, label: string): string[] {
  const problems: string[] = [];
  const expectText = (what: string, shown: string, text: string) => {
    const expected = norm(group.arrived(text));
    if (shown !== expected) problems.push(`${label}: the ${what} shows ${JSON.stringify(shown)}, not the literal ${JSON.stringify(expected)}`);
  };
  const { literal } = group;
  if (vector) {
    if (!element.shadowRoot!.querySelector('article[part~="base"]')) return [`${label}: no story shown`];
    if (literal.featuredTitle) expectText('title', partText(element, 'title'), vector.text);
    if (literal.author) expectText('author', partText(element, 'author'), vector.text);
    if (literal.source) expectText('source', partText(element, 'source'), vector.text);
    if (literal.body) expectText('body', partText(element, 'body'), vector.text);
    return problems;
  }
  // <recent-posts>: one post per vector, in corpus order.
  const items = [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"]')];
  if (!items.length) return [`${label}: no posts shown`];
  if (literal.postTitle || literal.excerpt) {
    if (items.length !== vectors.length) return [`${label}: ${items.length} posts shown for ${vectors.length} vectors`];
    items.forEach((item, index) => {
      const vector = vectors[index]!;
      const itemLabel = `${label} #${vector.id} ${vector.name}`;
      if (literal.postTitle) {
        const expected = norm(group.arrived(vector.text));
        const shown = norm(item.querySelector('[part~="title"]')?.textContent);
        if (shown !== expected) problems.push(`${itemLabel}: the post title shows ${JSON.stringify(shown)}, not the literal ${JSON.stringify(expected)}`);
      }
      if (literal.excerpt) {
        const expected = norm(group.arrived(vector.text));
        const shown = norm(item.querySelector('[part~="excerpt"]')?.textContent);
        if (shown !== expected) problems.push(`${itemLabel}: the excerpt shows ${JSON.stringify(shown)}, not the literal ${JSON.stringify(expected)}`);
      }
    });
  }
  return problems;
}

/** Nothing but the widgets (and their inline feed scripts) in the light DOM. */
function lightDomProblems(container: HTMLElement): string[] {
  return [...container.querySelectorAll('*')]
    .filter((element) => !['featured-story', 'recent-posts'].includes(element.localName) && !(element.localName === 'script' && (element as HTMLScriptElement).type === 'application/feed+json'))
    .map((element) => `light DOM: ${element.outerHTML.slice(0, 200)}`);
}
