// The Generate panel's work: one MR decoded with the base model or a prefix. Greedy decoding
// streams tokens; beam search returns when it is done; both stop between steps on `signal`.
import { type GeneratedRow, type Gpt2Model, type Gpt2Tokenizer, generate } from '@prefixkit/gpt2';
import { generateWithPeft, type PeftGenerateOptions, type PeftModel } from '@prefixkit/peft';
import { type DecodingSettings, e2eDecoding, streamingDecoding } from '../decode/e2e-decoding';
import { e2ePrompt } from '../decode/e2e-prompt';
import { outputText } from '../decode/output-text';

export interface GenerateJob {
  readonly model: Gpt2Model;
  readonly tokenizer: Gpt2Tokenizer;
  /** null: the frozen model alone. */
  readonly peft: PeftModel | null;
  readonly source: string;
  readonly settings: DecodingSettings;
  readonly onTokens: (tokens: readonly number[], text: string, timing: GenerateTiming) => void;
  /** Aborted when the visitor presses Stop. */
  readonly signal: AbortSignal;
}

export interface GenerateTiming {
  readonly firstTokenMs: number;
  readonly tokensPerSecond: number;
}

export interface GenerateResult extends Partial<GenerateTiming> {
  readonly tokens: readonly number[];
  readonly text: string;
  readonly stopped: boolean;
}

export async function runGenerateJob(job: GenerateJob): Promise<GenerateResult> {
  const { tokenizer, settings } = job;
  const prompt = e2ePrompt(tokenizer, job.source);
  const started = performance.now();
  let streamed: readonly number[] = [];
  let timing: GenerateTiming | undefined;
  const onTokens = (tokens: readonly number[]) => {
    const now = performance.now();
    const firstTokenMs = timing?.firstTokenMs ?? now - started;
    const seconds = (now - started - firstTokenMs) / 1000;
    timing = {
      firstTokenMs,
      tokensPerSecond: tokens.length > 1 && seconds > 0 ? (tokens.length - 1) / seconds : 0,
    };
    streamed = [...tokens];
    job.onTokens(streamed, outputText(tokenizer, streamed), timing);
  };
  const options: PeftGenerateOptions = {
    ...(settings.numBeams === 1 ? streamingDecoding(settings, onTokens) : e2eDecoding(settings)),
    signal: job.signal,
  };
  let rows: GeneratedRow[];
  try {
    rows = job.peft
      ? await generateWithPeft(job.peft, [prompt], options)
      : await generate(job.model, [prompt], options);
  } catch (error) {
    if (!job.signal.aborted) throw error;
    return { tokens: streamed, text: outputText(tokenizer, streamed), stopped: true, ...timing };
  }
  const tokens = rows[0]!.tokens;
  const seconds = (performance.now() - started) / 1000;
  return {
    tokens,
    text: outputText(tokenizer, tokens),
    stopped: false,
    firstTokenMs: timing?.firstTokenMs ?? performance.now() - started,
    tokensPerSecond: timing?.tokensPerSecond ?? tokens.length / seconds,
  };
}
