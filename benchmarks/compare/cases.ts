// The one registry of comparison cases: what each times, on which model shapes, in which suite,
// and the speed it should reach. Both sides (prefixkit here, compare_torch.py) run exactly the
// shapes and work a case describes.

/** `lavapipe`: Mesa's software Vulkan against PyTorch on the CPU; `gpu`: a lent GPU against CUDA. */
export const SUITES = ['lavapipe', 'gpu'] as const;
export type Suite = (typeof SUITES)[number];

/** The embedded pretrained model, or GPT-2 shapes with random weights written for the run. */
export type ModelName = 'tiny' | 'small' | 'medium';

interface CaseBase {
  readonly name: string;
  readonly suites: readonly Suite[];
  readonly model: ModelName;
  /** Vocabulary of the random model (default GPT-2's 50257; the tiny model has its own). */
  readonly vocab?: number;
  /**
   * Per suite, what the ratio column (prefixkit / PyTorch speed, 1 = parity) should reach: the
   * engine's targets, lavapipe against PyTorch CPU and a GPU against PyTorch CUDA eager f32.
   * Absent: no target (the figure is for the record).
   */
  readonly target: Readonly<Partial<Record<Suite, number>>>;
  readonly description: string;
}

/** Decoding with min = max new tokens, so every repetition runs the same number of steps. */
export interface DecodeCase extends CaseBase {
  readonly kind: 'decode';
  readonly rows: number;
  readonly numBeams: number;
  readonly promptTokens: number;
  readonly newTokens: number;
}

/** One prefix-tuning optimiser step: forward, backward, clip to norm 1, AdamW. */
export interface TrainCase extends CaseBase {
  readonly kind: 'train';
  readonly batch: number;
  readonly tokens: number;
  readonly prefixLength: number;
  readonly midDim: number;
}

/** Forward of a batch whose rows each have their own prefix, against one shared prefix. */
export interface MixedCase extends CaseBase {
  readonly kind: 'mixed';
  readonly batch: number;
  readonly tokens: number;
  readonly prefixLength: number;
  /** What mixed / single forward speed should reach (the paper's batching argument). */
  readonly mixedTarget: number;
}

export type CompareCase = DecodeCase | TrainCase | MixedCase;

const both: readonly Suite[] = ['lavapipe', 'gpu'];
// The paper's table-to-text prefix: 10 slots through a 512-wide MLP.
const prefix = { prefixLength: 10, midDim: 512 } as const;

/** Greedy at 1 and 8 rows and beam 5 at 1 row, 16-token prompts, on one model. */
function decodeCases(
  model: 'tiny' | 'small',
  shapes: string,
  newTokens: number,
  target: (numBeams: number) => DecodeCase['target'],
): DecodeCase[] {
  return (
    [
      [1, 1],
      [8, 1],
      [1, 5],
    ] as const
  ).map(([rows, numBeams]) => ({
    name: `${model}-${numBeams === 1 ? 'greedy' : `beam${numBeams}`}-b${rows}`,
    kind: 'decode',
    suites: both,
    model,
    rows,
    numBeams,
    promptTokens: 16,
    newTokens,
    target: target(numBeams),
    description: `${shapes}, ${rows} x 16-token prompt, ${numBeams === 1 ? 'greedy' : `beam ${numBeams}`}, ${newTokens} new tokens`,
  }));
}

export const compareCases: readonly CompareCase[] = [
  ...decodeCases('tiny', 'models/prefixkit-tiny', 32, (numBeams) => ({
    lavapipe: 0.3,
    ...(numBeams === 1 ? { gpu: 0.5 } : {}),
  })),
  // The LM head over 50257 words dominates a small model's step on lavapipe: 8 new tokens keep
  // the suite short.
  ...decodeCases('small', 'GPT-2 small shapes (random)', 8, (numBeams) =>
    numBeams === 1 ? { gpu: 0.5 } : {},
  ),
  {
    name: 'small-prefix-train-b8x128',
    kind: 'train',
    suites: both,
    model: 'small',
    batch: 8,
    tokens: 128,
    ...prefix,
    target: { gpu: 0.5 },
    description:
      'GPT-2 small shapes, vocab 50257, prefix 10 (MLP 512), one optimiser step on 8 x 128',
  },
  {
    name: 'small-mixed-prefix-b8x128',
    kind: 'mixed',
    suites: both,
    model: 'small',
    batch: 8,
    tokens: 128,
    prefixLength: 10,
    target: {},
    mixedTarget: 0.9,
    description:
      'GPT-2 small shapes, vocab 50257, forward of 8 x 128 with 8 different prefixes vs one',
  },
  {
    // lavapipe binds at most 128 MiB per storage buffer; this variant has a figure there even
    // when the full vocabulary does not fit.
    name: 'small-prefix-train-b8x128-v8192',
    kind: 'train',
    suites: ['lavapipe'],
    model: 'small',
    vocab: 8192,
    batch: 8,
    tokens: 128,
    ...prefix,
    target: {},
    description:
      'GPT-2 small shapes, vocab 8192, prefix 10 (MLP 512), one optimiser step on 8 x 128',
  },
  {
    name: 'medium-prefix-train-b8x128',
    kind: 'train',
    suites: ['gpu'],
    model: 'medium',
    batch: 8,
    tokens: 128,
    ...prefix,
    target: { gpu: 0.5 },
    description:
      'GPT-2 medium shapes, vocab 50257, prefix 10 (MLP 512), one optimiser step on 8 x 128',
  },
];

/** The vocabulary a case's random model has (the tiny model's comes from its config). */
export function vocabOf(compareCase: CompareCase): number {
  return compareCase.vocab ?? 50257;
}
