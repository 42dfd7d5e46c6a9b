import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../vitest.shared.js';

export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      include: ['e2e/**/*.test.ts', 'browser/**/*.test.ts'],
      // Each file starts its own servers on ephemeral ports; browsers are heavy on 2 cores.
      fileParallelism: false,
      testTimeout: 60_000,
    },
  }),
);
