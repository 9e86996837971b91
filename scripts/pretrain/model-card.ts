// The model card (README.md) of a pretrained prefixkit model, from the run's summary: shape,
// corpus, tokens seen, steps, final losses, hardware, time and the exact command, for each
// training stage (stage 1 from a random init; later stages continue from the one before).
export interface RunSummary {
  readonly name: string;
  /** The model folder this stage started from (absent: random init). */
  readonly initFrom?: string;
  /** The summaries of the stages before this one, oldest first. */
  readonly previousStages?: readonly RunSummary[];
  readonly config: {
    n_layer: number;
    n_embd: number;
    n_head: number;
    n_positions: number;
    vocab_size: number;
  };
  readonly parameters: number;
  readonly fileBytes: number;
  readonly corpus: Record<string, unknown>;
  readonly training: {
    readonly blockSize: number;
    readonly batchSize: number;
    readonly gradientAccumulationSteps: number;
    readonly learningRate: number;
    readonly warmupSteps: number;
    readonly maxSteps: number;
    readonly weightDecay: number;
    readonly seed: number;
    readonly steps: number;
    readonly stoppedBy: string;
    readonly tokensSeen: number;
    readonly epochs: number;
    readonly seconds: number;
    readonly tokensPerSecond: number;
    readonly finalTrainLoss: number | null;
    readonly finalHeldOutLoss: number | null;
    /** Held-out blocks the held-out loss is the mean over (absent in older summaries). */
    readonly heldOutBlocks?: number;
    readonly savedHeldOutLoss: number | null;
    readonly maxLogitDifference: number | null;
  };
  readonly hardware: {
    readonly backend: string;
    readonly adapter: string;
    readonly cpu: string;
    readonly node: string;
  };
  readonly command: string;
  readonly date: string;
}

const fixed = (value: number | null, digits = 4) =>
  value === null ? 'n/a' : value.toFixed(digits);

export function modelCard(run: RunSummary): string {
  const c = run.config;
  const stages = [...(run.previousStages ?? []), run];
  const structuredStage = stages.findIndex((stage) => stage.corpus.structuredPairs !== undefined);
  return `# ${run.name}

A small GPT-2 pretrained from scratch by prefixkit's own engine (\`scripts/pretrain\`'s \`pretrain\`:
full fine-tuning of a randomly initialised GPT-2, on \`@prefixkit/tensor\`), shipped as the
offline default model for the quickstart, the demo's offline mode and end-to-end tests. It is a
toy: it knows restaurant-review and DBpedia-fact English at the level of ${run.parameters.toLocaleString('en')}
parameters, and nothing else. It was never shown an E2E meaning representation.${
    structuredStage >= 0
      ? `
It was shown WebNLG 2017 *training* triples with their texts (stage ${structuredStage + 1}), so
results on WebNLG with this model say nothing about prefix-tuning: use it for E2E.`
      : ''
  }

## Shape

| field | value |
| --- | --- |
| architecture | GPT-2 (\`GPT2LMHeadModel\`, tied LM head, gelu_new) |
| layers / width / heads | ${c.n_layer} / ${c.n_embd} / ${c.n_head} |
| positions | ${c.n_positions} |
| vocabulary | ${c.vocab_size} (GPT-2's own BPE tokenizer) |
| parameters | ${run.parameters.toLocaleString('en')} |
| file | \`model.safetensors\`, F16, ${(run.fileBytes / 1e6).toFixed(2)} MB |

${stages.map((stage, index) => stageSection(stage, index + 1, stages.length)).join('\n')}
## Prefixes shipped with it

\`prefixes/e2e/\`: a 9-slot prefix trained on the full E2E training set (2,500 steps), which the
quickstart scores beside its own short run; its [README](prefixes/e2e/README.md) has the command,
the log and what it does and does not do. (Retrain it after retraining this model: a prefix only
fits the weights it was trained on.)

## Licence

The weights are derived from the data sets above; they are released under the most restrictive
of their licences, CC BY-NC-SA 4.0 (see DATA-LICENSE.md).
`;
}

