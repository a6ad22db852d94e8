// `npm run bench`: every figure beside a reference measured in this same run.
import { benchIpcRouter } from './ipc-router.bench';
import { benchProfileStore } from './profile-store.bench';
import { printFigures, type Figure } from './harness';

const figures: Figure[] = [];
figures.push(...(await benchIpcRouter()));
figures.push(...(await benchProfileStore()));

console.log(`Roledeck benchmarks — node ${process.versions.node}, ${new Date().toISOString()}\n`);
printFigures(figures);
