#!/usr/bin/env node
/**
 * `npm run bench`: what the widgets cost a page, measured in headless Chromium from Debian
 * (/usr/bin/chromium, or $CHROME_PATH). Prints a table and writes BENCHMARKS.md. Not part of
 * `npm test`, and it never fails on a figure: timings depend on the machine, which is printed with
 * them. Every timing is the median of several runs, with the lowest and highest beside it.
 *
 * 1. Bytes (minified, gzip, brotli) of each file the build ships, and each dependency's share.
 * 2. Time from the script's start to the first rendered item, per element (20 cold loads each).
 * 3. Main-thread time to render 10, 100 and 1,000 items, next to a plain-DOM baseline that builds
 *    the same markup with no library (the floor).
 * 4. CPU time of the shared clock keeping 500 relative times current over a simulated hour
 *    (the page's Date.now and timers simulated, run timer by timer), its wakes and how many timers it set.
 * 5. Cumulative layout shift of the demo page while the widgets load.
 * 6. Lighthouse performance, accessibility and best-practices scores of the demo page.
 *
 * Needs `npm run build` first (the npm script does it). Reaches no network beyond localhost.
 *
 * BENCH_QUICK=1 runs every measurement once (a smoke run: test/node/bench.test.mjs checks that the
 * benchmark still runs and reports every figure); BENCH_OUT writes the report elsewhere than
 * BENCHMARKS.md.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { rollup } from 'rollup';
import { minify } from 'terser';
import { startDemoServer } from './serve-demo.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const QUICK = process.env.BENCH_QUICK === '1';
/** How many times each measurement runs: `times` normally, once in a smoke run. */
const repeat = (times) => (QUICK ? 1 : times);
const LOADS = Number(process.env.BENCH_LOADS) || repeat(20);
const RENDER_RUNS = repeat(15);
const CLOCK_RUNS = repeat(3);
const SHIFT_LOADS = repeat(5);

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values, digits = 1) => `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
const table = (head, rows) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

// 1. Bytes ------------------------------------------------------------------------------------

function shippedFiles() {
  const files = ['dist/news-widgets.js', 'dist/news-widgets.iife.js', ...readdirSync(path.join(root, 'dist/chunks')).sort().map((name) => `dist/chunks/${name}`)];
  return files.map((file) => {
    const bytes = readFileSync(path.join(root, file));
    return { file, min: bytes.length, gzip: gzip(bytes), brotli: brotli(bytes) };
  });
}

/** Who the bytes of all the code belong to (the classic build with every chunk it may fetch inlined): each group's modules, minified together. */
async function dependencyShares() {
  const iife = (await import('../rollup.config.mjs')).default.find((config) => config.output.format === 'iife');
  const bundle = await rollup({ input: iife.input, plugins: iife.plugins.filter((plugin) => plugin.name !== 'terser') });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  const groups = new Map();
  for (const [id, module] of Object.entries(output[0].modules)) {
    if (!module.code) continue;
    const group = id.includes('node_modules')
      ? /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)[1].replace(/^@lit\/reactive-element|^lit-html|^lit-element|^lit$/, 'lit').replace(/^@formatjs\/.*/, 'intl-messageformat')
      : `our code: src/${path.relative(path.join(root, 'dist/lib'), path.dirname(id)).replace(/^components\/.*/, 'components')}`;
    groups.set(group, `${groups.get(group) ?? ''}\n${module.code}`);
  }
  const rows = [];
  for (const [group, code] of groups) {
    const min = Buffer.from((await minify(code, { compress: { passes: 3 }, mangle: true })).code ?? '');
    rows.push({ group, min: min.length, gzip: gzip(min), brotli: brotli(min) });
  }
  return rows.sort((a, b) => b.brotli - a.brotli);
}

/** The budgeted pages of package.json "size-limit": what size-limit measures for each, its budget and files. */
async function sizeLimitPages() {
  const { stdout } = await promisify(execFile)(path.join(root, 'node_modules/.bin/size-limit'), ['--json'], { cwd: root }).catch((error) => error); // exits 1 while a budget is exceeded
  const config = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))['size-limit'];
  return JSON.parse(stdout).map((page, index) => ({ ...page, paths: [config[index].path].flat() }));
}

// Pages for the browser measurements, served by the demo server's origin through request routing.

const feedItems = (count, html = false) =>
  Array.from({ length: count }, (_, index) => ({
    id: `item-${index}`,
    url: `https://example.org/news/${index}`,
    title: `Новость номер ${index}: в городе открыли новый сквер`,
    ...(html
      ? { content_html: `<p>Жители <strong>района ${index}</strong> получили сквер.</p><p>${'Работы шли всё лето. '.repeat(8)}</p>` }
      : { summary: `Жители района ${index} получили сквер. ${'Работы шли всё лето. '.repeat(8)}` }),
    date_published: new Date(Date.now() - (index + 1) * 7 * 60_000).toISOString(),
  }));

