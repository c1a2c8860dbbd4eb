/**
 * A test-runner command for CSS media features that @web/test-runner-commands' `emulateMedia` does
 * not reach: `executeServerCommand('emulate-media-features', [{ name: 'forced-colors', value: 'active' }])`.
 * puppeteer's own `emulateMediaFeatures` refuses `forced-colors`, so this speaks CDP directly:
 * Chromium only (Firefox's puppeteer session is WebDriver BiDi, WebKit's is WebDriver classic).
 * An empty list clears what it set. The CDP session stays open with its page: Chromium drops a
 * session's emulation when the session detaches.
 */
export function mediaFeaturesPlugin() {
  const sessions = new WeakMap();
  return {
    name: 'emulate-media-features-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`emulate-media-features needs puppeteer and CDP, not ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, page.createCDPSession()); // throws in Firefox: no CDP over BiDi
      await (await sessions.get(page)).send('Emulation.setEmulatedMedia', { features: payload });
      return true;
    },
  };
}
