// `npm run bench`: every figure beside a reference measured in this same run.
import { benchIpcRouter } from './ipc-router.bench';
import { benchProfileStore } from './profile-store.bench';
import { benchProfileFilter } from './profile-filter.bench';
import { benchCredentialProcess } from './credential-process.bench';
import { benchTemplateParse } from './template-parse.bench';
import { benchCloudFrontSign } from './cloudfront-sign.bench';
import { benchDeploy } from './deploy.bench';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { printFigures, type Figure } from './harness';

// The data folders, keyrings and templates the benches make go in one folder, removed at the end.
const runTemp = mkdtempSync(path.join(tmpdir(), 'roledeck-bench-run-'));
process.env.TMPDIR = runTemp;
const figures: Figure[] = [];
try {
  figures.push(...(await benchIpcRouter()));
  figures.push(...(await benchProfileStore()));
  figures.push(...(await benchProfileFilter()));
  figures.push(...(await benchCredentialProcess()));
  figures.push(...(await benchTemplateParse()));
  figures.push(...(await benchCloudFrontSign()));
  figures.push(...(await benchDeploy()));
} finally {
  rmSync(runTemp, { recursive: true, force: true });
}

console.log(`Roledeck benchmarks — node ${process.versions.node}, ${new Date().toISOString()}\n`);
printFigures(figures);
