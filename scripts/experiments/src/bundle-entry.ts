// The entry of the experiments' one-file bundle, for a machine without the workspace (a lent GPU:
// gpu-run.sh): the experiment's name, then its arguments, as its launcher takes them.
//   node experiments.js low-data runs/low-data --steps 1000 ...
import { experiments } from './experiments/registry';
import { runFromProcess } from './process-entry';

const [name, ...argv] = process.argv.slice(2);
const names = experiments.map((experiment) => experiment.name);
if (name === undefined || !names.includes(name)) {
  process.stderr.write(
    `usage: node experiments.js EXPERIMENT [RUN_DIR] [options]; EXPERIMENT is one of ${names.join(', ')}\n`,
  );
  process.exitCode = 2;
} else {
  process.exitCode = await runFromProcess(name, argv);
}
