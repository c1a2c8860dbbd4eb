/**
 * URLs from a feed are third-party data that land in `href` and `src`. lit does not sanitize
 * attribute bindings, so every URL is resolved here against the feed's own URL and kept only if its
 * scheme is one a news link may use. Anything else (`javascript:`, `data:`, `vbscript:`, garbage) is
 * dropped rather than rendered.
 */
function resolve(value: unknown, base: string | undefined, schemes: RegExp): string | undefined {
  if (typeof value == 'string' && (value = value.trim())) {
    try {
      const url = new URL(value as string, base);
      if (schemes.test(url.protocol)) return url.href;
    } catch {}
  }
  return undefined;
}

/** An absolute URL for a link, or `undefined` if the value is not a safe link. */
export const resolveLinkUrl = (value: unknown, base?: string): string | undefined => resolve(value, base, /^(https?|mailto|tel):$/);

/** An absolute http(s) URL for an image, or `undefined`. */
export const resolveImageUrl = (value: unknown, base?: string): string | undefined => resolve(value, base, /^https?:$/);
