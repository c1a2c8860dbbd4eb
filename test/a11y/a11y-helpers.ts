/**
 * What the accessibility tests share: feeds held in flight (to look at the loading state), colour
 * parsing and WCAG contrast ratios computed from what the browser resolved, and the engine in use
 * (some test-runner commands exist for some launchers only).
 */

/** The engine, from the user agent (WebKitGTK's MiniBrowser says Safari, not Chrome). */
export const engine: 'chromium' | 'firefox' | 'webkit' = navigator.userAgent.includes('Firefox/')
  ? 'firefox'
  : navigator.userAgent.includes('Chrome/')
    ? 'chromium'
    : 'webkit';

let holdCount = 0;
/** A feed URL whose answer waits until `release()`: the widget stays in its loading state until then. */
export function heldFeed(fixtureName: string) {
  const name = `a11y-${Date.now()}-${Math.random().toString(36).slice(2)}-${holdCount++}`;
  return {
    url: new URL(`/test-api/hold/${name}?body=feeds/${fixtureName}`, location.href).href,
    release: () => fetch(`/test-api/release/${name}?early=1`),
  };
}

/** A name no other test, browser or run uses, for the test server's per-name counters. */
export const uniqueName = (label: string) => `${label}-${Math.random().toString(36).slice(2)}`;

/** The test server's request counters of a stateful route (`/test-api/sequence/<name>`…). */
export async function requestCount(name: string): Promise<number> {
  const stats = (await (await fetch(`/test-api/stats/${name}`)).json()) as { requests: number };
  return stats.requests;
}

/** Polls `condition` every 20 ms until it holds, failing after `timeout` ms with `what`. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeout = 5000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Page backgrounds of the two palettes, so a themed widget sits on a page of its own scheme. */
export const pageBackground = { light: '#ffffff', dark: '#0d1117' } as const;

export type Rgba = [r: number, g: number, b: number, a: number];

/**
 * Parses a computed colour: `rgb(…)`/`rgba(…)` (comma or space syntax) and `color(srgb r g b / a)`,
 * the forms engines give for resolved sRGB colours. Throws on anything else, so a test never
 * compares a colour it did not understand.
 */
export function parseColor(value: string): Rgba {
  const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (rgb) {
    const alpha = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? parseFloat(rgb[4]) / 100 : Number(rgb[4]);
    return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), alpha];
  }
  const srgb = /^color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s*\/\s*([\d.]+))?\s*\)$/.exec(value.trim());
  if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, srgb[4] === undefined ? 1 : Number(srgb[4])];
  throw new Error(`not a colour this test can read: ${value}`);
}

/** `top` drawn over the opaque `bottom` (source-over), as an opaque colour. */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const [r, g, b, a] = top;
  return [r * a + bottom[0] * (1 - a), g * a + bottom[1] * (1 - a), b * a + bottom[2] * (1 - a), 1];
}

/** WCAG 2.x relative luminance of an opaque sRGB colour. */
export function relativeLuminance([r, g, b]: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio of two colours; a translucent foreground is first drawn over the background. */
export function contrastRatio(foreground: Rgba, background: Rgba): number {
  const lighter = relativeLuminance(composite(foreground, background));
  const darker = relativeLuminance(background);
  const [high, low] = lighter > darker ? [lighter, darker] : [darker, lighter];
  return (high + 0.05) / (low + 0.05);
}

/** Resolves after two animation frames: styles applied and painted. */
export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