const page = (body, script = '') => `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>bench</title>
<script type="module">performance.mark('script-start');${script}</script>
<script type="module" src="/dist/news-widgets.js"></script></head><body>${body}</body></html>`;

async function withPage(browser, origin, html, use, { route } = {}) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.route(`${origin}/bench/**`, (request) =>
    request.request().url().endsWith('.json')
      ? request.fulfill({ contentType: 'application/feed+json', body: JSON.stringify(route) })
      : request.fulfill({ contentType: 'text/html', body: html }),
  );
  try {
    await tab.goto(`${origin}/bench/page.html`);
    return await use(tab, context);
  } finally {
    await context.close();
  }
}

// 2. Time to the first item -------------------------------------------------------------------

async function firstItem(browser, origin, tag, part) {
  const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'Лента', items: feedItems(6, tag === 'featured-story') };
  const times = [];
  for (let load = 0; load < LOADS; load++) {
    times.push(
      await withPage(browser, origin, page(`<${tag} src="/bench/feed.json"></${tag}>`), (tab) =>
        tab.evaluate(async ({ tag, part }) => {
          for (;;) {
            if (document.querySelector(tag)?.shadowRoot?.querySelector(`[part~="${part}"]`)) break;
            await new Promise((resolve) => requestAnimationFrame(resolve));
          }
          return performance.now() - performance.getEntriesByName('script-start')[0].startTime;
        }, { tag, part }),
      { route: feed }),
    );
  }
  return times;
}

// 3. Rendering N items, and the plain-DOM floor ------------------------------------------------

async function renderTimes(browser, origin) {
  return withPage(browser, origin, page('<div id="stage"></div>'), (tab) =>
    tab.evaluate(async ({ counts, items, runs }) => {
      await customElements.whenDefined('recent-posts');
      const warm = document.createElement('recent-posts');
      warm.feed = { version: 'https://jsonfeed.org/version/1.1', items: items.slice(0, 1) };
      document.getElementById('stage').append(warm);
      await warm.updateComplete; // the Russian words are loaded; what follows is rendering alone
      warm.remove();
      const rtf = new Intl.RelativeTimeFormat('ru', { numeric: 'auto' });
      const dtf = new Intl.DateTimeFormat('ru', { dateStyle: 'full', timeStyle: 'short' });
      /** The same markup, built with the DOM alone: the floor any library is compared with. */
      const plain = (list) => {
        const host = document.createElement('div');
        const rootNode = host.attachShadow({ mode: 'open' });
        const section = document.createElement('section');
        const heading = document.createElement('h2');
        heading.textContent = 'Последние новости';
        const ul = document.createElement('ul');
        for (const item of list) {
          const li = document.createElement('li');
          const article = document.createElement('article');
          const h3 = document.createElement('h3');
          const a = document.createElement('a');
          a.href = item.url;
          a.textContent = item.title;
          h3.append(a);
          const p = document.createElement('p');
          p.textContent = `${item.summary.slice(0, 159)}…`;
          const time = document.createElement('time');
          const date = new Date(item.date_published);
          time.dateTime = date.toISOString();
          time.title = dtf.format(date);
          time.textContent = rtf.format(-Math.floor((Date.now() - date) / 3_600_000), 'hour');
          article.append(h3, p, time);
          li.append(article);
          ul.append(li);
        }
        section.append(heading, ul);
        rootNode.append(section);
        return host;
      };
      const results = {};
      for (const count of counts) {
        const feed = { version: 'https://jsonfeed.org/version/1.1', items: items.slice(0, count) };
        const widget = [];
        const floor = [];
        for (let run = 0; run < runs; run++) {
          let start = performance.now();
          const element = document.createElement('recent-posts');
          element.limit = count;
          element.feed = { ...feed };
          document.getElementById('stage').append(element);
          await element.updateComplete;
          element.shadowRoot.firstElementChild.getBoundingClientRect(); // style and layout included
          widget.push(performance.now() - start);
          element.remove();
          start = performance.now();
          const host = plain(feed.items);
          document.getElementById('stage').append(host);
          host.shadowRoot.firstElementChild.getBoundingClientRect();
          floor.push(performance.now() - start);
          host.remove();
        }
        results[count] = { widget, floor };
      }
      return results;
    }, { counts: [10, 100, 1000], items: feedItems(1000), runs: RENDER_RUNS }),
  );
}

