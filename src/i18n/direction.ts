/**
 * Writing direction of a locale, for widgets whose page does not set `dir` itself. The scripts
 * written right to left, by the languages that use them; no DOM.
 */
const rightToLeftLanguages = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku-arab', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

export function localeDirection(locale: string): 'ltr' | 'rtl' {
  const tag = locale.toLowerCase();
  const language = tag.split('-')[0]!;
  if (/-(arab|hebr|thaa|syrc|nkoo|adlm|rohg)\b/.test(tag)) return 'rtl';
  return rightToLeftLanguages.has(language) || rightToLeftLanguages.has(tag) ? 'rtl' : 'ltr';
}
