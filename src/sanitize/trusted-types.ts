/**
 * The library's own Trusted Types policy, "news-widgets", for the one kind of HTML parsing it does
 * itself: reading feed HTML into an inert document (DOMParser) to take its text. Such a document has
 * no browsing context: its scripts never run, its handlers never fire, its images never load. So the
 * policy passes strings through unchanged and must never be used for HTML that is put on the page;
 * that goes through DOMPurify, which has a policy of its own ("dompurify").
 * Pages with `require-trusted-types-for 'script'` allow both names in their CSP.
 */
interface TrustedTypePolicyLike {
  createHTML(input: string): unknown;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createHTML: (input: string) => string }): TrustedTypePolicyLike;
}

let policy: TrustedTypePolicyLike | null | undefined;

/** `html` as TrustedHTML where the browser enforces Trusted Types, else as it is. */
export function inertHtml(html: string): string {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
    try {
      policy = factory ? factory.createPolicy('news-widgets', { createHTML: (input) => input }) : null;
    } catch {
      policy = null; // the page's CSP does not list our policy name: parsing will be refused below
    }
  }
  return (policy ? policy.createHTML(html) : html) as string;
}
