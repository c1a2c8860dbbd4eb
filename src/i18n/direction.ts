/**
 * Writing direction of a locale, for widgets whose page does not set `dir` itself: the languages
 * written right to left, and the tags that name a right-to-left script. No DOM.
 */
export const localeDirection = (locale: string): 'ltr' | 'rtl' =>
  /^(ar|arc|ckb|dv|fa|he|iw|ks|ps|sd|syr|ug|ur|yi)(-|$)|-(arab|hebr|thaa|syrc|nkoo|adlm|rohg)\b/i.test(locale) ? 'rtl' : 'ltr';