// 4. The shared clock over a simulated hour -----------------------------------------------------

async function clockHour(browser, origin) {
  // A simulated hour: Date.now and the timers are replaced before the bundle loads, and the hour is
  // run timer by timer, so it takes only the CPU the clock's work takes.
  const simulatedTime = `let now = Date.now(); const queue = new Map(); let handles = 1;
    Date.now = () => now;
    window.__timers = 0;
    window.setTimeout = (callback, delay = 0, ...rest) => { window.__timers++; queue.set(handles, { callback, at: now + Math.max(0, delay), rest }); return handles++; };
    window.clearTimeout = (handle) => queue.delete(handle);
    window.__advance = async (ms, settle) => {
      const end = now + ms; const started = performance.now(); let wakes = 0;
      for (;;) {
        const [handle, next] = [...queue].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
        if (!next || next.at > end) break;
        queue.delete(handle); now = next.at; wakes++;
        next.callback(...next.rest);
        await settle();
      }
      now = end;
      return { cpuMs: performance.now() - started, wakes };
    };`;
  /** Runs `scenario` 3 times: 500 times in one widget, the simulated `minutes`, times from `ages(index, now)`. */
  const run = async (minutes, secondsOf) => {
    const results = [];
    for (let attempt = 0; attempt < CLOCK_RUNS; attempt++) {
      results.push(
        await withPage(browser, origin, page('<div id="stage"></div>', simulatedTime), (tab) =>
          tab.evaluate(async ({ items, minutes, secondsOf }) => {
            await customElements.whenDefined('recent-posts');
            const element = document.createElement('recent-posts');
            element.limit = 500;
            // 500 times 1 to 50 minutes old (minute and hour boundaries keep passing during the run),
            // published on whole minutes or at any second.
            const wholeMinute = Math.floor(Date.now() / 60_000) * 60_000;
            element.feed = {
              version: 'https://jsonfeed.org/version/1.1',
              items: items.map((item, index) => ({ ...item, date_published: new Date(wholeMinute - (1 + (index % 50)) * 60_000 - (secondsOf === 'any' ? (index * 7_919) % 60_000 : 0)).toISOString() })),
            };
            document.getElementById('stage').append(element);
            await element.updateComplete;
            window.__timers = 0;
            let texts = 0;
            new MutationObserver((records) => (texts += records.length)).observe(element.shadowRoot, { subtree: true, characterData: true, childList: true });
            const { cpuMs, wakes } = await window.__advance(minutes * 60_000, () => element.updateComplete);
            await new Promise((resolve) => requestAnimationFrame(resolve));
            return { cpuMs, wakes, timers: window.__timers, texts };
          }, { items: feedItems(500), minutes, secondsOf }),
        ),
      );
    }
    return results;
  };
  return { wholeMinutes: await run(60, 'whole'), anySecond: await run(60, 'any') };
}

// 5. Layout shift of the demo page --------------------------------------------------------------

async function demoLayoutShift(browser, demoUrl, viewport) {
  const shifts = [];
  for (let load = 0; load < SHIFT_LOADS; load++) {
    const context = await browser.newContext({ viewport });
    const tab = await context.newPage();
    await tab.goto(demoUrl);
    shifts.push(
      await tab.evaluate(async () => {
        for (;;) {
          const items = document.querySelector('recent-posts')?.shadowRoot?.querySelectorAll('[part~="item"]').length;
          const body = document.querySelector('featured-story')?.shadowRoot?.querySelector('[part~="body"]');
          if (items && body) break;
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return new Promise((resolve) => {
          new PerformanceObserver((list) => resolve(list.getEntries().filter((entry) => !entry.hadRecentInput).reduce((sum, entry) => sum + entry.value, 0))).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(0), 500); // no entry at all: no shift
        });
      }),
    );
    await context.close();
  }
  return shifts;
}

