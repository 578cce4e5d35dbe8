// Development bootstrap for the batch worker: loads worker.ts through tsx's
// tsImport, for runs from the sources (vitest, tsx, npm run bench). The built
// package uses dist/batch/worker.js instead (see pool.ts). `--import tsx` in the
// worker's execArgv is not used because on Node 20 the loader hooks it
// registers are not reliably active before the worker imports its module.
import { tsImport } from 'tsx/esm/api';

const mod = await tsImport('./worker.ts', import.meta.url);
export default mod.default;
