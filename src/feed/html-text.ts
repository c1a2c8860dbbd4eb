/**
 * HTML character references in feed text that is shown as plain text (WordPress titles, RSS titles
 * holding escaped HTML, Atom html text constructs). Decoding without a DOM keeps normalizers usable
 * on a server and in workers, and one table serves every format. No DOM.
 */
/** HTML 4's Latin-1 entities, U+00A0 to U+00FF in order. */
const latin1Names =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

/** The HTML entities news text uses (the repair of broken XML feeds maps them to numeric references too): XML's five, Latin-1, typography, arrows and a few symbols. */
export const htmlEntities = new Map<string, number>([
  ...latin1Names.split(' ').map((name, index): [string, number] => [name, 0xa0 + index]),
  ...Object.entries({
    amp: 38, lt: 60, gt: 62, quot: 34, apos: 39, OElig: 338, oelig: 339, Scaron: 352, scaron: 353, Yuml: 376, fnof: 402,
    circ: 710, tilde: 732, ensp: 8194, emsp: 8195, thinsp: 8201, zwnj: 8204, zwj: 8205, lrm: 8206, rlm: 8207,
    ndash: 8211, mdash: 8212, lsquo: 8216, rsquo: 8217, sbquo: 8218, ldquo: 8220, rdquo: 8221, bdquo: 8222,
    dagger: 8224, Dagger: 8225, bull: 8226, hellip: 8230, permil: 8240, prime: 8242, Prime: 8243, lsaquo: 8249,
    rsaquo: 8250, oline: 8254, frasl: 8260, euro: 8364, numero: 8470, trade: 8482, larr: 8592, uarr: 8593,
    rarr: 8594, darr: 8595, harr: 8596, minus: 8722, hyphen: 8208, infin: 8734, asymp: 8776, ne: 8800, le: 8804, ge: 8805,
  }),
]);

/** What HTML makes of numeric references to C1 controls: the windows-1252 characters at those bytes. */
const windows1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decodes in one pass (so `&amp;lt;` is the text "&lt;", not "<"): numeric references (their `;` may be
 * missing, as HTML allows) and the named entities above; unknown names are left as they are.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,10});?|#[xX]([0-9a-fA-F]{1,8});?|([A-Za-z][A-Za-z\d]{1,31});)/g, (match, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) {
      const code = htmlEntities.get(name);
      return code === undefined ? match : String.fromCodePoint(code);
    }
    let code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
    if (code >= 0x80 && code <= 0x9f) code = windows1252[code - 0x80]!;
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code);
  });
}
