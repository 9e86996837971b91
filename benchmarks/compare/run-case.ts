// One case, both sides: prefixkit first, then compare_torch.py on the same checkpoint and the
// same ids (f32, and bf16 autocast for the record where asked), each side's failure recorded as
// its result. The record is what the document lists per case.
import type { Gpt2Model } from '@prefixkit/gpt2';
import type { Backend } from '@prefixkit/tensor';
import {
  type SideSummary,
  speedRatio,
  summarizeDecode,
  summarizeMixed,
  summarizeTrain,
} from './case-summary';
import type { CompareCase, Suite } from './cases';
import { type DecodeTimes, prefixkitDecode } from './prefixkit-decode';
import { type MixedTimes, prefixkitMixed } from './prefixkit-mixed';
import { prefixkitTrain, TRAIN_LEARNING_RATE } from './prefixkit-train';
import {
  isSideError,
  runTorch,
  type SideError,
  type TorchPrecision,
  type TorchSettings,
} from './torch-side';
import { prompts, trainingRows } from './workload';

export interface CaseContext {
  readonly backend: Backend;
  readonly model: Gpt2Model;
  /** The checkpoint directory `model` was loaded from; compare_torch.py loads it too. */
  readonly modelDirectory: string;
  readonly repetitions: { readonly warmup: number; readonly reps: number };
  /** Which suite runs (picks the case's target). */
  readonly suite: Suite;
  readonly torch: TorchSettings;
  readonly bf16: boolean;
}

type Side = SideSummary | SideError;

/** A thrown error as a side's result: its stable code where it has one, and its first line. */
export function sideError(error: unknown): SideError {
  const { code, name, message } = error as { code?: unknown; name?: string; message?: string };
  return {
    error: {
      code: typeof code === 'string' ? code : (name ?? 'Error'),
      message: String(message ?? error).split('\n')[0] as string,
    },
  };
}

async function prefixkitSide<T>(run: () => Promise<T>, summary: (times: T) => SideSummary) {
  try {
    const times = await run();
    return { summary: summary(times), times };
  } catch (error) {
    return { summary: sideError(error), times: undefined };
  }
}

/** PyTorch's runs of `torchCase` in f32 (and bf16 autocast), summarised like prefixkit's. */
function torchSides<T>(
  torchCase: Record<string, unknown>,
  context: CaseContext,
  summary: (times: T) => SideSummary,
) {
  const precisions: TorchPrecision[] = context.bf16 ? ['f32', 'bf16-autocast'] : ['f32'];
  const output = runTorch(torchCase, context.torch, precisions);
  const side = (precision: TorchPrecision): Side => {
    if (isSideError(output)) return output;
    const { runs, ...about } = output;
    const run = runs.find((candidate) => candidate.precision === precision);
    if (!run)
      return {
        error: { code: 'TORCH_FAILED', message: `compare_torch.py gave no ${precision} run` },
      };
    try {
      // compare_torch.py prints the same time lists as prefixkit's side returns for this kind.
      return { ...summary(run as T), ...about, precision };
    } catch (error) {
      return sideError(error);
    }
  };
  const f32 = isSideError(output) ? output : output.runs.find((run) => run.precision === 'f32');
  return {
    f32,
    sides: {
      pytorch: side('f32'),
      ...(context.bf16 ? { pytorchBf16Autocast: side('bf16-autocast') } : {}),
    },
  };
}

const figures = (side: Side | undefined) => (side && !isSideError(side) ? side : undefined);

export async function runCase(compareCase: CompareCase, context: CaseContext) {
  const target = compareCase.target[context.suite];
  const { model, repetitions } = context;
  const vocab = model.config.vocab_size;
  const common = { model: context.modelDirectory, ...repetitions };
  let prefixkit: Side;
  let torch: ReturnType<typeof torchSides>;
  let extra: Record<string, unknown> = {};
  switch (compareCase.kind) {
    case 'decode': {
      const rows = prompts(compareCase.rows, compareCase.promptTokens, vocab);
      const summary = (times: DecodeTimes) => summarizeDecode(compareCase, times);
      const ours = await prefixkitSide(
        () => prefixkitDecode(model, compareCase, rows, repetitions),
        summary,
      );
      prefixkit = ours.summary;
      torch = torchSides(
        {
          kind: 'decode',
          ...common,
          prompts: rows,
          newTokens: compareCase.newTokens,
          numBeams: compareCase.numBeams,
        },
        context,
        summary,
      );
      // Same tokens from both: the two ran the same computation.
      const theirs = torch.f32 && !isSideError(torch.f32) ? torch.f32.tokens : undefined;
      extra = {
        sameTokens:
          ours.times && theirs
            ? JSON.stringify(ours.times.tokens) === JSON.stringify(theirs)
            : null,
        prompts: rows,
      };
      break;
    }
    case 'train': {
      const rows = trainingRows(compareCase.batch, compareCase.tokens, vocab);
      const summary = (times: { stepMs: number[] }) => summarizeTrain(compareCase, times);
      prefixkit = (
        await prefixkitSide(
          () => prefixkitTrain(model, context.backend, compareCase, rows, repetitions),
          summary,
        )
      ).summary;
      torch = torchSides(
        {
          kind: 'train',
          ...common,
          ...rows,
          prefixLength: compareCase.prefixLength,
          midDim: compareCase.midDim,
          learningRate: TRAIN_LEARNING_RATE,
        },
        context,
        summary,
      );
      break;
    }
    case 'mixed': {
      const { ids } = trainingRows(compareCase.batch, compareCase.tokens, vocab);
      const summary = (times: MixedTimes) => summarizeMixed(compareCase, times);
      prefixkit = (
        await prefixkitSide(
          () => prefixkitMixed(model, context.backend, compareCase, ids, repetitions),
          summary,
        )
      ).summary;
      torch = torchSides(
        { kind: 'mixed', ...common, ids, prefixLength: compareCase.prefixLength },
        context,
        summary,
      );
      extra = { mixedTarget: compareCase.mixedTarget };
      break;
    }
  }
  const { name, kind, description } = compareCase;
  return {
    name,
    kind,
    description,
    shapes: {
      layers: model.config.n_layer,
      channels: model.config.n_embd,
      heads: model.config.n_head,
      vocab,
    },
    ...(target === undefined ? {} : { target }),
    ratio: speedRatio(figures(prefixkit), figures(torch.sides.pytorch)),
    prefixkit,
    ...torch.sides,
    ...extra,
  };
}

export type CaseResult = Awaited<ReturnType<typeof runCase>>;
