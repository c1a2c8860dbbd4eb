/**
 * HTML character references in feed text that is shown as plain text (WordPress titles, RSS titles
 * holding escaped HTML, Atom html text constructs). Decoding without a DOM keeps normalizers usable
 * on a server and in workers, and one table serves every format. No DOM.
 */
/** HTML 4's Latin-1 entities, U+00A0 to U+00FF in order. */
const latin1Names =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

/**
 * Entity names in runs of consecutive code points, each run after its first code point: XML's
 * five, Latin-1, typography, arrows and a few symbols.
 */
const entityRuns = `34 quot 38 amp apos 60 lt 62 gt 160 ${latin1Names} 338 OElig oelig 352 Scaron scaron 376 Yuml 402 fnof 710 circ 732 tilde
  8194 ensp emsp 8201 thinsp 8204 zwnj zwj lrm rlm hyphen 8211 ndash mdash 8216 lsquo rsquo sbquo 8220 ldquo rdquo bdquo
  8224 dagger Dagger bull 8230 hellip 8240 permil 8242 prime Prime 8249 lsaquo rsaquo 8254 oline 8260 frasl 8364 euro 8470 numero
  8482 trade 8592 larr uarr rarr darr harr 8722 minus 8734 infin 8776 asymp 8800 ne 8804 le ge`;

/** The HTML entities news text uses (the repair of broken XML feeds maps them to numeric references too), by name. */
export const htmlEntities = new Map<string, number>();
let next = 0; // the code point of the next name in a run
for (const word of entityRuns.split(/\s+/)) {
  if (/^\d/.test(word)) next = +word;
  else htmlEntities.set(word, next++);
}

/** What HTML makes of numeric references to C1 controls: the windows-1252 characters at those bytes (0x80-0x9F). */
const windows1252 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';

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
    if (code >= 0x80 && code <= 0x9f) code = windows1252.charCodeAt(code - 0x80);
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code);
  });
}
