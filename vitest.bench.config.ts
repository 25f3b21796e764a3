/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// Node benchmarks of the pure engine: run once each, sequentially, without the unit-test setup.
export default defineConfig({
  test: {
    include: ['bench/node/**/*.bench.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 600_000,
    setupFiles: ['src/test-setup.ts'],
  },
});
