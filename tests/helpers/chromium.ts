import { resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

/** The Chromium build of the extension (`npm run build`). */
export const EXTENSION_PATH = resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launches Debian's Chromium headless on a profile directory with one unpacked extension loaded, or none.
 * Chromium's own background traffic (updates, sync, QUIC probes) is switched off so that it reaches
 * neither the tests' network nor the benches' timings.
 */
export function launchChromium(profileDir: string, extension: string | null): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The extension's service worker, waiting for it when it has not started yet. */
export async function backgroundWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}
