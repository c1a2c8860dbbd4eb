/**
 * The library's own Trusted Types policy, "news-widgets". It passes strings through unchanged, so it
 * is used for exactly two kinds of HTML that cannot carry feed markup onto the page:
 * - lit's own templates, written in this library's source (the CDN bundles point lit at this policy
 *   instead of its "lit-html" one, see rollup.config.mjs, so a strict page needs one name less);
 * - feed HTML parsed into an inert document (DOMParser) to read its text or its XML: such a document
 *   has no browsing context, so its scripts never run, its handlers never fire, its images never load.
 * - DOMPurify's parsing of feed HTML (also into an inert document) before it sanitizes it.
 * Pages with `require-trusted-types-for 'script'` allow this name, and "dompurify" for DOMPurify's
 * module-level default instance, in their CSP.
 */
export interface TrustedTypePolicyLike {
  createHTML(input: string): unknown;
  createScriptURL(input: string): unknown;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createHTML: (input: string) => string; createScriptURL: (input: string) => string }): TrustedTypePolicyLike;
}

let policy: TrustedTypePolicyLike | undefined;
let policyTried = false;

/**
 * The policy, created on first use; `undefined` where the browser has no Trusted Types, or where the
 * page's CSP refuses the name (or a second copy of the library already took it: that copy defines
 * the elements, this one stays idle).
 */
export function trustedTypesPolicy(): TrustedTypePolicyLike | undefined {
  if (!policyTried) {
    policyTried = true;
    try {
      policy = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes?.createPolicy('news-widgets', {
        createHTML: (input) => input,
        // DOMPurify requires this hook on a policy it is given; no allowed attribute is a script URL,
        // and none may ever become one: an empty URL loads nothing.
        createScriptURL: () => '',
      });
    } catch {
      // Refused: no policy.
    }
  }
  return policy;
}

/** `html` as TrustedHTML where the browser enforces Trusted Types, else as it is. Only for inert parsing. */
export const inertHtml = (html: string): string => (trustedTypesPolicy()?.createHTML(html) ?? html) as string;
