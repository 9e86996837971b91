// The methods the quickstart can compare (a small-scale version of the paper's Table 2): prefix-tuning (the
// main row), Houlsby adapters sized to a share of the model (the paper's ADAPTER 0.1%) and
// FT-FULL. Each gets its @prefixkit/peft config, its learning rate and its table name here, so
// run-quickstart.ts trains and scores them all the same way.
import type { Gpt2Model } from '@prefixkit/gpt2';
import { createPeftModel, type PeftModel } from '@prefixkit/peft';
import { UsageError } from '../errors';
import type { QuickstartMethod, QuickstartOptions } from './quickstart-options';

export interface MethodRun {
  method: QuickstartMethod;
  /** The row's name after the model's ("+ prefix", "+ adapter (0.1%)", "+ FT-FULL"). */
  label: string;
  /** The @prefixkit/peft config. */
  config: Record<string, unknown>;
  learningRate: number;
}

/** The prefix's length: the init words' token count when the prefix starts from words. */
export function prefixLengthFor(
  options: QuickstartOptions,
  encode: (text: string) => number[],
): number {
  return options.initWords ? encode(options.initWords).length : options.prefixLength;
}

/** What each requested method trains, in the order asked (duplicates dropped). */
export function methodRuns(
  options: QuickstartOptions,
  encode: (text: string) => number[],
): MethodRun[] {
  const methods = [...new Set(options.methods)];
  if (methods.length === 0)
    throw new UsageError(
      'CLI_BAD_OPTION_VALUE',
      'quickstart --methods: expected at least one of prefix, adapter, ft-full, got none',
    );
  return methods.map((method): MethodRun => {
    if (method === 'prefix') {
      const words = options.initWords;
      return {
        method,
        label: options.prefixMethod === 'prefix-flat' ? 'prefix (flat)' : 'prefix',
        config: {
          method: options.prefixMethod,
          prefixLength: prefixLengthFor(options, encode),
          ...(options.prefixMethod === 'prefix' ? { midDim: options.midDim } : {}),
          ...(words ? { init: 'words', initWords: words } : {}),
        },
        learningRate: options.learningRate,
      };
    }
    if (method === 'adapter') {
      return {
        method,
        label: `adapter (${Number((100 * options.adapterFraction).toPrecision(3))}%)`,
        config: { method: 'adapter', parameterFraction: options.adapterFraction },
        learningRate: options.adapterLearningRate,
      };
    }
    return {
      method,
      label: 'FT-FULL',
      config: { method: 'ft-full' },
      learningRate: options.ftLearningRate,
    };
  });
}

/** Creates the method's trainable model over the frozen `model`. */
export async function createMethod(
  model: Gpt2Model,
  run: MethodRun,
  options: { seed: number; encode: (text: string) => number[] },
): Promise<PeftModel> {
  return createPeftModel(model, run.config, {
    seed: options.seed,
    encode: options.encode,
    file: `quickstart --methods ${run.method}`,
  });
}
