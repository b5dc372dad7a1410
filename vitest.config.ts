import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        test: {
          name: 'engine',
          environment: 'node',
          // A test's own budget, not a speed goal: property and golden runs take seconds on a busy 2-core machine.
          testTimeout: 30_000,
          include: ['test/golden/**/*.test.ts', 'test/engine/**/*.test.ts', 'test/scenario/**/*.test.ts', 'test/property/**/*.test.ts', 'test/worker/**/*.test.ts', 'test/lessons/**/*.test.ts', 'test/docs/**/*.test.ts', 'test/session/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'ui',
          environment: 'jsdom',
          testTimeout: 30_000,
          include: ['test/ui/**/*.test.{ts,tsx}'],
          setupFiles: ['test/ui/setup.ts'],
        },
      },
    ],
  },
});
