import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    // Build-backed tests spawn `astro build`; two cores do not like more than two at once.
    maxWorkers: 2,
    testTimeout: 120_000,
  },
});
