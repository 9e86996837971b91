// What every method returns: a frozen GPT-2 plus its own trainable tensors, with one forward
// that looks like Gpt2Model.forward (PEFT's PeftModel around get_peft_model). The base model is
// never modified: fine-tuning baselines train copies of the tensors they tune.
import type {
  Gpt2ForwardOptions,
  Gpt2Model,
  Gpt2Output,
  IntMatrix,
  MethodDecodingOptions,
} from '@prefixkit/gpt2';
import type { ParameterStore } from './parameter-store';

/** Gpt2Model.forward's options, less what the method itself supplies. */
export type PeftForwardOptions = Omit<
  Gpt2ForwardOptions,
  'past' | 'hooks' | 'inputEmbeddingsPrefix'
> & {
  /** Training mode: dropout (prefix dropout) is applied only when true. */
  readonly training?: boolean | undefined;
  /** Seed of this call's dropout masks (the trainer passes its step). */
  readonly dropoutSeed?: number | undefined;
};

export interface PeftModel<Method extends string = string, Config = unknown> {
  readonly method: Method;
  /** The validated config, defaults filled in. */
  readonly config: Config;
  /** The frozen base model (its parameters are never written). */
  readonly base: Gpt2Model;
  /** The trainable tensors under module-local names. */
  readonly parameters: ParameterStore;
  /** Runs the base model with this method applied. */
  forward(ids: IntMatrix, options?: PeftForwardOptions): Gpt2Output;
  /**
   * What generate() needs to decode with this method as forward() computes it, built once
   * without a graph from the current parameters. Dispose it when decoding is done.
   */
  decoding(): PeftDecoding;
  /** Frees the method's own tensors (not the base model's). */
  dispose(): void;
}

/**
 * A method ready for generate(model, prompts, { ...options, ...decodingOptions }). Rows whose
 * decodings share `model` and `options.hooks` can share one forward pass (a prefix, a soft prompt
 * or an infix lives only in each row's keys/values once its prompt has run).
 */
export interface PeftDecoding {
  /** The model to run: the frozen base, or one holding tuned or merged weights. */
  readonly model: Gpt2Model;
  readonly options: MethodDecodingOptions;
  /** Frees what was built for decoding (never the method's own parameters). */
  dispose(): void;
}

/** A parameter's module-local name and shape, known from the configs alone. */
export interface ParameterShape {
  readonly name: string;
  readonly shape: readonly number[];
}

/** Options every factory takes besides the config. */
export interface CreateOptions {
  /** Seed of the random initialisation (default 0). */
  readonly seed?: number;
  /** Tokenizer for inits that use real words (`initWords`). */
  readonly encode?: (text: string) => number[];
}
