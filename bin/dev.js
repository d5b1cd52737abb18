#!/usr/bin/env -S node --no-warnings
// Development: commands run from the TypeScript sources (oclif loads them through tsx). oclif
// takes a command's path from oclif.manifest.json when one exists, and `npm run build` and the
// test setup write one pointing at dist/: it is generated and git-ignored, so it is removed here
// (bin/run.js works without it, and the next build writes it again).
import {rmSync} from 'node:fs'
import {execute} from '@oclif/core'

rmSync(new URL('../oclif.manifest.json', import.meta.url), {force: true})
await execute({development: true, dir: import.meta.url})
