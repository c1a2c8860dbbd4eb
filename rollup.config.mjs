// The CDN builds, from tsc's output in dist/lib (the npm build, which keeps `lit` as a bare import
// for consumers' bundlers to dedupe). Both are self-contained and minified:
// - dist/news-widgets.js, for <script type="module">, is the entry of a directory of chunks: what
//   only some pages need (a locale's words, the WordPress and RSS/Atom readers, the charset decoder,
//   the sanitizer, intl-messageformat) is in dist/chunks/ and fetched by import() when needed;
// - dist/news-widgets.iife.js, for a classic <script>, is one file with the widgets' code; what few
//   pages need (a locale's words, the sanitizer, the charset decoder, the WordPress reader) it fetches
//   from dist/chunks/ beside it.
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

/**
 * The classic bundle has all the widgets' code in it, but not what a page may not use: the catalog
 * parts of each locale (and intl-messageformat, which only their plural messages need, with the
 * reader of their compact ICU text), the HTML sanitizer (DOMPurify: only a story with an HTML body
 * needs it), the charset decoder (only a feed not in UTF-8 JSON) and the WordPress reader (only a
 * WordPress feed; see classicChunkFileByModule). Those are fetched on demand from
 * the module build's chunks, exactly as the module build does. Those chunks import nothing, so a
 * classic script can load them with import(); their URLs are resolved against the classic script's
 * own address, captured while it runs. The module build is built first and records which chunk holds
 * each module.
 */
const chunkFileByModule = new Map();
const recordChunkFiles = {
  name: 'record-chunk-files',
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type === 'chunk' && chunk.facadeModuleId && !chunk.isEntry && chunk.imports.length === 0) chunkFileByModule.set(chunk.facadeModuleId, chunk.fileName);
    }
  },
};
// A locale's file name is its BCP 47 tag, hyphens included (zh-Hant.core.js).
const isLocaleData = (id) => /[\\/]i18n[\\/](compiled[\\/][\w-]+\.(core|time)|icu-format)\.js$/.test(id);
const isFetchedCode = (id) => /[\\/](sanitize[\\/]sanitize-html|feed[\\/]decode)\.js$/.test(id);

/**
 * The WordPress reader, for the classic bundle: a chunk of its own that imports nothing (the module
 * build's imports its helpers from the module entry, which a classic page does not have), so the
 * classic bundle fetches it for a WordPress feed, as the module build fetches its own. Built after the
 * module build and before the classic bundle, which records its file name here.
 */
const classicChunkFileByModule = new Map();
const recordClassicChunkFiles = {
  name: 'record-classic-chunk-files',
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk' && chunk.isEntry) classicChunkFileByModule.set(chunk.facadeModuleId, chunk.fileName);
  },
};
const classicBundleFetchesLocaleData = {
  name: 'classic-bundle-fetches-locale-data',
  async resolveId(source, importer, options) {
    if (!importer || !source.startsWith('.')) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    const classicChunk = resolved && classicChunkFileByModule.get(resolved.id);
    if (classicChunk) return { id: classicChunk, external: true };
    if (!resolved || !(isLocaleData(resolved.id) || isFetchedCode(resolved.id)) || resolved.id === importer) return null;
    const file = chunkFileByModule.get(resolved.id);
    // A chunk that imports something from the module build's entry cannot be shared: keep it so.
    // (With no module build before it, as in the benchmark's count of every module, all is bundled.)
    if (!file && isFetchedCode(resolved.id) && chunkFileByModule.size) this.error(`${resolved.id} is no longer a chunk that imports nothing: the classic bundle cannot fetch it.`);
    if (!file) return null; // statically imported (English): bundled
    return { id: file, external: true };
  },
  renderDynamicImport({ targetModuleId }) {
    if (targetModuleId?.startsWith('chunks/')) return { left: 'import(new URL(', right: ', newsWidgetsScriptUrl).href)' };
    return null;
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
];

/**
 * A classic script is decoded in the page's encoding when its server names no charset, as old servers
 * do for static files: on a windows-1251 page, a UTF-8 "…" would read "вЂ¦". Written in ASCII, the
 * bundle reads the same in every encoding (module scripts are always UTF-8, so only this one needs
 * it). Non-ASCII characters can only be in string, template and regular expression literals, where
 * \uXXXX is the same character (in a template, its cooked value, which is what lit reads); terser's
 * ascii_only leaves template literals alone, hence this.
 */
const classicBundleInAscii = {
  name: 'classic-bundle-in-ascii',
  renderChunk: (code) => ({ code: code.replace(/[^\0-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`), map: null }),
};

const minify = { ecma: 2020, module: true, compress: { passes: 3 }, format: { comments: false } };

export default [
  {
    input: 'dist/lib/cdn.js',
    // The entry has no exports to keep: chunks may import from it, with no facade file in between.
    preserveEntrySignatures: false,
    // Chunk names carry a content hash, so a CDN can cache them forever; the entry keeps its name.
    // Six characters (36 bits) tell some forty chunks apart; the entry and the classic bundle name
    // every chunk, and a hash is bytes brotli cannot compress.
    output: { dir: 'dist', format: 'es', entryFileNames: 'news-widgets.js', chunkFileNames: 'chunks/[name]-[hash:6].js' },
    plugins: [...plugins, terser(minify), recordChunkFiles],
  },
  {
    input: 'dist/lib/feed/wordpress.js',
    preserveEntrySignatures: 'strict',
    output: { dir: 'dist', format: 'es', entryFileNames: 'chunks/classic-wordpress-[hash:6].js' },
    plugins: [...plugins, terser(minify), recordClassicChunkFiles],
  },
  {
    input: 'dist/lib/define.js',
    output: {
      file: 'dist/news-widgets.iife.js',
      format: 'iife',
      name: 'NewsWidgets',
      inlineDynamicImports: true,
      // The address the chunks are resolved against: this script's own (document.currentScript is set
      // while a classic script runs, deferred or not).
      intro: 'var newsWidgetsScriptUrl = document.currentScript && document.currentScript.src || document.baseURI;',
    },
    plugins: [classicBundleFetchesLocaleData, ...plugins, terser(minify), classicBundleInAscii],
  },
];
