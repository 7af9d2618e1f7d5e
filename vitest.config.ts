// Unit tests live beside the code as *.test.ts and run in Node with a fixed time zone.
import { defineConfig } from 'vitest/config';

process.env.TZ = 'Europe/Rome';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    reporters: process.env.CI_JSON
      ? ['default', ['json', { outputFile: 'test-results/unit.json' }]]
      : ['default'],
  },
});
