// The child process that runs cases: `worker <target> <seed> <from> <to>`. It prints one JSON
// line when ready and one per finished case, so the supervisor can tell a hang (silence) from
// slow progress, kill it and carry on from the next case.

import { classifyThrown } from './outcome';
import { caseRandom } from './seeded-random';
import { type FuzzTargetName, fuzzTargets } from './targets/index';

const [name, seedText, fromText, toText] = process.argv.slice(2);
const target = fuzzTargets[name as FuzzTargetName];
if (!target) throw new Error(`unknown fuzz target ${name}`);
const seed = Number(seedText);
const send = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);

const context = await target.prepare();
send({ ready: true });
for (let index = Number(fromText); index < Number(toText); index++) {
  try {
    const result = await target.run(context as never, caseRandom(seed, index), index);
    send({
      case: index,
      outcome: result.outcome,
      ...('problem' in result ? { detail: result.problem } : {}),
    });
  } catch (error) {
    const thrown = classifyThrown(error);
    send({
      case: index,
      outcome: thrown.outcome,
      ...(thrown.outcome === 'crash' ? { detail: thrown.detail } : {}),
    });
  }
}
process.exit(0);
