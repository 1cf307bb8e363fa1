// Worker entry for bench/berechnung.ts: Node 20 does not pass the tsx loader from execArgv to worker
// threads, so the worker registers tsx itself and then loads the TypeScript module.
import { register } from 'tsx/esm/api';

register();
await import('./berechnung.ts');
