import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // Unit tests sit next to the code; Playwright specs (tests/e2e) are not Vitest's.
    include: ['lib/**/*.test.{ts,tsx}', 'components/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.{ts,tsx}', 'tests/sandbox/**/*.test.ts'],
    environment: 'happy-dom',
    restoreMocks: true,
  },
});