// 6. Lighthouse ------------------------------------------------------------------------------------

/** The metrics behind the performance score, with their unit and digits in the table. */
const LIGHTHOUSE_METRICS = [
  ['first-contentful-paint', 'FCP ms', 0],
  ['largest-contentful-paint', 'LCP ms', 0],
  ['total-blocking-time', 'TBT ms', 0],
  ['cumulative-layout-shift', 'CLS', 3],
  ['speed-index', 'Speed Index ms', 0],
];
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS) || repeat(3);

/**
 * Lighthouse runs in its own process: the demo server lives in this one, so waiting must not block it.
 * Each run gives the three scores, the metrics behind the performance score (so a score can be
 * explained) and Lighthouse's benchmark index of the machine at that moment (its CPU speed: the
 * simulated 4× slowdown is applied to what this machine took, so a busy machine inflates TBT).
 */
async function lighthouse(demoUrl) {
  const runs = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-widgets-lh-'));
  try {
    for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
      const output = path.join(dir, `run-${run}.json`);
      await promisify(execFile)(
        path.join(root, 'node_modules/.bin/lighthouse'),
        [demoUrl, '--quiet', '--output=json', `--output-path=${output}`, '--only-categories=performance,accessibility,best-practices', `--chrome-flags=--headless=new ${FLAGS.join(' ')}`],
        { env: { ...process.env, CHROME_PATH: CHROME }, timeout: 180_000 },
      );
      const { categories, audits, environment } = JSON.parse(readFileSync(output, 'utf8'));
      runs.push({
        ...Object.fromEntries(Object.entries(categories).map(([key, category]) => [key, Math.round(category.score * 100)])),
        ...Object.fromEntries(LIGHTHOUSE_METRICS.map(([id]) => [id, audits[id].numericValue])),
        benchmarkIndex: environment.benchmarkIndex,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return runs;
}

// ------------------------------------------------------------------------------------------------

const server = await startDemoServer({ port: 0 });
const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS, headless: true });
const sections = [];
const note = (text) => process.stderr.write(`bench: ${text}\n`);
try {
  const cpus = os.cpus();
  sections.push(`Machine: ${cpus[0]?.model.trim()} (${cpus.length} cores), ${os.platform()} ${os.release()}, Chromium ${browser.version()}, Node ${process.version}. Figures: median (lowest–highest).`);

  note('bytes');
  const files = shippedFiles();
  sections.push(`## Bytes of each shipped file\n\n${table(['file', 'min', 'gzip', 'brotli'], files.map((f) => [f.file, kb(f.min), kb(f.gzip), kb(f.brotli)]))}`);
  const shares = await dependencyShares();
  sections.push(`## Who the bytes belong to\n\nEvery module the builds ship (both bundles' code and every chunk: all locales and readers), grouped\nby owner, each group minified and compressed alone (so the shares add up to a little more).\n\n${table(['owner', 'min', 'gzip', 'brotli'], shares.map((s) => [s.group, kb(s.min), kb(s.gzip), kb(s.brotli)]))}`);

  // What the budgets leave for our own code once a page has loaded the libraries it cannot do
  // without: lit on every page, DOMPurify on a page that shows an HTML story body.
  const pages = await sizeLimitPages();
  const libraryShare = (name) => shares.find((share) => share.group === name)?.brotli ?? 0;
  const pageRows = pages.map((page) => {
    const libraries = ['lit', ...(page.paths.some((file) => file.includes('sanitize-html')) ? ['dompurify'] : [])];
    const libraryBytes = libraries.reduce((sum, name) => sum + libraryShare(name), 0);
    return [page.name.replace(/<[\w-]+>/g, (tag) => `\`${tag}\``), kb(page.sizeLimit), kb(page.size), `${libraries.join(' + ')}: ${kb(libraryBytes)}`, kb(page.sizeLimit - libraryBytes), kb(page.size - libraryBytes)];
  });
  sections.push(`## Each budgeted page, and what its libraries leave for our code\n\nThe pages of package.json "size-limit", measured by size-limit (brotli, each file compressed alone,\nas a CDN serves them). The libraries' shares are those of the table above.\n\n${table(['page', 'budget', 'loads', 'libraries it needs', 'budget left for our code', 'our code now'], pageRows)}`);

  note(`first rendered item, ${LOADS} loads per element`);
  const recent = await firstItem(browser, server.origin, 'recent-posts', 'item');
  const featured = await firstItem(browser, server.origin, 'featured-story', 'title');
  sections.push(`## From the script's start to the first rendered item\n\n${LOADS} cold loads each (new browser context: empty HTTP cache and storage), Russian page, a JSON Feed from\nthe same origin; featured-story's story has an HTML body, so the sanitizer is fetched too.\n\n${table(['element', 'ms'], [['recent-posts', spread(recent)], ['featured-story', spread(featured)]])}`);

  note('rendering 10, 100, 1000 items');
  const render = await renderTimes(browser, server.origin);
  sections.push(`## Main-thread time to render N items\n\nFrom creating the element with its \`feed\` to its layout, ${RENDER_RUNS} runs each; the floor builds the same\nmarkup with DOM calls and Intl alone (no parsing, no excerpts, no library).\n\n${table(['items', 'recent-posts ms', 'plain DOM ms', 'ratio'], Object.entries(render).map(([count, { widget, floor }]) => [count, spread(widget), spread(floor), `${(median(widget) / median(floor)).toFixed(1)}×`]))}`);

  note('the shared clock over a simulated hour');
  const clock = await clockHour(browser, server.origin);
  const clockRow = (label, runs) => [label, spread(runs.map((c) => c.cpuMs)), spread(runs.map((c) => c.wakes), 0), spread(runs.map((c) => c.timers), 0), spread(runs.map((c) => c.texts), 0)];
  sections.push(`## The shared clock: 500 relative times\n\nOne recent-posts showing 500 times, 1 to 50 minutes old. The page's \`Date.now\` and timers are\nsimulated and the time is run timer by timer (${CLOCK_RUNS} runs): the CPU time is the clock's work and the\nre-renders it causes, with no idle time. A wake is the one timer firing; timers set counts every\n\`setTimeout\` (one pending at a time). Times published on whole minutes change together; times published at any second each change at\ntheir own second; a change due less than a minute after the last wake waits for the next whole minute,\nso both cases wake the page about once a minute.\n\n${table(['simulated', 'CPU ms', 'wakes', 'timers set', 'DOM text changes'], [clockRow('1 hour, whole minutes', clock.wholeMinutes), clockRow('1 hour, any second', clock.anySecond)])}`);

  note('layout shift of the demo page');
  // A desktop window, and the phone screen Lighthouse emulates (where the page is one column).
  const viewports = [{ width: 1280, height: 900 }, { width: 412, height: 823 }];
  const shiftRows = [];
  for (const viewport of viewports) shiftRows.push([`${viewport.width}×${viewport.height}`, spread(await demoLayoutShift(browser, server.url, viewport), 4)]);
  sections.push(`## Layout shift of the demo page while the widgets load\n\n${SHIFT_LOADS} loads per window size; target under 0.01.\n\n${table(['window', 'CLS'], shiftRows)}`);

  note(`Lighthouse, ${LIGHTHOUSE_RUNS} runs`);
  const scores = await lighthouse(server.url);
  const column = (key, digits = 0) => spread(scores.map((s) => s[key]), digits);
  sections.push(`## Lighthouse (12.8, default mobile settings) of the demo page\n\n${LIGHTHOUSE_RUNS} runs; target 100 each. Mobile settings: a 412×823 screen, a simulated slow 4G network and a\nCPU 4 times slower than this one. The metrics are the simulated ones the performance score is made of.\nThe benchmark index is Lighthouse's measure of this machine's CPU during the run (higher is faster;\nit drops when the machine is busy, and TBT, this machine's main-thread time times 4, grows then).\n\n${table(['performance', 'accessibility', 'best practices'], [[column('performance'), column('accessibility'), column('best-practices')]])}\n\n${table([...LIGHTHOUSE_METRICS.map(([, label]) => label), 'benchmark index'], [[...LIGHTHOUSE_METRICS.map(([id, , digits]) => column(id, digits)), column('benchmarkIndex')]])}`);
} finally {
  await browser.close();
  await server.stop();
}

const report = `# Benchmarks\n\nWritten by \`npm run bench\` (scripts/bench.mjs) on ${new Date().toISOString().slice(0, 10)}. The size budgets are checked by\n\`npm run size\` (not yet met: see README); nothing here fails a build.\n\n${sections.join('\n\n')}\n`;
writeFileSync(process.env.BENCH_OUT || path.join(root, 'BENCHMARKS.md'), report);
console.log(report);