/** Corpus, training table, loss curve and command of one stage. */
function stageSection(run: RunSummary, stage: number, stageCount: number): string {
  const t = run.training;
  const c = run.config;
  const heading = stageCount === 1 ? '##' : '###';
  const corpusTokens = (run.corpus.tokens as { train: number; heldOut: number } | undefined) ?? {
    train: 0,
    heldOut: 0,
  };
  const pairs = run.corpus.structuredPairs as
    | {
        kept: number;
        swapped?: number;
        swapEntitiesSeed?: number;
        swapEntitiesSeeds?: number[];
        documents: { train: number; heldOut: number };
      }
    | undefined;
  const curve = stage === stageCount ? 'loss-curve' : `loss-curve-stage-${stage}`;
  return `${stageCount === 1 ? '' : `## Stage ${stage}${stage === 1 ? ': from a random init' : ': continued pretraining'}\n\n`}${heading} Corpus

E2E NLG TRAIN references (natural text only, no meaning representations) and WebNLG 2017 TRAIN
lexicalisations; every text equal to an E2E dev/test reference, a WebNLG dev/test lexicalisation or
a DART dev/test annotation was removed (whole documents and single sentences).${
    pairs
      ? ` Plus ${pairs.kept.toLocaleString('en')} WebNLG 2017 TRAIN triple sets with one of their texts each, in the
paper's WebNLG training string (\`  | S : p : O <|endoftext|> text\`), without pairs whose text is an
evaluation text or whose triple set is a WebNLG dev/test one (${pairs.documents.train.toLocaleString('en')} trained on, ${pairs.documents.heldOut.toLocaleString('en')} held out).${
          pairs.swapEntitiesSeeds !== undefined
            ? ` The pairs come in ${pairs.swapEntitiesSeeds.length} copies, each with the entities the text names swapped for other entities of the corpus, in the triples and the text alike, by its own seed (${pairs.swapEntitiesSeeds.join(', ')}; \`swap-entities.ts\`), so that no name can be learnt by heart, only copied; the held-out triple sets are held out of every copy (counts above are per copy).`
            : pairs.swapEntitiesSeed === undefined
              ? ''
              : ` In ${(pairs.swapped ?? 0).toLocaleString('en')} of them the entities the text names were swapped for other entities of the corpus, in the triples and the text alike (seed ${pairs.swapEntitiesSeed}; \`swap-entities.ts\`), so that only copying predicts a name.`
        }`
      : ''
  } See
[DATA-LICENSE.md](DATA-LICENSE.md) for the sources, licences and counts.
Training tokens: ${corpusTokens.train.toLocaleString('en')}; held-out slice (every ${String(run.corpus.heldOutEvery)}th document, never trained on): ${corpusTokens.heldOut.toLocaleString('en')} tokens.

${heading} Training

| field | value |
| --- | --- |
| initialisation | ${run.initFrom ? `the weights of stage ${stage - 1}` : `N(0, 0.02); residual projections N(0, 0.02/sqrt(2 x ${c.n_layer})); biases 0, LayerNorm 1/0`} |
| objective | next-token cross-entropy on packed ${t.blockSize}-token blocks (\`<\\|endoftext\\|>\` between documents) |
| optimiser | AdamW, lr ${t.learningRate}, weight decay ${t.weightDecay}, grad-norm clip 1.0 |
| schedule | linear warm-up ${t.warmupSteps} steps, linear decay to 0 at step ${t.maxSteps} |
| batch | ${t.batchSize * t.gradientAccumulationSteps} blocks (${t.gradientAccumulationSteps} micro-batch(es) of ${t.batchSize}) = ${(t.batchSize * t.gradientAccumulationSteps * t.blockSize).toLocaleString('en')} tokens per step |
| steps | ${t.steps} (${t.stoppedBy}) |
| tokens seen | ${t.tokensSeen.toLocaleString('en')} (${t.epochs.toFixed(2)} epochs) |
| final train loss | ${fixed(t.finalTrainLoss)} (mean of the last 50 steps) |
| held-out loss | ${fixed(t.finalHeldOutLoss)} (f32 weights); ${fixed(t.savedHeldOutLoss)} (the saved F16 file, reloaded)${t.heldOutBlocks === undefined ? '' : `; mean over ${t.heldOutBlocks} held-out blocks`} |
| F16 vs f32 logits | max abs difference ${fixed(t.maxLogitDifference, 5)} on one held-out block |
| seed | ${t.seed} |
| time | ${t.seconds.toFixed(0)} s of training, ${Math.round(t.tokensPerSecond).toLocaleString('en')} tokens/s |
| hardware | ${run.hardware.backend}: ${run.hardware.adapter}; CPU ${run.hardware.cpu}; Node ${run.hardware.node} |
| date | ${run.date} |

Loss curve: \`${curve}.svg\` (data: \`${curve}.jsonl\`).

${heading} Reproduce

\`\`\`sh
${run.command}
\`\`\`
`;
}
