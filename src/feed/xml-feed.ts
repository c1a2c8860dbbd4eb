/**
 * RSS (0.9x, 1.0/RDF, 2.0) and Atom (1.0, and 0.3 where it costs nothing) to the normalized `Feed`.
 *
 * The browser's XML parser (`DOMParser`, 'application/xml') reads the document; it is the only DOM
 * API used here besides `XMLSerializer` for Atom's inline XHTML content. The parsed document is
 * inert: it has no browsing context, so nothing in it runs or loads. Pages that enforce Trusted
 * Types get the string through the library's "news-widgets" policy (see trusted-types.ts), because
 * `parseFromString` is a TrustedHTML sink whatever the type (in Chromium, Firefox and WebKit alike).
 *
 * Like a feed reader, and unlike a bare XML parser, it forgives what breaks most real feeds: blank
 * lines before the XML declaration, a stray "&" in a URL or "<" in text, HTML entities such as
 * `&nbsp;` or `&laquo;` that XML does not define, control characters pasted into a CMS, and
 * namespace prefixes (`yandex:`, `media:`, a template's own) used without their `xmlns`
 * declaration. Those are repaired only after a first parse has failed, so a well-formed feed is
 * never rewritten; anything else that is not well-formed (a truncated download) is a `FeedError` of
 * kind `parse`.
 *
 * Follows the specs where they say what a reader must do: an Atom entry's author falls back to its
 * source's then its feed's; `xml:base` on any ancestor resolves links and image URLs, step by step
 * from the feed's URL; RSS item links resolve against the feed's URL. Text meant as plain text (an
 * RSS title, an Atom `type="html"` summary) is stripped of tags and entities without a DOM.
 */
import { inertHtml } from '../sanitize/trusted-types.js';
import { normalizeWhitespace } from '../text/excerpt.js';
import { parseRfc822Date } from './dates.js';
import { FeedError } from './feed-error.js';
import { decodeEntities, htmlEntities } from './html-text.js';
import { lazyStories } from './lazy-story.js';
import type { Author, Feed } from './story.js';
import { resolveImageUrl, resolveLinkUrl } from './url.js';
import { collectStories, readLanguage, readText } from './values.js';

const ns = {
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rss10: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  yandex: 'http://news.yandex.ru',
  turbo: 'http://turbo.yandex.ru',
  media: 'http://search.yahoo.com/mrss/',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xhtml: 'http://www.w3.org/1999/xhtml',
} as const;

/** Media RSS, with and without the trailing slash some feeds drop. */
const mediaNs = [ns.media, 'http://search.yahoo.com/mrss'];
/** RSS elements without a namespace, or in RSS 1.0's, 0.90's or one of the RSS 2.0 namespaces a few feeds declare. */
const rssNs = [null, ns.rss10, ns.rss090, 'http://backend.userland.com/rss2', 'http://blogs.law.harvard.edu/tech/rss'];

type Namespaces = readonly (string | null)[];

/** True when `text` is an XML document whose root is `rss`, `feed` or `RDF` (after a BOM, declarations, comments and a doctype). */
export function isXmlFeedText(text: string): boolean {
  if (typeof text !== 'string') return false;
  const prolog = readProlog(text);
  return prolog !== undefined && /^<(?:rss|(?:[\w.-]+:)?feed|(?:[\w.-]+:)?RDF)[\s>/]/.test(text.slice(prolog.end, prolog.end + 64));
}

/**
 * Skips the prolog: a BOM, whitespace, the XML declaration, processing instructions
 * (xml-stylesheet), comments and a doctype. Returns where the root element should start and the
 * doctype's internal subset, or `undefined` when something in it is not terminated.
 */
function readProlog(text: string): { end: number; subset?: string } | undefined {
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let subset: string | undefined;
  for (let steps = 0; steps < 64; steps++) {
    while (index < text.length && /\s/.test(text.charAt(index))) index++;
    let end: number;
    if (text.startsWith('<?', index)) end = text.indexOf('?>', index + 2) + 2;
    else if (text.startsWith('<!--', index)) end = text.indexOf('-->', index + 4) + 3;
    else if (/^<!doctype/i.test(text.slice(index, index + 9))) {
      const close = text.indexOf('>', index);
      const bracket = text.indexOf('[', index);
      if (bracket < 0 || (close >= 0 && close < bracket)) end = close + 1;
      else {
        const subsetEnd = /\]\s*>/g;
        subsetEnd.lastIndex = bracket;
        const match = subsetEnd.exec(text);
        subset = text.slice(bracket + 1, match ? match.index : undefined);
        end = match ? subsetEnd.lastIndex : 0;
      }
    } else break;
    if (end <= index + 1) return undefined; // unterminated
    index = end;
  }
  return { end: index, subset };
}

