import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestOf, outDir, packageJson, readBuilt, TARGETS } from './built';

/** Each permission, and where the built code uses it (nothing requested that the code does not use). */
const PERMISSION_USES: Record<string, { file: string; pattern: RegExp }> = {
  // Settings: the content script reads them (and hears changes) from storage.local.
  storage: { file: 'annotate-page.js', pattern: /storage\.local\.get/ },
  // No API: it only stops the browser from evicting IndexedDB (the reading list) under storage pressure.
  unlimitedStorage: { file: 'background.js', pattern: /indexedDB/ },
  contextMenus: { file: 'background.js', pattern: /contextMenus\.create/ },
  // Granted by the save shortcut and a click on the toolbar icon: lets them read that tab's URL.
  activeTab: { file: 'background.js', pattern: /commands\.onCommand/ },
  // The daily arXiv refresh, created only once the user turns it on.
  alarms: { file: 'background.js', pattern: /alarms\.create/ },
};

/** The one host the extension may ask for, at the user's click on "Follow on arXiv" or "Refresh now". */
const ARXIV_API = 'https://export.arxiv.org/*';

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? allFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe.each(TARGETS)('the %s manifest', (target) => {
  const manifest = manifestOf(target);

  it('names the extension and takes its version from package.json', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('Paperlens');
    expect(manifest.version).toBe(packageJson.version);
    expect(manifest.description).toMatch(/sends nothing anywhere/);
  });

  it('asks for exactly the permissions the code uses, and no host permissions beyond its content script', () => {
    expect([...manifest.permissions].sort()).toEqual(Object.keys(PERMISSION_USES).sort());
    for (const [permission, use] of Object.entries(PERMISSION_USES)) {
      expect(use.pattern.test(readBuilt(target, use.file)), `${permission}: ${use.pattern} in ${use.file}`).toBe(true);
    }
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual([ARXIV_API]);
    // Asked for in the library page's click handler, checked by the background before any request.
    expect(readBuilt(target, 'background.js')).toMatch(/permissions\.contains/);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined(); // the browser's strict default: no remote code, no eval
  });

  it('runs the content script on every http(s) page and frame (srcdoc, about:blank and data: ones too), the paper-page script on paper sites, at document_idle', () => {
    expect(manifest.content_scripts).toEqual([
      {
        matches: ['http://*/*', 'https://*/*'],
        all_frames: true,
        // Frames made from srcdoc, about:blank or data: get badges too.
        match_about_blank: true,
        match_origin_as_fallback: true,
        run_at: 'document_idle',
        js: ['annotate-page.js'],
      },
      {
        // Only the top frame of the sites whose pages are papers, and arXiv's listings.
        matches: [
          ...['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'ar5iv.labs.arxiv.org', 'ar5iv.org', 'alphaxiv.org'],
          ...['www.alphaxiv.org', 'openreview.net', 'aclanthology.org', 'proceedings.mlr.press'],
          ...['proceedings.neurips.cc', 'papers.nips.cc', 'papers.neurips.cc', 'www.semanticscholar.org'],
        ].map((host) => `*://${host}/*`),
        run_at: 'document_idle',
        js: ['annotate-paper.js'],
      },
    ]);
  });

  it('has the popup, the options page, the save shortcut and the icons', () => {
    expect(manifest.action.default_popup).toBe('popup.html');
    expect(manifest.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
    expect(manifest.commands['save-paper'].suggested_key.default).toBe('Alt+Shift+S');
    expect(manifest.commands._execute_action.suggested_key.default).toBe('Alt+Shift+P');
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '96', '128']);
  });

  it('refers only to files that are in the build, including every page', () => {
    const referenced = [
      ...Object.values<string>(manifest.icons),
      manifest.action.default_popup,
      manifest.options_ui.page,
      ...manifest.content_scripts.flatMap((script: { js: string[] }) => script.js),
      ...(manifest.background.scripts ?? [manifest.background.service_worker]),
      'reading-list.html',
      'insights.html',
    ];
    for (const file of referenced) expect(existsSync(resolve(outDir(target), file)), file).toBe(true);
  });

  it('ships no code that builds HTML from strings or evaluates strings', () => {
    for (const file of allFiles(outDir(target)).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(file, 'utf8');
      const html = code.match(/\.innerHTML\s*=[^=]|outerHTML\s*=[^=]|insertAdjacentHTML|document\.write\(/);
      const evaluation = code.match(/\bnew Function\b|[^.\w]Function\(\s*["'`]|\beval\(/);
      expect(html?.[0] ?? null, file).toBeNull();
      expect(evaluation?.[0] ?? null, file).toBeNull();
    }
  });
});

describe('browser-specific keys', () => {
  it('Chrome runs the background as a service worker', () => {
    const manifest = manifestOf('chrome-mv3');
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
    expect(manifest.browser_specific_settings).toBeUndefined();
  });

  it('Firefox runs it as an event page, with a fixed add-on id and no data collection', () => {
    const manifest = manifestOf('firefox-mv3');
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(manifest.browser_specific_settings).toEqual({
      gecko: {
        id: 'paperlens@paperlens.dev',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
  });
});
