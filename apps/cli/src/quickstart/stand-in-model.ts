// The quickstart's stand-in for the embedded default model (issue #9) while models/prefixkit-tiny
// is not in the repository: a small GPT-2 with GPT-2's real tokenizer, initialised at random and
// pretrained by prefixkit itself (FT-FULL from random init, @prefixkit/peft's pretrain) on the
// *references only* of the shipped E2E training sample. It learns restaurant-review English but
// never sees a meaning representation, so the table-to-text task is left to the prefix. No dev
// or test text is used.
import type { TextPair } from '@prefixkit/datasets';
import type { Gpt2Model, Gpt2Tokenizer } from '@prefixkit/gpt2';
import type { Backend } from '@prefixkit/tensor';

export interface StandInShape {
  layers: number;
  width: number;
  heads: number;
  steps: number;
  learningRate: number;
}

export interface StandIn {
  model: Gpt2Model;
  name: string;
  steps: number;
  tokens: number;
  finalLoss: number | null;
  seconds: number;
}

/** Pretrains the stand-in on the training references (blocks of 32 tokens, batch 8). */
export async function pretrainStandIn(options: {
  backend: Backend;
  tokenizer: Gpt2Tokenizer;
  train: readonly TextPair[];
  shape: StandInShape;
  seed: number;
  signal?: AbortSignal;
  onStep?: (step: number, total: number, loss: number) => void;
}): Promise<StandIn> {
  const { Gpt2Model, parseGpt2Config } = await import('@prefixkit/gpt2');
  const { createRandomGpt2, packBlocks, pretrain } = await import('@prefixkit/peft');
  const { shape } = options;
  const config = parseGpt2Config({
    model_type: 'gpt2',
    vocab_size: 50257,
    n_positions: 128,
    n_embd: shape.width,
    n_layer: shape.layers,
    n_head: shape.heads,
  });
  const random = await createRandomGpt2(config, { backend: options.backend, seed: options.seed });
  const documents = options.train.map((pair) => options.tokenizer.encode(` ${pair.target}`));
  const blocks = packBlocks(documents, { blockSize: 32, endOfTextId: 50256 });
  const result = await pretrain({
    model: random,
    train: blocks,
    config: {
      learningRate: shape.learningRate,
      warmupSteps: Math.min(10, Math.floor(shape.steps / 10)),
      maxSteps: shape.steps,
      batchSize: 8,
      weightDecay: 0.01,
      seed: options.seed,
    },
    ...(options.signal ? { signal: options.signal } : {}),
    onPoint: (point) => options.onStep?.(point.step, shape.steps, point.loss),
  });
  const model = await Gpt2Model.fromCheckpoint(
    { config, metadata: {}, parameters: result.parameters },
    { backend: options.backend },
  );
  result.fineTune.dispose();
  random.dispose();
  return {
    model,
    name: `stand-in GPT-2 ${shape.layers}x${shape.width} (pretrained here, ${result.steps} steps on the sample's references)`,
    steps: result.steps,
    tokens: result.tokensSeen,
    finalLoss: result.finalTrainLoss,
    seconds: result.seconds,
  };
}