/**
 * Reads an RSS or Atom document into a `Feed`. Throws a `FeedError` of kind `parse` for text that
 * is not well-formed XML, and of kind `format` for XML that is not a feed; never anything else.
 */
export function parseXmlFeed(text: string, feedUrl?: string): Feed {
  const document = parseXml(typeof text === 'string' ? text : '');
  const root = document.documentElement!;
  try {
    if (root.localName === 'rss' || root.localName === 'RDF') return readRss(root, feedUrl);
    const atomNamespace = root.namespaceURI === null || root.namespaceURI === ns.atom || root.namespaceURI === ns.atom03;
    if (root.localName === 'feed' && atomNamespace) return readAtom(root, feedUrl);
  } catch (cause) {
    throw new FeedError('format', `The feed could not be read: ${(cause as Error)?.message ?? cause}`, undefined, { cause });
  }
  throw new FeedError('format', `The XML document is not an RSS or Atom feed (its root element is <${root.nodeName}>).`);
}

// ---------------------------------------------------------------------------------------------
// Parsing

function parseXml(text: string): Document {
  // An XML declaration must come first: PHP templates often put blank lines before it. The text is
  // already decoded, so its declared encoding is dropped (an engine must not decode it again).
  const source = withoutEncoding(text.replace(/^\uFEFF?\s+/, ''));
  const declared = declaredEntities(source);
  if (declared.size && expansionTooLarge(source, declared)) {
    throw new FeedError('parse', 'The feed declares XML entities that expand too much (nested, or too large); it is not parsed.');
  }
  const document = parseOnce(source);
  const error = parseError(document);
  if (error === undefined) return document;
  const repaired = repair(source, declared);
  if (repaired !== source) {
    const second = parseOnce(repaired);
    if (parseError(second) === undefined) return second;
  }
  throw new FeedError('parse', `The feed is not well-formed XML: ${error}`);
}

