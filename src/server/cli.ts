#!/usr/bin/env node
/**
 * The news-widgets command: `news-widgets render recent-posts --src URL|FILE --lang ru --limit 6`
 * prints the widget's server-rendered HTML (see render-widget.ts). Any other `--name value` becomes
 * an attribute of the element (`--time-zone Europe/Moscow`, `--heading "…"`, `--exclude-featured`).
 *
 * Nothing is written until the whole HTML is ready: stdout gets it in one write, and `--out FILE` is
 * written to a temporary file beside it and renamed over it, so a cron job never publishes half a
 * widget. A feed that cannot be read, or an `--out` file that cannot be written, is a one-line error
 * on stderr and exit status 1; a wrong command line, status 2.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FeedError } from '../feed/feed-error.js';
import { loadFeed } from './load-feed.js';
import { renderWidget, type AttributeValue, type WidgetName } from './render-widget.js';

const usage = `Usage: news-widgets render <recent-posts|featured-story> --src <URL|FILE> [options]

Prints the widget as HTML with its content rendered, for pages that show news without JavaScript.

Options:
  --src URL|FILE       the feed: JSON Feed, WordPress REST posts, RSS or Atom (required)
  --out FILE           write to FILE (atomically) instead of standard output
  --format FORMAT      force json-feed, wordpress, rss or atom instead of detecting it
  --timeout MS         give up on a feed URL after MS milliseconds (default 10000)
  --lang TAG           the widget's language (ru, en, …); set it, the server has no page to inherit it from
  --time-zone ZONE     IANA time zone of the dates (default: this machine's)
  --NAME VALUE         any other attribute of the element: --limit 6, --heading "Новости", --item-id 42
  --NAME               a boolean attribute: --exclude-featured
`;

class UsageError extends Error {}

interface Command {
  element: WidgetName;
  src: string;
  out?: string;
  format?: string;
  timeout?: number;
  attributes: Record<string, AttributeValue>;
}

function parseCommand(args: string[]): Command | 'help' {
  if (args.includes('--help') || args.includes('-h')) return 'help';
  const [command, element, ...rest] = args;
  if (command !== 'render') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  if (element !== 'recent-posts' && element !== 'featured-story') throw new UsageError(`unknown element "${element ?? ''}" (recent-posts or featured-story)`);
  const options: Record<string, AttributeValue> = {};
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index]!;
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new UsageError(`unexpected argument "${arg}"`);
    const [, name, inline] = match;
    const next = rest[index + 1];
    if (inline !== undefined) options[name!] = inline;
    else if (next !== undefined && !next.startsWith('--')) options[name!] = rest[++index]!;
    else options[name!] = true;
  }
  const { src, out, format, timeout, ...attributes } = options;
  if (typeof src !== 'string' || !src) throw new UsageError('--src URL|FILE is required');
  if (out !== undefined && typeof out !== 'string') throw new UsageError('--out needs a file name');
  if (format !== undefined && typeof format !== 'string') throw new UsageError('--format needs a value');
  if (timeout !== undefined && !(Number(timeout) > 0)) throw new UsageError('--timeout needs a number of milliseconds');
  return { element, src, out, format, timeout: timeout === undefined ? undefined : Number(timeout), attributes };
}

/** Writes `text` to `file` through a temporary file in the same folder, renamed over it. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function main(args: string[]): Promise<number> {
  let command: Command | 'help';
  try {
    command = parseCommand(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`news-widgets: ${error.message}\n\n${usage}`);
    return 2;
  }
  if (command === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  let html: string;
  try {
    const feed = await loadFeed(command.src, { timeout: command.timeout });
    html = renderWidget({
      element: command.element,
      feed: feed.text,
      feedUrl: feed.url,
      contentType: feed.contentType,
      format: command.format,
      attributes: command.attributes,
    });
  } catch (error) {
    const detail = error instanceof FeedError ? error.message : String((error as Error)?.message ?? error);
    process.stderr.write(`news-widgets: cannot render <${command.element}> from ${command.src}: ${detail}\n`);
    return 1;
  }
  if (!command.out) {
    process.stdout.write(`${html}\n`);
    return 0;
  }
  try {
    await writeAtomically(command.out, `${html}\n`);
  } catch (error) {
    // A cron job's log gets one line saying which file and why (ENOENT, EACCES, EISDIR), not a stack.
    process.stderr.write(`news-widgets: cannot write ${command.out}: ${(error as Error).message}\n`);
    return 1;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
