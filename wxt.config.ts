import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports keep every module readable on its own (and testable without WXT's globals).
  imports: false,
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Paperlens',
    description:
      "Badges, search and a reading list for Jan Ludziejewski's papers on any page you read. Works offline and sends nothing anywhere.",
    // storage: settings; unlimitedStorage: IndexedDB (corpus + reading list) is never evicted under storage pressure.
    permissions: ['storage', 'unlimitedStorage'],
    action: { default_title: 'Paperlens' },
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
