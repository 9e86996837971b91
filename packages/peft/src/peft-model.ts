// What every method returns: a frozen GPT-2 plus its own trainable tensors, with one forward
// that looks like Gpt2Model.forward (PEFT's PeftModel around get_peft_model). The base model is
// never modified: fine-tuning baselines train copies of the tensors they tune.
import type { Gpt2ForwardOptions, Gpt2Model, Gpt2Output, IntMatrix } from '@prefixkit/gpt2';
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
  /** Frees the method's own tensors (not the base model's). */
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
