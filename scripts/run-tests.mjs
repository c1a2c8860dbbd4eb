#!/usr/bin/env node
/**
 * Runs the browser test suite (web-test-runner.config.mjs) and ends with the line
 * "N passed, N failed" and the runner's exit status. Extra arguments go to web-test-runner, e.g.
 * `--files test/x.test.ts`. When WebKit is selected it first starts WebKitWebDriver under Xvfb on a
 * free port (MiniBrowser has no headless mode). Whatever it started is gone when it exits,
 * interrupted or not. Linux only (it reads /proc), like the browsers it drives.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants } from 'node:os';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startTestRunner } from '@web/test-runner';
import { WEBKIT_DRIVER_PATH, selectedBrowsers } from './browsers.mjs';

const DRIVER_START_TIMEOUT_MS = 30_000;

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

/** A TCP port that was free a moment ago on the loopback interface. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts `xvfb-run -a WebKitWebDriver` in its own process group; resolves once /status answers. */
async function startWebKitDriver() {
  const port = await freePort();
  const child = spawn(
    'xvfb-run',
    ['-a', '-s', '-screen 0 1280x1024x24', WEBKIT_DRIVER_PATH, `--port=${port}`],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = chunk => (output = (output + chunk).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + DRIVER_START_TIMEOUT_MS;
  while (!exited && Date.now() < deadline) {
    const status = fetch(`http://127.0.0.1:${port}/status`, { signal: AbortSignal.timeout(2_000) });
    const ready = await status.then(response => response.ok, () => false);
    if (ready) return { port, child };
    await sleep(100);
  }
  signal(-child.pid, 'SIGKILL');
  throw new Error(`WebKitWebDriver did not answer on port ${port}:\n${output}`);
}

/** The direct children of a process (Linux /proc). */
function childPids(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return []; // already gone
  }
}

/**
 * Asks WebKitWebDriver (xvfb-run's child) to quit. xvfb-run then stops Xvfb and removes its lock
 * and auth files by itself, and MiniBrowser exits with its display. Synchronous, so that it also
 * works from a process 'exit' handler.
 */
function signalDriver(child) {
  for (const pid of childPids(child.pid)) signal(pid, 'SIGTERM');
}

/** process.kill that ignores processes (or, for a negative pid, groups) that are already gone. */
function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** Stops the driver and waits for xvfb-run to clean up; kills whatever is left after 5 s. */
async function stopWebKitDriver(child) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise(resolve => child.once('exit', resolve));
    signalDriver(child);
    await Promise.race([exited, sleep(5_000)]);
  }
  signal(-child.pid, 'SIGKILL');
}

/** Counts test results over all browsers; a failed session without failed tests counts as one. */
function countResults(sessions) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const visit = suite => {
    for (const test of suite?.tests ?? []) {
      counts[test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed'] += 1;
    }
    (suite?.suites ?? []).forEach(visit);
  };
  for (const session of sessions) {
    const failedBefore = counts.failed;
    visit(session.testResults);
    if (!session.passed && counts.failed === failedBefore) counts.failed += 1;
  }
  return counts;
}

/** A puppeteer temporary profile in a command line: --user-data-dir=DIR or --profile DIR. */
function tempProfile(pid) {
  let args = [];
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    // already gone
  }
  const dir = args.find(arg => arg.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length)
    ?? (args.includes('--profile') ? args[args.indexOf('--profile') + 1] : undefined);
  return dir && basename(dir).startsWith('puppeteer_dev_') ? dir : undefined;
}

/**
 * On any exit (an interrupt, a runner error) nothing may outlive us. Puppeteer runs each browser
 * in a process group of its own, and its exit handler kills only the first of two (it unsubscribes
 * while iterating its listeners) and leaves their temporary profiles: kill the groups of all our
 * children and remove those profiles, then stop the driver.
 */
function killEverything() {
  for (const pid of childPids(process.pid)) {
    if (pid === driver?.child.pid) continue;
    const profile = tempProfile(pid);
    signal(-pid, 'SIGKILL');
    if (profile) rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  }
  if (driver) signalDriver(driver.child);
}

let driver;
process.on('exit', killEverything);
for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(name, () => process.exit(128 + constants.signals[name]));
}

if (selectedBrowsers().includes('webkit')) {
  driver = await startWebKitDriver();
  process.env.NEWS_WIDGETS_WEBKIT_DRIVER_PORT = String(driver.port);
}

const runner = await startTestRunner({
  autoExitProcess: false,
  config: process.env.CI ? { staticLogging: true } : {},
});
if (!runner) process.exit(1); // it could not start, and has said why
const passed = await new Promise(resolve => runner.on('stopped', resolve));

if (driver) await stopWebKitDriver(driver.child);
driver = undefined;
const { passed: passedCount, failed, skipped } = countResults(runner.sessions.all());
console.log(`\n${passedCount} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(passed ? 0 : 1);
