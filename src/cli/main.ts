// The entry of the built program: btcfi run on this process's arguments and streams. The process
// glue is in nodeIo.ts.
import { finishRun, makeNodeIo, watchProcess } from './nodeIo.js';
import { run } from './run.js';

watchProcess();
void run(process.argv.slice(2), makeNodeIo()).then(finishRun);
