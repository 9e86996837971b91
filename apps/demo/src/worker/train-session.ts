// The Train panel's work: prefix-tuning prefixkit-tiny on the shipped E2E sample with the recipe
// of its shipped prefix (prefix-flat, 9 slots initialised from the E2E field names, lr 5e-3,
// batch 5), short enough for a browser. Stop ends after the current step; resume continues the
// same run (the trainer's step and data position are its whole state).
import { type TextPair, tokenizeTrainingExample } from '@prefixkit/datasets';
import type { Gpt2Model, Gpt2Tokenizer } from '@prefixkit/gpt2';
import {
  createPeftModel,
  type EvaluationEvent,
  type PeftModel,
  type ProgressEvent,
  Trainer,
  type TrainerOptions,
  type TrainResult,
} from '@prefixkit/peft';
import type { TrainSettings } from './protocol';

/** The shipped prefix's initialisation words (9 GPT-2 tokens, so 9 prefix slots). */
export const initWords = 'name area food price near customer rating family friendly';

/** Dev references whose loss measures the prefix (held out: the sample trains on trainset.csv). */
export const heldOutExamples = 10;

export interface TrainListeners {
  readonly onStep: (event: ProgressEvent, stepsPerSecond: number) => void;
  /** The held-out loss, before the first step and whenever a run ends. */
  readonly onEvaluate: (event: EvaluationEvent) => void;
}

export class TrainSession {
  private trainer: Trainer | null = null;
  private controller = new AbortController();
  /** The trainer reads `signal` from this object at every step: resume swaps in a fresh one. */
  private options: { -readonly [K in keyof TrainerOptions]: TrainerOptions[K] } | null = null;

  constructor(
    private readonly model: Gpt2Model,
    private readonly tokenizer: Gpt2Tokenizer,
    private readonly train: readonly TextPair[],
    private readonly heldOut: readonly TextPair[],
  ) {}

  /** The prefix being trained (null before the first start). */
  get peft(): PeftModel | null {
    return this.trainer?.peft ?? null;
  }

  get canResume(): boolean {
    return this.trainer !== null && this.trainer.step < this.trainer.totalSteps;
  }

  /** A new prefix trained from its initialisation for `settings.steps` steps. */
  async start(settings: TrainSettings, listeners: TrainListeners): Promise<TrainResult> {
    const encode = (text: string) => this.tokenizer.encode(text);
    const prefixLength = encode(initWords).length;
    const peft = await createPeftModel(
      this.model,
      { method: 'prefix-flat', prefixLength, init: 'words', initWords },
      { seed: 0, encode },
    );
    const blockSize = this.model.config.n_positions - prefixLength;
    const tokenize = (pair: TextPair) =>
      tokenizeTrainingExample(this.tokenizer, pair, { blockSize });
    this.options = {
      train: this.train.map(tokenize),
      eval: this.heldOut.map(tokenize),
      onEvaluate: listeners.onEvaluate,
      config: {
        learningRate: settings.learningRate,
        batchSize: settings.batchSize,
        maxSteps: settings.steps,
        warmupSteps: 0,
        seed: 0,
        // Evaluated here at the start and whenever a run ends, not every N steps.
        evalEvery: 0,
      },
    };
    this.trainer = new Trainer(peft, this.options);
    await this.trainer.evaluateNow();
    return this.resume(listeners);
  }

  /** Continues the current run where stop() left it. */
  async resume(listeners: TrainListeners): Promise<TrainResult> {
    const trainer = this.trainer;
    if (!trainer || !this.options) throw new Error('nothing to resume: start training first');
    this.controller = new AbortController();
    this.options.signal = this.controller.signal;
    const started = performance.now();
    const firstStep = trainer.step;
    this.options.onProgress = (event) =>
      listeners.onStep(event, (event.step - firstStep) / ((performance.now() - started) / 1000));
    const result = await trainer.train();
    // The trainer evaluates a completed run itself (evalEvery 0); a stopped one is measured here.
    if (result.stoppedBy !== 'completed') await trainer.evaluateNow();
    return result;
  }

  /** Ends the run after the step in progress. */
  stop(): void {
    this.controller.abort();
  }
}
