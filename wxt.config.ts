import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/** Preact's one `innerHTML =` serves `dangerouslySetInnerHTML`, which we never use: a throw keeps HTML strings out of the build (and Mozilla's linter quiet). */
function preactWithoutInnerHtml(): Plugin {
  return {
    name: 'paperlens:preact-without-innerhtml',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id)) return;
      const patched = code.replace(
        '(t.innerHTML=h.__html)',
        '(()=>{throw new Error("Paperlens never renders HTML strings")})()',
      );
      if (patched === code) this.error(`preact's innerHTML assignment moved in ${id}; revisit preactWithoutInnerHtml`);
      return { code: patched, map: null };
    },
  };
}

/** zod's `new Function` probe (its JIT) always fails under an extension's CSP but makes Mozilla's linter warn: drop it, zod interprets as it already does. */
function zodWithoutEval(): Plugin {
  return {
    name: 'paperlens:zod-without-eval',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/](util|doc|compile)\.js$/.test(id)) return;
      const patched = code.replaceAll(
        'const F = Function;',
        'const F = null; // Paperlens: no eval (see wxt.config.ts)',
      );
      if (patched === code) this.error(`zod no longer has "const F = Function;" in ${id}; revisit zodWithoutEval`);
      return { code: patched, map: null };
    },
  };
}

/** lodash.merge (through the BibTeX parser) finds the global object with `Function('return this')()`: globalThis is it. */
function lodashWithoutEval(): Plugin {
  return {
    name: 'paperlens:lodash-without-eval',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]lodash\.merge[\\/]index\.js$/.test(id)) return;
      const patched = code.replaceAll("Function('return this')()", 'globalThis');
      if (patched === code)
        this.error(`lodash.merge no longer has its Function probe in ${id}; revisit lodashWithoutEval`);
      return { code: patched, map: null };
    },
  };
}

/** The sites whose pages are papers (and arXiv's listings), where the paper-page script runs. */
const PAPER_SITES = [
  ...['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'ar5iv.labs.arxiv.org', 'ar5iv.org'],
  ...['alphaxiv.org', 'www.alphaxiv.org', 'openreview.net', 'aclanthology.org', 'proceedings.mlr.press'],
  ...['proceedings.neurips.cc', 'papers.nips.cc', 'papers.neurips.cc', 'www.semanticscholar.org'],
].map((host) => `*://${host}/*`);

// https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports keep every module readable on its own (and testable without WXT's globals).
  imports: false,
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact(), zodWithoutEval(), lodashWithoutEval(), preactWithoutInnerHtml()],
    build: {
      sourcemap: Boolean(process.env.PAPERLENS_SOURCEMAP),
      minify: !process.env.PAPERLENS_NO_MINIFY,
      // The browsers Paperlens supports: CSS such as light-dark() is kept as written, not polyfilled.
      cssTarget: ['chrome123', 'firefox140'],
      target: ['chrome123', 'firefox140'],
    },
  }),
  // `npm run dev` opens a browser only when told which one: CHROME_PATH=/usr/bin/chromium (or FIREFOX_PATH).
  // Without it, dev mode builds .output/chrome-mv3-dev with live reload for you to load unpacked.
  webExt: {
    disabled: !process.env.CHROME_PATH && !process.env.FIREFOX_PATH,
    binaries: {
      ...(process.env.CHROME_PATH ? { chrome: process.env.CHROME_PATH } : {}),
      ...(process.env.FIREFOX_PATH ? { firefox: process.env.FIREFOX_PATH } : {}),
    },
    chromiumArgs: ['--no-first-run', '--disable-background-networking', '--disable-sync'],
  },
  // The Firefox sources archive (for Mozilla's reviewers) holds what the build needs, not tests or screenshots.
  zip: { excludeSources: ['docs/**', 'tests/**', '.ci/**', 'test-results/**', '.tmp/**'] },
  manifest: ({ browser }) => ({
    name: 'Paperlens',
    description:
      "Badges, search and a reading list for Jan Ludziejewski's papers on any page you read. Works offline and sends nothing anywhere.",
    // storage: settings; unlimitedStorage: IndexedDB (corpus + reading list) is never evicted under storage pressure;
    // contextMenus: "Save to reading list" on paper links; activeTab: the save shortcut reads the current tab's URL.
    // alarms: the daily arXiv refresh, which exists only once the user turns it on.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'activeTab', 'alarms'],
    // The arXiv API, asked for when the user first presses "Follow on arXiv" or "Refresh now", never before.
    optional_host_permissions: ['https://export.arxiv.org/*'],
    // Badges on every page and frame; frames made from srcdoc, about:blank or data: belong to the page that made them.
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['annotate-page.js'],
        run_at: 'document_idle',
        all_frames: true,
        match_about_blank: true,
        match_origin_as_fallback: true,
      },
      // Pages that are a paper, and arXiv's listings: panels and coauthor chips, in a script only these pages run.
      {
        matches: PAPER_SITES,
        js: ['annotate-paper.js'],
        run_at: 'document_idle',
      },
    ],
    action: { default_title: 'Paperlens' },
    commands: {
      'save-paper': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the arXiv paper in this tab to the reading list',
      },
      _execute_action: { suggested_key: { default: 'Alt+Shift+P' } },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'paperlens@paperlens.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android learned data_collection_permissions in 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
