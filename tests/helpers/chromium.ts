import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

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

/**
 * Copies a kept profile (a bench's 100k library) to `to` without its service-worker script cache: with it,
 * Chromium started the worker the profile last ran, not the extension as built now (measured: a 400-entry
 * listing answered by the previous build's code).
 */
export function copyProfile(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
  for (const cache of ['Service Worker', 'Code Cache'])
    rmSync(join(to, 'Default', cache), { recursive: true, force: true });
}

/** The extension's service worker, waiting for it when it has not started yet. */
export async function backgroundWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** Sends a message as an extension page does (the wire format of @webext-core/messaging) and returns its answer. */
export async function ask<T>(page: Page, type: string, data?: unknown): Promise<T> {
  const reply = await page.evaluate(
    ([messageType, payload]) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ id: 1, type: messageType, data: payload, timestamp: Date.now() }),
    [type, data] as const,
  );
  const { res, err } = reply as { res?: T; err?: { message: string } };
  if (err) throw new Error(err.message);
  return res as T;
}
