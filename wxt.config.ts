import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports keep every module readable on its own (and testable without WXT's globals).
  imports: false,
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: Boolean(process.env.PAPERLENS_SOURCEMAP), minify: !process.env.PAPERLENS_NO_MINIFY },
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
  manifest: ({ browser }) => ({
    name: 'Paperlens',
    description:
      "Badges, search and a reading list for Jan Ludziejewski's papers on any page you read. Works offline and sends nothing anywhere.",
    // storage: settings; unlimitedStorage: IndexedDB (corpus + reading list) is never evicted under storage pressure;
    // contextMenus: "Save to reading list" on paper links; activeTab: the save shortcut reads the current tab's URL.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'activeTab'],
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
          },
        }
      : {}),
  }),
});
