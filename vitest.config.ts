import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Rule caches written by tests go to a temporary folder, not the user's ~/.cache.
    env: {CLAUSESCOPE_CACHE_DIR: join(tmpdir(), 'clausescope-test-cache')},
    reporters: ['default', 'junit'],
    outputFile: {junit: 'test-results.xml'},
  },
})
