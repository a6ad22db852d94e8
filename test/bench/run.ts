// `npm run bench`: every figure beside a reference measured in this same run.
import { benchIpcRouter } from './ipc-router.bench';
import { benchProfileStore } from './profile-store.bench';
import { benchProfileFilter } from './profile-filter.bench';
import { benchCredentialProcess } from './credential-process.bench';
import { benchTemplateParse } from './template-parse.bench';
import { benchCloudFrontSign } from './cloudfront-sign.bench';
import { printFigures, type Figure } from './harness';

const figures: Figure[] = [];
figures.push(...(await benchIpcRouter()));
figures.push(...(await benchProfileStore()));
figures.push(...(await benchProfileFilter()));
figures.push(...(await benchCredentialProcess()));
figures.push(...(await benchTemplateParse()));
figures.push(...(await benchCloudFrontSign()));

console.log(`Roledeck benchmarks — node ${process.versions.node}, ${new Date().toISOString()}\n`);
printFigures(figures);