function withoutEncoding(source: string): string {
  const end = source.startsWith('<?xml') ? source.indexOf('?>') : -1;
  if (end < 0 || end > 512) return source;
  return source.slice(0, end).replace(/\s+encoding\s*=\s*(?:"[^"]*"|'[^']*')/, '') + source.slice(end);
}

function parseOnce(source: string): Document {
  try {
    // A lone surrogate makes WebKit drop the rest of the document silently; the others read U+FFFD.
    const wellFormedText = source.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
    return new DOMParser().parseFromString(inertHtml(wellFormedText), 'application/xml');
  } catch (cause) {
    // No DOMParser (not a browser), or Trusted Types refused the policy: the page's CSP must allow "news-widgets".
    throw new FeedError('parse', `The browser refused to parse the XML feed: ${(cause as Error)?.message ?? cause}`, undefined, { cause });
  }
}

/** The parser's message when the document is not well-formed, else `undefined`. */
function parseError(document: Document): string | undefined {
  // Firefox makes <parsererror> the root (in its own namespace); Chromium and WebKit insert an
  // XHTML <parsererror> into what they could read. Only those namespaces count: a feed may well
  // contain an element of that name of its own.
  const [error] = ['http://www.mozilla.org/newlayout/xml/parsererror.xml', ns.xhtml].flatMap((namespace) => [...document.getElementsByTagNameNS(namespace, 'parsererror')]);
  if (error) return normalizeWhitespace(textOf(error)).slice(0, 300) || 'parse error';
  return document.documentElement ? undefined : 'no root element';
}

/**
 * Fixes the well-formedness errors feeds make most, outside CDATA sections and comments: a bare "&"
 * becomes "&amp;" and a bare "<" that starts no markup "&lt;", an HTML entity becomes its character
 * reference (or literal text, if unknown), characters XML forbids (C0 controls, U+FFFE/U+FFFF,
 * references to them) are dropped, and a namespace prefix used in an element or attribute name but
 * declared nowhere (`<yandex:full-text>` without `xmlns:yandex`, which fails the whole document) is
 * declared on the root element: with the namespace this reader knows it by, else one nothing reads,
 * so the unknown element is ignored.
 */
function repair(source: string, declared: Map<string, string | undefined>): string {
  const prefixes = new Set<string>();
  const declaredPrefixes = new Set<string>();
  const repaired = splitVerbatim(source)
    .map((part, index) => {
      part = part.replace(forbiddenCharacters, '');
      if (index % 2 === 1) return part;
      // An element's prefix, an xmlns declaration's, or an attribute's (but an xml one), with the
      // spaces XML allows around "=": a match starts at "<" or a space and scans one name, so the
      // scan is linear whatever the input.
      for (const [, element, declaration, attribute] of part.matchAll(/<([A-Za-z_][\w.-]*):|\s(?:xmlns:([\w.-]+)|(?!xml)([A-Za-z_][\w.-]*):[\w.-]+)\s*=/g)) {
        if (declaration) declaredPrefixes.add(declaration);
        else prefixes.add(element ?? attribute!);
      }
      // A "<" that starts no tag, declaration or instruction ("<3", "a < b") is text.
      part = part.replace(/<(?![\p{L}_:/!?])/gu, '&lt;');
      return part.replace(/&(?:#(\d+);|#x([0-9a-fA-F]+);|([A-Za-z_][\w.-]*);)?/g, (match, decimal?: string, hex?: string, name?: string) => {
        if (decimal || hex) return isXmlChar(decimal ? +decimal : parseInt(hex!, 16)) ? match : '';
        if (!name) return '&amp;';
        if (/^(?:amp|lt|gt|quot|apos)$/.test(name) || declared.has(name)) return match;
        const code = htmlEntities.get(name);
        return code === undefined ? `&amp;${name};` : `&#${code};`;
      });
    })
    .join('');
  // A feed uses a few prefixes; more is garbage, and would be slow: parsers check each name against
  // each declaration in scope (thousands take minutes in Chromium), so it is left to fail.
  if (prefixes.size > 99) return repaired;
  // Each with the namespace this reader knows it by, else a placeholder nothing reads. (A prefix
  // named like an Object.prototype member gets that member's text: odd, harmless, and no feed's.)
  // Declared on any element counts, as feeds write it: one declared twice on the root would be fatal.
  let declarations = '';
  for (const prefix of prefixes) {
    if (!declaredPrefixes.has(prefix)) declarations += ` xmlns:${prefix}="${ns[prefix as 'dc'] ?? 'urn:x-undeclared:' + prefix}"`;
  }
  // On the root element, after its name (found past the prolog, whose comments may hold any text).
  const root = readProlog(repaired)?.end ?? 0;
  return repaired.slice(0, root) + repaired.slice(root).replace(/[^\s/>]+/, `$&${declarations}`);
}

/** Splits markup from CDATA sections and comments (at odd indexes), in one pass. */
function splitVerbatim(source: string): string[] {
  const parts: string[] = [];
  let index = 0;
  while (index < source.length) {
    const cdata = source.indexOf('<![CDATA[', index);
    const comment = source.indexOf('<!--', index);
    const start = cdata < 0 ? comment : comment < 0 ? cdata : Math.min(cdata, comment);
    if (start < 0) break;
    const terminator = start === cdata ? ']]>' : '-->';
    const end = source.indexOf(terminator, start + 4);
    const stop = end < 0 ? source.length : end + terminator.length;
    parts.push(source.slice(index, start), source.slice(start, stop));
    index = stop;
  }
  parts.push(source.slice(index));
  return parts;
}

/**
 * The general entities an internal DTD subset declares, by name, with their literal value
 * (`undefined` for an external one, which no browser loads). Parameter entities are listed as "%name".
 */
function declaredEntities(source: string): Map<string, string | undefined> {
  const entities = new Map<string, string | undefined>();
  const subset = readProlog(source)?.subset ?? '';
  for (const [, percent, name, double, single] of subset.matchAll(/<!ENTITY\s+(%\s+)?([^\s"'%>]+)\s+(?:"([^"]*)"|'([^']*)')?/g)) {
    entities.set(`${percent ? '%' : ''}${name}`, double ?? single);
  }
  return entities;
}

/**
 * True when the declared entities could blow up in the parser ("billion laughs"): one that refers
 * to another entity, or references whose expansion would exceed a few megabytes. Chromium and
 * Firefox stop such documents themselves; WebKit expands them until the tab hangs or dies.
 */
function expansionTooLarge(source: string, entities: Map<string, string | undefined>): boolean {
  for (const [name, value] of entities) {
    if (value !== undefined && (name.startsWith('%') || /[&%][A-Za-z_:][\w.:-]*;/.test(value))) return true;
  }
  let expanded = 0;
  for (const [, name] of source.matchAll(/&([^\s&;<>"']+);/g)) {
    expanded += entities.get(name!)?.length ?? 0;
    if (expanded > 4_000_000) return true;
  }
  return false;
}

// eslint-disable-next-line no-control-regex
const forbiddenCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

// ---------------------------------------------------------------------------------------------
// RSS

/** What an item's fields are read with: its format's namespaces, the feed's URL and authors. */
interface ItemContext {
  namespaces: Namespaces;
  feedUrl: string | undefined;
  feedAuthors: Author[];
}

function readRss(root: Element, feedUrl: string | undefined): Feed {
  const core: Namespaces = [...rssNs, root.namespaceURI];
  const channel = child(root, 'channel', core);
  // RSS 2.0 keeps items in the channel; RSS 1.0 and 0.90 next to it.
  const items = [...children(channel, 'item', core), ...children(root, 'item', core)];
  const context: ItemContext = { namespaces: core, feedUrl, feedAuthors: readRssAuthors(channel, core) };

  return {
    title: plainTitle(childText(channel, 'title', core)),
    homePageUrl: linkOf(child(channel, 'link', core), feedUrl),
    language:
      readLanguage(childText(channel, 'language', core)) ??
      readLanguage(childText(channel, 'language', [ns.dc])) ??
      languageAttribute(channel) ??
      languageAttribute(root),
    authors: context.feedAuthors,
    ...collectStories(items, (item) => {
      const id =
        readText(childText(item, 'guid', core)) ??
        rssUrl(item, context) ??
        readText(childText(item, 'link', core)) ??
        readText(item.getAttributeNS(ns.rdf, 'about')) ??
        titleAndDate(rssTitle(item, context), rssDateText(item, context));
      return id ? rssStory(id, item, context) : undefined;
    }),
  };
}

// A Turbo item may have no <title>: its page's title is the h1 in turbo:content's header.
const rssTitle = (item: Element, context: ItemContext) =>
  plainTitle(childText(item, 'title', context.namespaces) || (rssBodies(item, context).header.split(/<\/?h1\b[^<>]*>/i)[1] ?? ''));
const rssDateText = (item: Element, { namespaces }: ItemContext) => readText(childText(item, 'pubDate', namespaces)) ?? readText(childText(item, 'date', [ns.dc]));

/** The item's `link`, else its `guid` when that is a permalink (unless isPermaLink="false"; only an absolute one). */
function rssUrl(item: Element, { namespaces, feedUrl }: ItemContext): string | undefined {
  const guid = child(item, 'guid', namespaces);
  const isPermalink = guid?.getAttribute('isPermaLink')?.trim().toLowerCase() !== 'false' && /^\s*https?:\/\//i.test(textOf(guid));
  return linkOf(child(item, 'link', namespaces), feedUrl) ?? (isPermalink ? linkOf(guid, feedUrl) : undefined);
}

/** An item's summary and body, read together: the description is one or the other. Kept, as its markup is serialized once. */
const rssBodyCache = new WeakMap<Element, ReturnType<typeof readRssBodies>>();
function rssBodies(item: Element, context: ItemContext): ReturnType<typeof readRssBodies> {
  let bodies = rssBodyCache.get(item);
  if (!bodies) rssBodyCache.set(item, (bodies = readRssBodies(item, context)));
  return bodies;
}
function readRssBodies(item: Element, { namespaces, feedUrl }: ItemContext) {
  const descriptionElement = child(item, 'description', namespaces);
  const description = readText(markupOf(descriptionElement));
  // Yandex.News's yandex:full-text is meant as plain text, but some CMSs put (escaped) HTML in it.
  const fullTextElement = child(item, 'full-text', [ns.yandex]);
  const fullText = markupOf(fullTextElement);
  const fullTextIsHtml = /<\/?[a-zA-Z][^<>]*>/.test(fullText);
  const encodedElement = child(item, 'encoded', [ns.content]) ?? child(item, 'content', [ns.turbo]) ?? (fullTextIsHtml ? fullTextElement : undefined);
  let html = markupOf(encodedElement);
  let header = '';
  // Turbo content opens with a <header>: the page's title, cover image and menu, which a widget shows itself (or not).
  if (encodedElement?.namespaceURI === ns.turbo) html = html.replace(/^\s*<header[\s>][\s\S]*?<\/header>/i, (match) => ((header = match), ''));
  const encoded = readText(html);
  // One paragraph per line (CMSs write one per paragraph of the article; featured-story splits at
  // blank lines), entities the CMS escaped twice ("&amp;nbsp;") decoded.
  const text = encoded || fullTextIsHtml ? undefined : readText(fullText.split('\n').map((line) => normalizeWhitespace(decodeEntities(line))).filter(Boolean).join('\n\n'));
  const body = text ? undefined : withBase(encoded ?? description, (encoded ? encodedElement : descriptionElement)!, feedUrl);
  return {
    header,
    text,
    // Where a story's image may be when no enclosure or Media RSS gives one: the Turbo cover, then
    // the body, then a description that is only the summary (CMSs often put the picture there).
    pictures: header + (body ?? '') + ((encoded && withBase(description, descriptionElement!, feedUrl)) ?? ''),
    // The description is the summary only when another element holds the body; otherwise it is the body.
    summary: (encoded || text) && description ? readText(htmlToPlainText(description)) : undefined,
    html: body,
  };
}

/** An RSS item's fields beyond those its id is made of, read when first used (lazy-story.ts). */
const rssStory = lazyStories<Element, ItemContext>({
  title: rssTitle,
  url: rssUrl,
  summary: (item, context) => rssBodies(item, context).summary,
  contentHtml: (item, context) => rssBodies(item, context).html,
  contentText: (item, context) => rssBodies(item, context).text,
  // An enclosure or Media RSS image, else a Turbo page's cover (in turbo:content's header, which the
  // body leaves out), else the first picture in the body or description, as many CMSs' feeds have
  // no other: resolved as the body's own images are shown, against the story's link.
  image: (item, context) => readImage(item, context) ?? firstImage(rssBodies(item, context).pictures, rssUrl(item, context) ?? baseOf(item, context.feedUrl)),
  // A pubDate that cannot be read (a CMS's own format) gives way to dc:date, and the other way round.
  published: (item, { namespaces }) => parseRfc822Date(childText(item, 'pubDate', namespaces)) ?? parseRfc822Date(childText(item, 'date', [ns.dc])),
  modified: () => undefined,
  authors: (item, { namespaces, feedAuthors }) => {
    const authors = readRssAuthors(item, namespaces);
    return authors.length ? authors : feedAuthors;
  },
  tags: (item, { namespaces }) => readTags([...children(item, 'category', namespaces), ...children(item, 'subject', [ns.dc])].map(textOf)),
  language: (item) => languageAttribute(item) ?? readLanguage(childText(item, 'language', [ns.dc])),
});

/** RSS `author` ("press@city.example (Пресс-служба)") and Dublin Core `creator` elements. */
function readRssAuthors(parent: Element | undefined, core: Namespaces): Author[] {
  const names = [...children(parent, 'creator', [ns.dc]), ...children(parent, 'author', core)].map((element) => {
    const text = normalizeWhitespace(textOf(element));
    const match = text.length > 300 ? null : (/^[^\s@()]+@[^\s()]+\s*\((.+)\)$/.exec(text) ?? /^([^<>]+?)\s*<[^<>@\s]+@[^<>\s]+>$/.exec(text));
    return readText(match ? match[1] : text);
  });
  return [...new Set(names.filter((name): name is string => name !== undefined))].map((name) => ({ name }));
}

// ---------------------------------------------------------------------------------------------
// Atom

/** Atom 1.0's date elements, each followed by Atom 0.3's. */
const publishedNames = ['published', 'issued', 'created'];
const updatedNames = ['updated', 'modified'];

function readAtom(root: Element, feedUrl: string | undefined): Feed {
  const atom: Namespaces = [root.namespaceURI];
  const context: ItemContext = { namespaces: atom, feedUrl, feedAuthors: [] };
  context.feedAuthors = readAtomAuthors(root, context);
  return {
    title: readText(atomPlainText(child(root, 'title', atom))),
    homePageUrl: atomLink(root, context),
    language: languageAttribute(root),
    authors: context.feedAuthors,
    ...collectStories(children(root, 'entry', atom), (entry) => {
      const id =
        readText(childText(entry, 'id', atom)) ??
        atomLink(entry, context) ??
        titleAndDate(atomTitle(entry, context), atomDateText(entry, atom, publishedNames) ?? atomDateText(entry, atom, updatedNames));
      return id ? atomStory(id, entry, context) : undefined;
    }),
  };
}

const atomTitle = (entry: Element, { namespaces }: ItemContext) => readText(atomPlainText(child(entry, 'title', namespaces)));

/** The text of the first of `names` the entry has (Atom 1.0's name first, then 0.3's). */
function atomDateText(entry: Element, atom: Namespaces, names: string[]): string | undefined {
  for (const name of names) {
    const element = child(entry, name, atom);
    if (element) return readText(textOf(element));
  }
  return undefined;
}

const atomDate = (entry: Element, atom: Namespaces, names: string[]) => parseRfc822Date(atomDateText(entry, atom, names)!);

/** An Atom entry's `content` element and its kind (html, xhtml or text). */
function atomContent(entry: Element, namespaces: Namespaces): [Element | undefined, ReturnType<typeof atomTextKind>] {
  const content = child(entry, 'content', namespaces);
  return [content, content && atomTextKind(content)];
}

/** An Atom entry's fields beyond those its id is made of, read when first used (lazy-story.ts). */
const atomStory = lazyStories<Element, ItemContext>({
  title: atomTitle,
  url: atomLink,
  published: (entry, { namespaces }) => atomDate(entry, namespaces, publishedNames) ?? atomDate(entry, namespaces, updatedNames),
  modified: (entry, { namespaces }) => atomDate(entry, namespaces, updatedNames),
  summary: (entry, { namespaces }) => readText(atomPlainText(child(entry, 'summary', namespaces))),
  // HTML, escaped or inline XHTML; plain text is `contentText`.
  contentHtml: (entry, { namespaces, feedUrl }) => {
    const [content, kind] = atomContent(entry, namespaces);
    return kind === 'html' || kind === 'xhtml' ? readText(withBase(kind === 'html' ? textOf(content) : serializeXhtml(content!), content!, feedUrl)) : undefined;
  },
  contentText: (entry, { namespaces }) => {
    const [content, kind] = atomContent(entry, namespaces);
    return kind === 'text' ? readText(textOf(content)) : undefined;
  },
  image: readImage,
  authors: (entry, context) => {
    const authors = readAtomAuthors(entry, context);
    const sourceAuthors = authors.length ? authors : readAtomAuthors(child(entry, 'source', context.namespaces), context);
    return sourceAuthors.length ? sourceAuthors : context.feedAuthors;
  },
  tags: (entry, { namespaces }) =>
    readTags(children(entry, 'category', namespaces).map((category) => category.getAttribute('term') || category.getAttribute('label') || textOf(category))),
  language: (entry) => languageAttribute(entry),
});

function readAtomAuthors(parent: Element | undefined, { namespaces, feedUrl }: ItemContext): Author[] {
  const authors: Author[] = [];
  for (const author of children(parent, 'author', namespaces)) {
    const name = readText(normalizeWhitespace(childText(author, 'name', namespaces)));
    if (name) authors.push({ name, url: linkOf(child(author, 'uri', namespaces) ?? child(author, 'url', namespaces), feedUrl) });
  }
  return authors;
}

/** The `href` of the alternate link (`rel="alternate"` or no rel), an HTML one first, resolved by its xml:base. */
function atomLink(parent: Element, { namespaces, feedUrl }: ItemContext): string | undefined {
  const alternates = children(parent, 'link', namespaces).filter((link) =>
    /^(?:|alternate|http:\/\/www\.iana\.org\/assignments\/relation\/alternate)$/.test((link.getAttribute('rel') ?? '').trim().toLowerCase()),
  );
  const isHtml = (link: Element) => /^(?:text\/html|application\/xhtml\+xml)?$/i.test(mediaType(link));
  for (const link of [...alternates.filter(isHtml), ...alternates]) {
    const href = resolveLinkUrl(link.getAttribute('href'), baseOf(link, feedUrl));
    if (href) return href;
  }
  return undefined;
}

/** The `type` attribute without parameters, trimmed ("" when there is none). */
const mediaType = (element: Element) => (element.getAttribute('type') ?? '').split(';')[0]!.trim();

/** What an Atom text construct or content holds; `undefined` for out-of-line (`src`) or binary content. */
function atomTextKind(element: Element): 'text' | 'html' | 'xhtml' | undefined {
  if (element.hasAttribute('src')) return undefined;
  const type = (element.getAttribute('type') ?? 'text').split(';')[0]!.trim().toLowerCase();
  const mode = element.getAttribute('mode')?.trim().toLowerCase(); // Atom 0.3
  if (mode === 'base64') return undefined;
  if (mode === 'escaped') return type === 'text' || type === 'text/plain' ? 'text' : 'html';
  if (type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml') return 'xhtml';
  if (type === 'html' || type === 'text/html') return 'html';
  if (type === 'text' || type.startsWith('text/')) return 'text';
  return undefined;
}

/** An Atom text construct (title, summary) as plain text. */
function atomPlainText(element: Element | undefined): string {
  const kind = element && atomTextKind(element);
  if (kind === 'html') return htmlToPlainText(textOf(element));
  if (kind === 'xhtml') return normalizeWhitespace(elementText(xhtmlWrapper(element!)));
  return kind === 'text' ? normalizeWhitespace(textOf(element)) : '';
}

/** The `<div>` that wraps inline XHTML, or the element itself when a feed leaves it out. */
function xhtmlWrapper(element: Element): Element {
  const elements = [...element.children];
  const [div] = elements;
  const otherText = [...element.childNodes].some((node) => (node.nodeType === 3 || node.nodeType === 4) && /\S/.test(node.nodeValue ?? ''));
  return elements.length === 1 && div!.localName === 'div' && div!.namespaceURI === ns.xhtml && !otherText ? div! : element;
}

/** Inline XHTML content as an HTML string: the wrapper div's children, serialized. */
const serializeXhtml = (element: Element) => serialize(xhtmlWrapper(element), () => true);

// ---------------------------------------------------------------------------------------------
// Shared by both formats

/** The main image of an item or entry: an image enclosure, Media RSS content, a thumbnail, or an item-level `<image>`. */
function readImage(item: Element, { namespaces: core, feedUrl }: ItemContext): string | undefined {
  const groups = children(item, 'group', mediaNs);
  // A media:group holds one medium in several sizes: the largest first, by width (those without one
  // after, in feed order). Media elements directly in the item are different media: feed order.
  const media = (parent: Element, name: string) => {
    const found = children(parent, name, mediaNs);
    return groups.includes(parent) ? found.sort((a, b) => widthOf(b) - widthOf(a)) : found;
  };
  const mediaContents = [item, ...groups].flatMap((parent) => media(parent, 'content'));
  const candidates: [Element, string | null][] = [
    ...children(item, 'enclosure', core).map((enclosure) => imageCandidate(enclosure, 'url')),
    ...children(item, 'link', [ns.atom, ns.atom03])
      .filter((link) => link.getAttribute('rel')?.trim().toLowerCase() === 'enclosure')
      .map((link) => imageCandidate(link, 'href')),
    ...mediaContents.map((content) => imageCandidate(content, 'url', content.getAttribute('medium'))),
    ...[item, ...groups, ...mediaContents].flatMap((parent) => media(parent, 'thumbnail')).map((thumbnail): [Element, string | null] => [thumbnail, thumbnail.getAttribute('url')]),
    ...children(item, 'image', core).map((image): [Element, string | null] => [image, textOf(child(image, 'url', core) ?? image)]),
  ];
  for (const [element, url] of candidates) {
    const resolved = resolveImageUrl(url, baseOf(element, feedUrl));
    if (resolved) return resolved;
  }
  return undefined;
}

/**
 * The first picture of the story in HTML: the `src` of an `<img>` that is a safe http(s) URL, not a
 * tracking pixel (1×1, as feed statistics services add) nor an emoji (WordPress turns emoji in feeds
 * into images of class "wp-smiley"). `undefined` when there is none.
 */
function firstImage(html: string, base: string | undefined): string | undefined {
  for (const [tag] of html.matchAll(/<img\b[^<>]*>/gi)) {
    if (/\s(?:(?:width|height)\s*=\s*["']?[01]\b|class\s*=\s*["']?[^"'<>]*(?:smiley|emoji))/i.test(tag)) continue;
    const [, double, single, bare] = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))/i.exec(tag) ?? [];
    const url = resolveImageUrl(decodeEntities(double ?? single ?? bare ?? ''), base);
    if (url) return url;
  }
  return undefined;
}

/** A Media RSS element's `width` attribute in pixels; 0 without one. */
const widthOf = (element: Element) => parseInt(element.getAttribute('width')!) || 0;

const imageExtension = /\.(?:jpe?g|png|gif|webp|avif|bmp|svg)$/i;

/**
 * An element and the URL in its `attribute`, or `null` for one that is no image: an image by its
 * MIME type, its Media RSS medium, or (when neither says otherwise) its file extension.
 */
function imageCandidate(element: Element, attribute: string, medium?: string | null): [Element, string | null] {
  const url = element.getAttribute(attribute);
  const mime = element.getAttribute('type')?.trim().toLowerCase();
  const kind = medium?.trim().toLowerCase();
  const isImage = mime ? mime.startsWith('image/') : kind ? kind === 'image' : !!url && imageExtension.test(url.trim().replace(/[?#].*$/, ''));
  return [element, isImage ? url : null];
}

/** Tags: trimmed, whitespace collapsed, empty ones dropped, duplicates removed (first kept). */
function readTags(values: (string | null)[]): string[] {
  const tags = values.map((value) => readText(normalizeWhitespace(value ?? ''))).filter((tag): tag is string => tag !== undefined);
  return [...new Set(tags)];
}

/** An id made of what an item without one shows: its title and date. */
const titleAndDate = (title: string | undefined, date: string | undefined) => readText([title, date].filter(Boolean).join(' '));

function languageAttribute(element: Element | undefined): string | undefined {
  return readLanguage(element?.getAttributeNS(ns.xml, 'lang'));
}

/** The `xml:base` values of an element and its ancestors, innermost first. */
function xmlBases(element: Element): string[] {
  const bases: string[] = [];
  for (let node: Element | null = element; node; node = node.parentElement) {
    const value = node.getAttributeNS(ns.xml, 'base');
    if (value !== null) bases.push(value.trim());
  }
  return bases;
}

/**
 * The base URL of an element: the `xml:base` of it and of each ancestor, resolved in turn from
 * the outermost, starting from the feed's URL. A base that cannot be resolved is skipped.
 */
function baseOf(element: Element, feedUrl: string | undefined): string | undefined {
  return xmlBases(element).reduceRight((base, value) => {
    try {
      return new URL(value, base).href;
    } catch {
      return base; // a relative xml:base without an absolute one above it, or garbage: keep the outer base
    }
  }, feedUrl);
}

/** The link URL an element's text holds, resolved by its xml:base. */
const linkOf = (element: Element | undefined, feedUrl: string | undefined) => element && resolveLinkUrl(textOf(element), baseOf(element, feedUrl));

/**
 * Content HTML with its relative `href` and `src` made absolute, when an `xml:base` applies to it:
 * the sanitizer later resolves what is left against the story's URL, which is right only without
 * one. Values that already have a scheme, and fragment-only links, are left as they are.
 */
function withBase(html: string | undefined, element: Element, feedUrl: string | undefined): string | undefined {
  const base = html && xmlBases(element).length ? baseOf(element, feedUrl) : undefined;
  if (!base) return html;
  return html!.replace(/<[a-zA-Z][^<>]*>/g, (tag) =>
    tag.replace(/(\s(?:href|src)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi, (match, prefix: string, double?: string, single?: string, bare?: string) => {
      const value = (double ?? single ?? bare ?? '').trim();
      if (!value || value.startsWith('#') || /^[a-z][a-z\d+.-]*:/i.test(value)) return match;
      try {
        return `${prefix}"${new URL(value, base).href.replace(/"/g, '%22')}"`;
      } catch {
        return match;
      }
    }),
  );
}

/** The child elements of `parent` (none without one) with that local name in one of `namespaces`. */
function children(parent: Element | undefined, localName: string, namespaces: Namespaces): Element[] {
  const found: Element[] = [];
  for (let node = parent?.firstElementChild; node; node = node.nextElementSibling) {
    if (node.localName === localName && namespaces.includes(node.namespaceURI)) found.push(node);
  }
  return found;
}

const child = (parent: Element | undefined, localName: string, namespaces: Namespaces): Element | undefined => children(parent, localName, namespaces)[0];

const textOf = (element: Element | undefined): string => element?.textContent ?? '';

const childText = (parent: Element | undefined, localName: string, namespaces: Namespaces) => textOf(child(parent, localName, namespaces));

/** The child nodes of `element` as HTML: those `serializeNode` accepts serialized, the others' text escaped. */
function serialize(element: Element, serializeNode: (node: Node) => boolean): string {
  const serializer = new XMLSerializer();
  return [...element.childNodes]
    .map((node) => (serializeNode(node) ? serializer.serializeToString(node) : escapeHtml(node.nodeValue ?? '')))
    .join('')
    .replace(/\sxmlns="http:\/\/www\.w3\.org\/1999\/xhtml"/g, '');
}

/**
 * An RSS description or content:encoded as HTML: its text (escaped or CDATA HTML, as the spec
 * wants), or, when a feed put unescaped markup in it, that markup serialized.
 */
function markupOf(element: Element | undefined): string {
  return element?.firstElementChild ? serialize(element, (node) => node.nodeType === 1) : textOf(element);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An RSS title as plain text: RSS titles often hold escaped HTML or entities ("&amp;quot;"). */
function plainTitle(text: string): string | undefined {
  return readText(/[<&]/.test(text) ? htmlToPlainText(text) : normalizeWhitespace(text));
}

// ---------------------------------------------------------------------------------------------
// Plain text out of HTML without a DOM (for titles and summaries; bodies go through the sanitizer)

const blockTag = /^<\/?(?:address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|ol|p|pre|section|table|td|th|tr|ul)\b/i;

/** Tags dropped (block boundaries become spaces), invisible elements removed, entities decoded, whitespace collapsed. */
function htmlToPlainText(html: string): string {
  const withoutTags = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g, '$1') // double-wrapped CDATA, a common CMS bug
    .replace(/<![^>]*(?:>|$)/g, '') // doctypes and other bogus comments
    .replace(/<(script|style|template|noscript|iframe|object|svg|math|head|title)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, (tag) => (blockTag.test(tag) ? ' ' : ''));
  return normalizeWhitespace(decodeEntities(withoutTags));
}

/** Text of an XML element's subtree (inline XHTML), with spaces at block boundaries. */
function elementText(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let current = node.firstChild; current; current = current.nextSibling) {
      if (current.nodeType === 3 || current.nodeType === 4) parts.push(current.nodeValue ?? '');
      else if (current.nodeType === 1 && !/^(?:script|style|template)$/i.test((current as Element).localName)) {
        const isBlock = blockTag.test(`<${(current as Element).localName}`);
        if (isBlock) parts.push(' ');
        walk(current);
        if (isBlock) parts.push(' ');
      }
    }
  };
  walk(element);
  return parts.join('');
}

