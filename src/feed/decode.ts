/**
 * Bytes of a feed to text, by the charset a feed reader would pick. Feeds are still served in
 * windows-1251, KOI8-R and ISO-8859-x, and `Response.text()` would read them all as UTF-8.
 *
 * The order is that of RFC 7303 (XML media types) and of browsers:
 * 1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE) wins over everything;
 * 2. then the `charset` parameter of the Content-Type header, for every type (RFC 7303 §3.2: for
 *    text/xml as for application/xml the header wins over the XML declaration; its old us-ascii
 *    default for text/xml without a charset is gone);
 * 3. then, for XML, the `encoding` of the XML declaration, read from the first bytes as ASCII, and
 *    UTF-16 without a BOM recognised by its `<?` pattern of zero bytes (XML 1.0 Appendix F);
 * 4. then UTF-8.
 *
 * Like a feed reader, it also survives the two common server misconfigurations: when the header and
 * the XML declaration disagree and one of them says UTF-8, the bytes decide (a valid UTF-8 body with
 * non-ASCII text is UTF-8; one that is not valid UTF-8 is in the other charset). A UTF-16 label is
 * ignored for bytes that plainly are not UTF-16, and a header charset for bytes that plainly are.
 * Unknown labels are skipped. Never throws: invalid bytes become U+FFFD. No DOM.
 */

type Bytes = ArrayBuffer | Uint8Array;

/** How many bytes of the start of the body the XML declaration is looked for in. */
const declarationWindow = 1024;

export function decodeFeedBytes(bytes: Bytes, contentType: string | null): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  // The encoding is one TextDecoder already accepted (or UTF-8): this cannot throw.
  return new TextDecoder(pickEncoding(view, contentType)).decode(view);
}

/** The WHATWG encoding name (as `TextDecoder#encoding` gives it) the body is decoded with. */
export function detectFeedEncoding(bytes: Bytes, contentType: string | null): string {
  return pickEncoding(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), contentType);
}

function pickEncoding(bytes: Uint8Array, contentType: string | null): string {
  const bom = bomEncoding(bytes);
  if (bom) return bom;

  // "<" and zero bytes cannot be read in any ASCII-compatible charset, and they tell the byte order:
  // a header that says otherwise is wrong.
  const utf16Pattern = utf16Encoding(bytes);
  if (utf16Pattern) return utf16Pattern;

  const fromHeader = canonicalEncoding(headerCharset(contentType));
  // A UTF-16 declaration that could be read as ASCII contradicts itself: such a body is not UTF-16.
  const declaredLabel = canonicalEncoding(declaredEncoding(bytes));
  const declared = declaredLabel && !isUtf16(declaredLabel) ? declaredLabel : undefined;
  if (fromHeader && !(isUtf16(fromHeader) && looksAscii(bytes))) {
    if (declared && declared !== fromHeader && (declared === 'utf-8' || fromHeader === 'utf-8')) {
      // The header and the declaration disagree, one says UTF-8: the bytes decide.
      const validUtf8 = isValidUtf8(bytes);
      if (fromHeader === 'utf-8') return validUtf8 ? fromHeader : declared;
      return validUtf8 && !isAscii(bytes) ? declared : fromHeader;
    }
    return fromHeader;
  }
  return declared ?? 'utf-8';
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** UTF-16 without a BOM: "<?" (or "<" and another ASCII character) interleaved with zero bytes. */
function utf16Encoding(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4) return undefined;
  if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] !== 0 && bytes[2]! < 0x80 && bytes[3] === 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] !== 0 && bytes[3]! < 0x80) return 'utf-16be';
  return undefined;
}

const isUtf16 = (encoding: string) => encoding === 'utf-16le' || encoding === 'utf-16be';

/** The body starts like ASCII-compatible markup or JSON ("<", "{", "[" and a non-zero byte). */
function looksAscii(bytes: Uint8Array): boolean {
  const index = skipSpaces(bytes, bytes.length);
  return index + 1 < bytes.length && (bytes[index] === 0x3c || bytes[index] === 0x7b || bytes[index] === 0x5b) && bytes[index + 1] !== 0;
}

/**
 * The `charset` parameter of a Content-Type value, unquoted. Lenient like feed readers: single
 * quotes and spaces around "=" are accepted (`charset = 'us-ascii'`), "charset:x" is not a parameter.
 */
function headerCharset(contentType: string | null): string | undefined {
  if (!contentType) return undefined;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;,"']+))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/**
 * The `encoding` of an XML declaration at the start of the body, read as ASCII; or after the
 * warnings PHP printed before it (`<br />\n<b>Warning</b>: … <br />`), which the feed reader skips.
 */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const start = skipSpaces(bytes, 64);
  const text = String.fromCharCode(...bytes.subarray(start, start + declarationWindow));
  const declaration = /^<br\b/i.test(text) ? Math.max(text.indexOf('<?xml'), 0) : 0;
  // Up to ">", the end of the declaration; bytes beyond ASCII are no part of it.
  const head = text
    .slice(declaration)
    .split('>')[0]!
    .replace(/[\x80-\xFF]/g, '\uFFFD');
  const match = /^<\?xml\s[^?]*?\bencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(head);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** The encoding's canonical name, or `undefined` for a label TextDecoder does not know (or "replacement"). */
function canonicalEncoding(label: string | undefined): string | undefined {
  if (!label?.trim()) return undefined;
  try {
    // "utf-16" without an endianness is little-endian, as in browsers.
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** Where the first byte that is not XML whitespace is, looking at most `limit` bytes in. */
function skipSpaces(bytes: Uint8Array, limit: number): number {
  let index = 0;
  while (index < bytes.length && index < limit && (bytes[index] === 0x20 || bytes[index] === 0x09 || bytes[index] === 0x0a || bytes[index] === 0x0d)) index++;
  return index;
}

const isAscii = (bytes: Uint8Array) => !bytes.some((byte) => byte >= 0x80);

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
