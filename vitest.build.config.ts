import { defineConfig } from 'vitest/config';

// Tests of the built extension (`.output/`): manifests, Mozilla's linter, store archives.
// `npm test` runs them after `npm run build` and `npm run build:firefox`.
export default defineConfig({
  test: {
    include: ['tests/build/**/*.test.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.tmp/vitest-build.json' }]] : ['default'],
  },
});
