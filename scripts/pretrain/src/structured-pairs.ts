// Stage 2 of the embedded model's corpus: structured input followed by its text, so
// the model learns to carry names and values from a table into a sentence. Stage 1 (natural
// text only) left it without that, and a 9-slot prefix could not steer it to follow an E2E MR.
// The pairs are WebNLG 2017 TRAIN triples with their `good` lexicalisations, in the paper's
// WebNLG training string (docs/reference/LINEARIZATION.md): `  | S : p : O <|endoftext|> text`, the closing
// `<|endoftext|>` being the separator the packed stream puts before the next document.
// E2E MRs never go in, so E2E stays a task the model has not seen. The cost: WebNLG results on
// a model pretrained this way say nothing about prefix-tuning, since it has seen the task.
// A pair is dropped when its text is an evaluation text (see `evaluationTexts`) or when its
// triple set is one of WebNLG's dev/test triple sets (DART's dev/test reuse WebNLG's).
// With `swapEntities` each kept pair has its entities swapped (swap-entities.ts).
import {
  type DataSource,
  formatPrompt,
  linearizeWebNLG,
  readWebNLGSplit,
  type WebNLGEntry,
} from '@prefixkit/datasets';
import { SeededRandom, TrainerError } from '@prefixkit/peft';
import { normalizeWhitespace } from './pretrain-corpus';
import { entityPools, swapEntities } from './swap-entities';

export interface StructuredPairsReport {
  /** `good` train lexicalisations read. */
  readonly read: number;
  /** Pairs whose text is empty or an evaluation text. */
  readonly droppedEvaluationText: number;
  /** Pairs whose linearised triple set occurs in WebNLG dev or test. */
  readonly droppedEvaluationTriples: number;
  /** Exact repeats of an earlier kept pair. */
  readonly duplicates: number;
  readonly kept: number;
  /** With `swapEntities`: kept pairs whose text had an entity swapped (the rest are as read). */
  readonly swapped?: number;
}

export interface StructuredPairsOptions {
  /** Swap the entities each text mentions for other entities of the corpus (seeded). */
  readonly swapEntities?: { readonly seed: number };
}

export interface StructuredPairs {
  /** Documents `  | S : p : O <|endoftext|> text`, in file order. */
  readonly documents: readonly string[];
  readonly report: StructuredPairsReport;
}

/**
 * WebNLG train pairs for stage-2 pretraining.
 * @param excluded normalised evaluation texts (`evaluationTexts(sources)`).
 * @example const { documents } = await buildStructuredPairs(webnlg, await evaluationTexts(sources));
 */
export async function buildStructuredPairs(
  webnlg: DataSource,
  excluded: ReadonlySet<string>,
  options: StructuredPairsOptions = {},
): Promise<StructuredPairs> {
  const swap = options.swapEntities;
  if (swap && !Number.isInteger(swap.seed))
    throw new TrainerError(
      `buildStructuredPairs: option swapEntities.seed: expected an integer, got ${swap.seed}`,
    );
  const evaluationSources = new Set<string>();
  for (const split of ['dev', 'test'] as const)
    for await (const entry of readWebNLGSplit(webnlg, split))
      evaluationSources.add(linearizeWebNLG(entry.triples));

  let read = 0;
  let droppedEvaluationText = 0;
  let droppedEvaluationTriples = 0;
  let duplicates = 0;
  let swapped = 0;
  const seen = new Set<string>();
  const documents: string[] = [];
  const entries: WebNLGEntry[] = [];
  for await (const entry of readWebNLGSplit(webnlg, 'train')) entries.push(entry);
  const pools = swap ? entityPools(entries.map((entry) => entry.triples)) : undefined;
  const random = new SeededRandom(swap?.seed ?? 0);
  for (const entry of entries) {
    const source = linearizeWebNLG(entry.triples);
    for (const lex of entry.lexicalisations) {
      if (lex.comment !== 'good') continue;
      read++;
      const text = normalizeWhitespace(lex.text);
      if (text.length === 0 || excluded.has(text)) {
        droppedEvaluationText++;
        continue;
      }
      if (evaluationSources.has(source)) {
        droppedEvaluationTriples++;
        continue;
      }
      const document = `${formatPrompt(source)} ${text}`;
      if (seen.has(document)) {
        duplicates++;
        continue;
      }
      seen.add(document);
      if (!pools) {
        documents.push(document);
        continue;
      }
      const pair = swapEntities(entry.triples, text, pools, random);
      // A swap can recreate an evaluation sentence (same template, other names): keep it out.
      if (pair.text === text || excluded.has(pair.text)) {
        documents.push(document);
        continue;
      }
      swapped++;
      documents.push(`${formatPrompt(linearizeWebNLG(pair.triples))} ${pair.text}`);
    }
  }
  return {
    documents,
    report: {
      read,
      droppedEvaluationText,
      droppedEvaluationTriples,
      duplicates,
      kept: documents.length,
      ...(swap ? { swapped } : {}),
    },
  };
}
