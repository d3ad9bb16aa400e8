import { defineConfig } from 'vitest/config';

// Real Firefox (firefox-esr, FIREFOX_PATH to override) driven over WebDriver BiDi; needs `npx wxt build -b firefox` first.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.tmp/vitest-firefox.json' }]] : ['default'],
  },
});
