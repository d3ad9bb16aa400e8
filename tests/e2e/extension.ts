import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, test as base, type Page } from '@playwright/test';
import { backgroundWorker, EXTENSION_PATH, launchChromium } from '../helpers/chromium';
import { type FixtureServer, startFixtureServer } from './server';

export { backgroundWorker, EXTENSION_PATH } from '../helpers/chromium';

/** Launches Debian's Chromium with the built extension and a profile directory (kept between relaunches). */
export function launchWithExtension(profileDir: string): Promise<BrowserContext> {
  return launchChromium(profileDir, EXTENSION_PATH);
}

export async function extensionId(context: BrowserContext): Promise<string> {
  return new URL((await backgroundWorker(context)).url()).host;
}

/** Opens one of the extension's own pages (`popup.html`, …). */
export async function openExtensionPage(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${await extensionId(context)}/${path}`);
  return page;
}

/** Sends a protocol message from an extension page, exactly as the popup does. */
export async function sendFromPage<T>(page: Page, type: string, data: unknown): Promise<T> {
  const answer = await page.evaluate(
    ([messageType, payload]) => {
      type Reply = { res?: unknown; err?: { message: string } } | undefined;
      const { runtime } = (globalThis as unknown as { chrome: ChromeRuntime }).chrome;
      interface ChromeRuntime {
        runtime: {
          sendMessage(message: unknown, callback: (reply: Reply) => void): void;
          lastError?: { message: string };
        };
      }
      return new Promise<Reply>((resolvePromise, reject) => {
        runtime.sendMessage({ id: Date.now(), type: messageType, data: payload, timestamp: Date.now() }, (reply) => {
          if (runtime.lastError) reject(new Error(runtime.lastError.message));
          else resolvePromise(reply);
        });
      });
    },
    [type, data] as const,
  );
  if (answer?.err) throw new Error(answer.err.message);
  return answer?.res as T;
}

interface Fixtures {
  profileDir: string;
  context: BrowserContext;
  extensionId: string;
  server: FixtureServer;
}

/** A test with a fresh profile, the extension loaded, and the fixture server. */
export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured first argument.
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'paperlens-profile-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ profileDir }, use) => {
    const context = await launchWithExtension(profileDir);
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionId(context));
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured first argument.
  server: async ({}, use) => {
    const server = await startFixtureServer();
    await use(server);
    await server.close();
  },
});

export { expect } from '@playwright/test';
