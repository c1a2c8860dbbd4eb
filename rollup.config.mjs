// The CDN builds, from tsc's output in dist/lib (the npm build, which keeps `lit` as a bare import
// for consumers' bundlers to dedupe). Both are self-contained and minified:
// - dist/news-widgets.js, for <script type="module">, is the entry of a directory of chunks: what
//   only some pages need (a locale's words, the WordPress and RSS/Atom readers, the charset decoder,
//   the sanitizer, intl-messageformat) is in dist/chunks/ and fetched by import() when needed;
// - dist/news-widgets.iife.js, for a classic <script>, is one file with everything inlined.
import alias from '@rollup/plugin-alias';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { fileURLToPath } from 'node:url';

const trustedTypesModule = fileURLToPath(new URL('dist/lib/sanitize/trusted-types.js', import.meta.url));

/**
 * lit creates a Trusted Types policy named "lit-html" when its module loads. Pointed at ours
 * ("news-widgets") instead, a strict page lists two names (news-widgets, dompurify), and a second
 * copy of the bundle on the page finds the name taken and stays idle instead of throwing.
 */
const litUsesOurTrustedTypesPolicy = {
  name: 'lit-uses-our-trusted-types-policy',
  transform(code, id) {
    if (!/[\\/]lit-html[\\/]lit-html\.js$/.test(id)) return null;
    const policy = /(\w+)\.createPolicy\("lit-html",\{createHTML:\w+=>\w+\}\)/;
    if (!policy.test(code)) this.error('lit-html no longer creates its Trusted Types policy as expected: update this plugin.');
    return { code: `import { trustedTypesPolicy as __newsWidgetsPolicy } from ${JSON.stringify(trustedTypesModule)};\n${code.replace(policy, '__newsWidgetsPolicy()')}`, map: null };
  },
};

const plugins = [
  // Messages are compiled to ASTs at build time, so the ICU parser never ships.
  alias({
    entries: [
      {
        find: /^@formatjs\/icu-messageformat-parser$/,
        replacement: fileURLToPath(new URL('node_modules/@formatjs/icu-messageformat-parser/no-parser.js', import.meta.url)),
      },
    ],
  }),
  nodeResolve({ browser: true }), // lit's default export condition is its production build
  litUsesOurTrustedTypesPolicy,
  // The css`` and html`` literals of our components: comments and indentation are bytes too.
  minifyTemplateLiterals({ include: ['dist/lib/**'] }),
  terser({ ecma: 2020, module: true, compress: { passes: 3 }, format: { comments: false } }),
];

export default [
  {
    input: 'dist/lib/define.js',
    // The entry has no exports to keep: chunks may import from it, with no facade file in between.
    preserveEntrySignatures: false,
    // Chunk names carry a content hash, so a CDN can cache them forever; the entry keeps its name.
    output: { dir: 'dist', format: 'es', entryFileNames: 'news-widgets.js', chunkFileNames: 'chunks/[name]-[hash].js' },
    plugins,
  },
  { input: 'dist/lib/define.js', output: { file: 'dist/news-widgets.iife.js', format: 'iife', name: 'NewsWidgets', inlineDynamicImports: true }, plugins },
];
