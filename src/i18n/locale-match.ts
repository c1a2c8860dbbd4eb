/**
 * Picks the shipped locale for a list of candidate language tags, best first.
 *
 * The candidates come from the element (its `lang`, the closest `[lang]`, `<html lang>`, the browser's
 * languages); the first one a catalog exists for wins, exactly or by its language alone
 * (`ru-RU` -> `ru`), a Chinese one by its script first (`zh-TW` -> `zh-Hant`, `zh-CN` -> `zh`; see
 * `localeChain`, which messages.ts also follows for the messages a page's own catalog lacks). A
 * candidate nothing matches is skipped, so a `de` page whose visitor's browser is in Russian gets
 * Russian rather than a mix. English is the last resort. No DOM here.
 */
export const fallbackLocale = 'en';

/**
 * The forms of a canonical language tag from the most to the least specific, the order in which
 * catalogs are tried both to pick a locale and to find a message it lacks: zh-Hant-TW, zh-Hant, zh.
 * Chinese with a region but no script is written in the script of the region: Taiwan, Hong Kong and
 * Macau write Traditional (CLDR likely subtags: zh-TW is zh-Hant-TW). So after zh-TW comes zh-Hant,
 * then zh, whose Simplified words would sit beside Intl's Traditional times; an explicit script
 * (zh-Hans-TW) is never replaced.
 */
export const localeChain = (tag: string): string[] =>
  tag
    .split('-')
    .map((_, index, subtags) => subtags.slice(0, subtags.length - index).join('-'))
    .flatMap((form) => (/^zh-(tw|hk|mo)$/i.test(form) ? [form, 'zh-Hant'] : form));

/**
 * `tag` as a canonical BCP 47 tag, read as leniently as a page's `lang` is: surrounding spaces are
 * dropped and old CMS templates' POSIX locales (`ru_RU`) have their underscore read as a hyphen.
 * Throws for what is still not a tag (`ru russian`, an empty string).
 */
export const canonicalTag = (tag: string): string => Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0]!;

export const matchLocale = (candidates: readonly (string | null | undefined)[], available: readonly string[]): string => matchLocaleTag(candidates, available)[0];

/**
 * `matchLocale`, and the candidate that matched as a canonical tag (`en-GB` for `en`, `zh-HK` for
 * `zh-Hant`; English's own for the last resort): the words come from the locale's catalog, while Intl
 * writes dates, clock times and lists the way the page's region does ("10 November", 14:05 in en-GB).
 */
export function matchLocaleTag(candidates: readonly (string | null | undefined)[], available: readonly string[]): [locale: string, tag: string] {
  for (const candidate of candidates) {
    try {
      // Throws for no tag and for what is not a BCP 47 tag (lang="Russian language"): that one is skipped.
      const tag = canonicalTag(candidate!);
      for (const form of localeChain(tag)) {
        const found = available.find((tag) => tag.toLowerCase() == form.toLowerCase());
        if (found) return [found, tag];
      }
    } catch {}
  }
  return [fallbackLocale, fallbackLocale];
}
