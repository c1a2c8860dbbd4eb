import { expect, oneEvent } from '@open-wc/testing';

/**
 * Both bundles on a page served with
 * `script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none';
 *  require-trusted-types-for 'script'; trusted-types news-widgets dompurify`:
 * the widgets render a sanitized HTML body and an RSS feed (parsed with DOMParser) without a single
 * violation or error.
 */
describe('a page with a strict Content-Security-Policy and Trusted Types', () => {
  for (const bundle of ['esm', 'iife']) {
    it(`renders both widgets from the ${bundle} bundle without a violation`, async () => {
      const frame = document.createElement('iframe');
      frame.src = `/test-api/strict-page?bundle=${bundle}`;
      const loaded = oneEvent(frame, 'load');
      document.body.append(frame);
      await loaded;
      const page = frame.contentWindow as Window & { cspViolations: string[]; pageErrors: string[] };
      const rendered = () => {
        const story = page.document.querySelector('featured-story')?.shadowRoot;
        const posts = page.document.querySelector('recent-posts')?.shadowRoot;
        return story?.querySelector('[part~="body"] blockquote') && posts?.querySelector('[part~="item"]');
      };
      const started = performance.now();
      while (!rendered() && performance.now() - started < 8000) await new Promise((resolve) => setTimeout(resolve, 20));
      try {
        expect(Boolean(rendered()), 'both widgets rendered').to.equal(true);
        expect(page.cspViolations).to.deep.equal([]);
        expect(page.pageErrors).to.deep.equal([]);
      } finally {
        frame.remove();
      }
    });
  }
});
