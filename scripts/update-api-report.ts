// Rewrites sdk/api/*.api.md from the SDK's entries: run after changing the public surface (npm run api:update).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { apiSurface, renderReport } from './api-report.js';

for (const [entry, names] of apiSurface()) {
  mkdirSync(dirname(entry.report), { recursive: true });
  writeFileSync(entry.report, renderReport(entry, names));
  console.log(`${entry.report}: ${names.size} names`);
}
