// `npm run bench` is not part of `npm test` and never fails on a timing. This smoke run (every
// measurement once, BENCH_QUICK=1) checks that it still runs and reports every figure the
// performance issue asks for, each a number; the clock's wakes, which do not depend on the
// machine, are checked too. Needs `npm run build`. About 40 s.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('the benchmark runs and reports bytes, the budgeted pages, first item, render cost, the clock, layout shift and Lighthouse', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const out = path.join(dir, 'BENCHMARKS.md');
  try {
    await new Promise((resolve, reject) =>
      execFile(process.execPath, ['scripts/bench.mjs'], { cwd: root, env: { ...process.env, BENCH_QUICK: '1', BENCH_OUT: out }, maxBuffer: 1 << 24 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
      ),
    );
    const report = readFileSync(out, 'utf8');
    /** The data rows of the tables of the section whose heading starts with `heading`, as arrays of cells. */
    const rows = (heading) => {
      const section = report.split('\n## ').find((part) => part.startsWith(heading));
      assert.ok(section, `no section "${heading}"`);
      const lines = section.split('\n');
      // Data rows: table lines that are neither a separator nor the header just above one.
      return lines
        .filter((line, index) => line.startsWith('|') && !line.startsWith('| ---') && !lines[index + 1]?.startsWith('| ---'))
        .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
    };
    const isFigure = (cell) => /^\d+(\.\d+)?( kB)?( \(\d+(\.\d+)?–\d+(\.\d+)?\))?$|^\d+(\.\d+)?×$/.test(cell);
    const allFigures = (row, from = 1) => row.slice(from).forEach((cell) => assert.ok(isFigure(cell), `not a figure: "${cell}" in ${row.join(' | ')}`));

    assert.match(report, /^Machine: .+ \(\d+ cores\).+Chromium \d+/m);
    const files = rows('Bytes of each shipped file');
    for (const file of ['dist/news-widgets.js', 'dist/news-widgets.iife.js']) assert.ok(files.some((row) => row[0] === file), file);
    assert.ok(files.some((row) => /^dist\/chunks\/ru\.core-/.test(row[0])));
    files.forEach((row) => allFigures(row));
    const owners = rows('Who the bytes belong to');
    for (const owner of ['lit', 'dompurify', 'intl-messageformat']) assert.ok(owners.some((row) => row[0] === owner), owner);
    owners.forEach((row) => allFigures(row));
    // Every budgeted page, with its libraries' share and what the budget leaves for our code.
    const pages = rows('Each budgeted page');
    assert.equal(pages.length, JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))['size-limit'].length);
    for (const page of pages) {
      assert.match(page[3], /^lit( \+ dompurify)?: \d+\.\d+ kB$/, page.join(' | '));
      assert.doesNotMatch(page[3], /: 0\.00 kB$/, `the libraries' share is measured: ${page.join(' | ')}`);
      [page[1], page[2], page[4], page[5]].forEach((cell) => assert.ok(isFigure(cell), `not a figure: "${cell}" in ${page.join(' | ')}`));
    }
    assert.match(pages[1][3], /dompurify/, 'the page with an HTML story body loads the sanitizer');
    assert.deepEqual(rows('From the script').map((row) => row[0]), ['recent-posts', 'featured-story']);
    rows('From the script').forEach((row) => allFigures(row));
    assert.deepEqual(rows('Main-thread time').map((row) => row[0]), ['10', '100', '1000']);
    rows('Main-thread time').forEach((row) => allFigures(row));
    const clock = rows('The shared clock');
    assert.equal(clock.length, 2);
    // One timer for 500 times, woken about once a minute whatever second they were published at:
    // at each of the hour's 59 whole minutes; at any second, also once for the first change, on time.
    for (const [row, wakes] of [[clock[0], 59], [clock[1], 60]]) {
      allFigures(row);
      assert.match(row[2], new RegExp(`^${wakes} `), `wakes: ${row.join(' | ')}`);
      assert.match(row[3], new RegExp(`^${wakes} `), `timers set: ${row.join(' | ')}`);
    }
    assert.deepEqual(rows('Layout shift').map((row) => row[0]), ['1280×900', '412×823']);
    rows('Layout shift').forEach((row) => allFigures(row));
    const lighthouse = rows('Lighthouse');
    assert.equal(lighthouse.length, 2);
    lighthouse.forEach((row) => allFigures(row, 0));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
