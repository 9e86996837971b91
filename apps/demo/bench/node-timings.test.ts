// The Node side of the demo's speed record (README, "Speed"): the same greedy decode and the same
// training session as the page, in Node on Dawn (lavapipe without a GPU) instead of a browser.
// Run: pnpm --filter @prefixkit/demo bench:node
import { readFileSync } from 'node:fs';
import { bufferByteSource, loadGpt2, loadGpt2Tokenizer } from '@prefixkit/gpt2';
import { loadPeft } from '@prefixkit/peft';
import { createWebGpuBackend } from '@prefixkit/tensor/node';
import { test } from 'vitest';
import { readE2ESample } from '../src/worker/e2e-sample';
import { runGenerateJob } from '../src/worker/generate-job';
import { heldOutExamples, TrainSession } from '../src/worker/train-session';

const repo = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, repo));

test('time to first token and training steps/s in Node', async () => {
  const backend = await createWebGpuBackend();
  const model = await loadGpt2(
    {
      config: read('models/prefixkit-tiny/config.json').toString(),
      weights: bufferByteSource(read('models/prefixkit-tiny/model.safetensors')),
    },
    { backend },
  );
  const tokenizer = await loadGpt2Tokenizer();
  const shipped = await loadPeft(model, {
    config: read('models/prefixkit-tiny/prefixes/e2e/adapter_config.json').toString(),
    weights: read('models/prefixkit-tiny/prefixes/e2e/adapter_model.safetensors'),
  });
  for (const [label, peft] of [
    ['none', null],
    ['shipped', shipped],
  ] as const) {
    const result = await runGenerateJob({
      model,
      tokenizer,
      peft,
      source: 'name : The Eagle | Type : coffee shop | area : riverside',
      settings: { numBeams: 1, maxNewTokens: 10 },
      onTokens: () => {},
      signal: new AbortController().signal,
    });
    console.log(
      `node: ${label}: first token after ${result.firstTokenMs?.toFixed(0)} ms, ${result.tokensPerSecond?.toFixed(1)} tokens/s`,
    );
  }
  const sample = await readE2ESample(
    read('packages/datasets/fixtures/e2e/trainset.csv').toString(),
    read('packages/datasets/fixtures/e2e/devset.csv').toString(),
  );
  const heldOut = sample.dev
    .slice(0, heldOutExamples)
    .map((group) => ({ source: group.source, target: group.references[0]! }));
  for (const batchSize of [2, 4]) {
    const session = new TrainSession(model, tokenizer, sample.train, heldOut);
    const evals: number[] = [];
    let rate = 0;
    await session.start(
      { steps: 20, learningRate: 0.02, batchSize },
      {
        onStep: (_, stepsPerSecond) => {
          rate = stepsPerSecond;
        },
        onEvaluate: (event) => evals.push(event.evalLoss),
      },
    );
    console.log(
      `node: batch ${batchSize}: ${rate.toFixed(2)} steps/s; held-out loss ${evals.map((loss) => loss.toFixed(4)).join(' -> ')}`,
    );
  }
}, 600_000);
