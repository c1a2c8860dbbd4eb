/**
 * Serves CommonJS-only packages to the browser tests as ES modules: React ships only CommonJS, which
 * reads `process.env.NODE_ENV` and which the dev server's nodeResolve passes to the browser as is.
 * On the first request, esbuild bundles the listed entry points (development builds) into ES modules
 * that share their chunks, so the page has one React; they are served under /__cjs__/ and the bare
 * imports of those entry points resolve there. (@rollup/plugin-commonjs needs a real rollup build for
 * its named exports, so it cannot do this in the dev server.) Test-only.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const PREFIX = '/__cjs__/';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The names each CommonJS module exports, read in a separate Node process: loading React here would
 * touch the test runner's console.
 */
function namesOfExports(rootDir, specifiers) {
  const script = `const require = (await import('node:module')).createRequire(${JSON.stringify(pathToFileURL(path.join(rootDir, 'package.json')).href)});
    console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(specifiers)}.map((s) => [s, Object.keys(require(s))]))));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: rootDir, encoding: 'utf8' }));
}

/** A dev-server plugin serving `specifiers` (e.g. 'react', 'react-dom/client') as ES modules. */
export function cjsPackages(rootDir, specifiers) {
  const outdir = path.join(rootDir, '__cjs__'); // never written: write is false
  let outputs;

  async function bundle() {
    const exportNames = namesOfExports(rootDir, specifiers);
    const result = await build({
      absWorkingDir: rootDir,
      entryPoints: Object.fromEntries(specifiers.map((specifier) => [specifier, `cjs-entry:${specifier}`])),
      bundle: true,
      splitting: true,
      format: 'esm',
      target: 'es2022',
      write: false,
      outdir,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"development"' },
      plugins: [{
        name: 'cjs-entries',
        setup(esbuild) {
          esbuild.onResolve({ filter: /^cjs-entry:/ }, ({ path: id }) => ({ path: id.slice('cjs-entry:'.length), namespace: 'cjs-entry' }));
          // An entry re-exports the CommonJS module's properties by name, as Node's ESM loader would.
          esbuild.onLoad({ filter: /.*/, namespace: 'cjs-entry' }, ({ path: specifier }) => {
            const names = exportNames[specifier].filter((name) => name !== 'default' && IDENTIFIER.test(name));
            return {
              resolveDir: rootDir,
              contents: `import module from ${JSON.stringify(specifier)};\nexport default module;\nexport const { ${names.join(', ')} } = module;\n`,
            };
          });
        },
      }],
    });
    return new Map(result.outputFiles.map((file) => [PREFIX + path.relative(outdir, file.path).split(path.sep).join('/'), file.text]));
  }

  return {
    name: 'cjs-packages',
    resolveImport({ source }) {
      if (specifiers.includes(source)) return `${PREFIX}${source}.js`;
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      outputs ??= bundle();
      const body = (await outputs).get(context.path);
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}
