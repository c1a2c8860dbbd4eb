// What `npm publish` would ship, checked from the outside: the packed file list, publint, and
// arethetypeswrong (ESM only: node10 and CommonJS `require` are not supported). Needs `npm run build`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const bin = (name) => `${root}node_modules/.bin/${name}`;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

for (const built of ['dist/lib/index.js', 'dist/news-widgets.js', 'custom-elements.json']) {
  if (!existsSync(`${root}${built}`)) throw new Error(`${built} is missing: run \`npm run build\` first.`);
}

/** Runs a command in the project; on a non-zero exit, fails with everything it printed. */
async function check(command, args) {
  try {
    return await run(command, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    assert.fail(`${command} ${args.join(' ')} exited with ${error.code}:\n${error.stdout}\n${error.stderr}`);
  }
}

const packed = check('npm', ['pack', '--dry-run', '--json', '--ignore-scripts']).then(({ stdout }) => {
  const [result] = JSON.parse(stdout);
  return new Set(result.files.map((file) => file.path));
});

test('the package holds the build, the bundles, the manifest and the docs, and nothing else', async () => {
  const files = await packed;
  for (const file of files) {
    assert.doesNotMatch(file, /^(src|test|demo|docs|scripts|scratch|node_modules|\.ci)\//, `${file} should not be packed`);
    assert.doesNotMatch(file, /\.(test\.[cm]?[jt]s|tsbuildinfo|tgz)$/, `${file} should not be packed`);
    assert.ok(/^dist\//.test(file) || ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'custom-elements.json'].includes(file), `${file} should not be packed`);
  }
  for (const file of [
    'package.json', 'README.md', 'LICENSE', 'custom-elements.json',
    'dist/news-widgets.js', 'dist/news-widgets.iife.js',
    'dist/lib/index.js', 'dist/lib/index.d.ts', 'dist/lib/define.js', 'dist/lib/define.d.ts',
  ]) {
    assert.ok(files.has(file), `${file} is not packed`);
  }
});

test('every export, the manifest and every sideEffects module are in the package', async () => {
  const files = await packed;
  const targets = (value) => (typeof value === 'string' ? [value] : Object.values(value).flatMap(targets));
  for (const target of [...targets(pkg.exports), pkg.customElements, ...pkg.sideEffects]) {
    assert.ok(files.has(target.replace(/^\.\//, '')), `${target} (package.json) is not packed`);
  }
  for (const [entry, value] of Object.entries(pkg.exports)) {
    if (entry.endsWith('.json')) continue;
    assert.deepEqual(Object.keys(value), ['types', 'default'], `exports["${entry}"]: types first, then default`);
  }
});

/** The modules of dist/lib that register an element when imported, directly or through an import. */
function registeringModules() {
  const cache = new Map();
  const registers = (file) => {
    if (!cache.has(file)) {
      cache.set(file, false); // import cycles
      const code = readFileSync(`${root}${file}`, 'utf8');
      const imports = [...code.matchAll(/^(?:import|export)\b[^;]*?['"](\.{1,2}\/[^'"]+)['"]/gm)]
        .map((match) => new URL(match[1], `file:///${file}`).pathname.slice(1));
      cache.set(file, /^[\w$.]+\.define\(/m.test(code) || imports.some(registers));
    }
    return cache.get(file);
  };
  return registers;
}

test('sideEffects lists exactly the modules that register elements, and the bundles', async () => {
  const files = await packed;
  const registers = registeringModules();
  const withSideEffects = [...files].filter((file) => /^dist\/lib\/.*\.js$/.test(file) && registers(file));
  assert.deepEqual(
    [...withSideEffects, 'dist/news-widgets.js', 'dist/news-widgets.iife.js'].sort(),
    pkg.sideEffects.map((file) => file.replace(/^\.\//, '')).sort(),
  );
  assert.equal(registers('dist/lib/index.js'), false, 'importing news-widgets must register nothing');
});

test('importing the entry points registers what each promises', async () => {
  // lit's Node build brings its own customElements registry, so the package imports in Node.
  const registered = async (entry) => {
    const script = `await import(${JSON.stringify(entry)});
      console.log(JSON.stringify(['recent-posts', 'featured-story'].filter((tag) => customElements.get(tag))));`;
    const { stdout } = await check(process.execPath, ['--input-type=module', '--eval', script]);
    return JSON.parse(stdout.trim().split('\n').at(-1));
  };
  assert.deepEqual(await registered('news-widgets'), []);
  assert.deepEqual(await registered('news-widgets/recent-posts'), ['recent-posts']);
  assert.deepEqual(await registered('news-widgets/featured-story'), ['featured-story']);
  assert.deepEqual(await registered('news-widgets/define'), ['recent-posts', 'featured-story']);
});

test('publint finds nothing to fix', async () => {
  const { stdout } = await check(bin('publint'), ['--strict']);
  assert.match(stdout, /All good!/);
});

test('arethetypeswrong: every entry point resolves with types under node16 (ESM) and bundlers', async () => {
  await check(bin('attw'), ['--pack', '.', '--profile', 'esm-only']);
});

test('the type declarations name only packages the package depends on', async () => {
  // A strict install (pnpm without hoisting, Yarn PnP) puts only declared dependencies beside
  // news-widgets: a declaration naming lit-html (lit's own dependency, which tsc writes for an
  // inferred TemplateResult) fails to resolve there. The framework typings name the framework of
  // the application that opts into them.
  const files = await packed;
  const allowed = new Set([...Object.keys(pkg.dependencies), 'react', 'preact', 'vue']);
  const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
  const named = [];
  for (const file of [...files].filter((file) => file.endsWith('.d.ts'))) {
    const code = readFileSync(`${root}${file}`, 'utf8');
    for (const [, specifier] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|declare\s+module\s+)['"]([^'"]+)['"]/g)) {
      if (specifier.startsWith('.') || specifier.startsWith('node:') || specifier.startsWith('news-widgets')) continue;
      if (!allowed.has(packageOf(specifier))) named.push(`${file}: ${specifier}`);
    }
  }
  assert.deepEqual(named, []);
});
