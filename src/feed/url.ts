/**
 * URLs from a feed are third-party data that land in `href` and `src`. lit does not sanitize
 * attribute bindings, so every URL is resolved here against the feed's own URL and kept only if its
 * scheme is one a news link may use. Anything else (`javascript:`, `data:`, `vbscript:`, garbage) is
 * dropped rather than rendered.
 */
const linkSchemes = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const imageSchemes = new Set(['http:', 'https:']);

function resolve(value: unknown, base: string | undefined, schemes: Set<string>): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return schemes.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An absolute URL for a link, or `undefined` if the value is not a safe link. */
export function resolveLinkUrl(value: unknown, base?: string): string | undefined {
  return resolve(value, base, linkSchemes);
}

/** An absolute http(s) URL for an image, or `undefined`. */
export function resolveImageUrl(value: unknown, base?: string): string | undefined {
  return resolve(value, base, imageSchemes);
}
