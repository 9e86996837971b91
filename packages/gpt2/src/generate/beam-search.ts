// Beam search over a batch of prompts, exactly as docs/reference/REFERENCE-SPEC.md "Beam search —
// precise definition" (HF transformers <= 4.35, early_stopping=False, length normalisation by
// the full length). Each prompt row keeps K beams; the cache holds B*K rows (row r*K + j is beam
// j of prompt r), so a prefix and the prompt's keys/values are copied to the K beams once and
// then reordered with them. Float32 semantics: log-probabilities and beam scores are float32,
// hypothesis scores doubles of them. Rows of different lengths are left-padded; each row's
// length (for normalisation, min length, max length) is its own unpadded length, as when the
// row is decoded alone (the paper decodes one example at a time).
import { MAX_BEAM_CANDIDATES, MAX_BEAMS } from '@prefixkit/tensor';
import type { Gpt2Model } from '../model/model';
import { BeamHypotheses } from './beam-hypotheses';
import { DecodeSession, type DecodeSessionOptions } from './decode-session';
import type { GeneratedRow } from './generate';
import { GenerateOptionsError } from './generate-errors';
import type { ResolvedGenerateOptions } from './generate-options';
import { applyLogitsProcessors, fixedBans, logSoftmax } from './logits-processors';

interface Candidate {
  readonly beam: number;
  readonly token: number;
  readonly score: number;
  /** beam * V + token: torch.topk's index, used to break ties. */
  readonly flat: number;
}

interface PromptState {
  readonly promptLength: number;
  /** Per beam: prompt + generated tokens. */
  beams: number[][];
  /** Per beam: summed log-probability (float32). */
  scores: number[];
  readonly hypotheses: BeamHypotheses;
  done: boolean;
}

/** The 2K best candidates of one row, sorted by score descending (ties: lower flat index). */
function topCandidates(
  logprobs: readonly Float32Array[],
  scores: readonly number[],
  count: number,
): Candidate[] {
  const best: Candidate[] = [];
  const better = (a: Candidate, b: Candidate) =>
    a.score > b.score || (a.score === b.score && a.flat < b.flat);
  const V = logprobs[0]!.length;
  logprobs.forEach((row, beam) => {
    for (let token = 0; token < V; token++) {
      const score = Math.fround(row[token]! + scores[beam]!);
      if (best.length === count && !(score > best[count - 1]!.score)) continue;
      const candidate = { beam, token, score, flat: beam * V + token };
      let at = best.length;
      while (at > 0 && better(candidate, best[at - 1]!)) at--;
      best.splice(at, 0, candidate);
      if (best.length > count) best.pop();
    }
  });
  return best;
}

/** K-beam search continuations of every prompt; each result carries its normalised score. */
export async function beamSearch(
  model: Gpt2Model,
  prompts: readonly (readonly number[])[],
  options: ResolvedGenerateOptions,
  session: Omit<DecodeSessionOptions, 'padTokenId'>,
): Promise<GeneratedRow[]> {
  const K = options.numBeams;
  const eos = new Set(options.eosTokenIds);
  const decoder = new DecodeSession(model, { ...session, padTokenId: options.padTokenId });
  const states: PromptState[] = prompts.map((prompt) => ({
    promptLength: prompt.length,
    beams: Array.from({ length: K }, () => [...prompt]),
    scores: Array.from({ length: K }, (_, j) => (j === 0 ? 0 : Math.fround(-1e9))),
    hypotheses: new BeamHypotheses(K, options.lengthPenalty),
    done: false,
  }));
  try {
    // The prompt runs once per row; its logits and cache are then shared by the row's K beams.
    options.signal?.throwIfAborted();
    const first = await decoder.start(prompts);
    decoder.reorder(prompts.flatMap((_, row) => new Array<number>(K).fill(row)));
    let logits = prompts.flatMap((_, row) => new Array<Float32Array>(K).fill(first[row]!));
    // After the first step, log_softmax and the 2K best pick run on the device unless a
    // processor needs each beam's history (no-repeat n-grams) or K exceeds the kernel's lists.
    const onDevice =
      options.noRepeatNgramSize <= 0 && K <= MAX_BEAMS && 2 * K <= MAX_BEAM_CANDIDATES;
    let picked: Candidate[][] | null = null;
    for (let generated = 0; ; generated++) {
      const order: number[] = [];
      const nextTokens: number[] = [];
      states.forEach((state, row) => {
        if (state.done) {
          // A finished row keeps computing (batched) but nothing it does is used.
          for (let j = 0; j < K; j++) {
            order.push(row * K + j);
            nextTokens.push(options.padTokenId);
          }
          return;
        }
        const currentLength = state.promptLength + generated;
        const candidates =
          picked?.[row] ??
          topCandidates(
            state.beams.map((tokens, j) => {
              const scores = logSoftmax(logits[row * K + j]!);
              applyLogitsProcessors(scores, { tokens, generated }, options);
              return scores;
            }),
            state.scores,
            2 * K,
          );
        const beams: number[][] = [];
        const scores: number[] = [];
        candidates.forEach((candidate, rank) => {
          if (beams.length === K) return;
          if (eos.has(candidate.token)) {
            if (rank < K) state.hypotheses.add(state.beams[candidate.beam]!, candidate.score);
            return;
          }
          beams.push([...state.beams[candidate.beam]!, candidate.token]);
          scores.push(candidate.score);
          order.push(row * K + candidate.beam);
          nextTokens.push(candidate.token);
        });
        if (beams.length < K) {
          throw new GenerateOptionsError(
            'eosTokenId',
            `at most ${K} eos candidates among the top ${2 * K} of a step (HF's limit)`,
            `${2 * K - beams.length} in prompt row ${row}`,
          );
        }
        state.done = state.hypotheses.isDone(candidates[0]!.score, currentLength);
        state.beams = beams;
        state.scores = scores;
      });
      if (states.every((state) => state.done) || generated + 1 >= options.maxNewTokens) break;
      options.signal?.throwIfAborted();
      decoder.reorder(order);
      if (onDevice) {
        const V = model.config.vocab_size;
        const next = await decoder.stepBeamCandidates(nextTokens, {
          beams: K,
          count: 2 * K,
          beamScores: states.flatMap((state) => state.scores),
          // Each beam now holds prompt + generated + 1 tokens: the next step's context.
          exclude: states.flatMap((state) =>
            state.beams.map((tokens) => fixedBans({ tokens, generated: generated + 1 }, options)),
          ),
        });
        picked = next.map((list) =>
          list.map(({ score, flat }) => ({
            beam: Math.floor(flat / V),
            token: flat % V,
            score,
            flat,
          })),
        );
      } else {
        logits = await decoder.step(nextTokens);
      }
    }
  } finally {
    decoder.dispose();
  }
  const limit = options.maxNewTokens;
  return states.map((state) => {
    if (!state.done)
      state.beams.forEach((tokens, j) => {
        state.hypotheses.add(tokens, state.scores[j]!);
      });
    const best = state.hypotheses.best();
    const generated = best.tokens.slice(state.promptLength);
    // A hypothesis that ended by eos is shorter than the limit: the eos is returned with it.
    const endedByEos = generated.length < limit && options.eosTokenIds.length > 0;
    return {
      tokens: endedByEos ? [...generated, options.eosTokenIds[0]!] : generated,
      finishReason: endedByEos ? 'eos' : 'length',
      score: best.score,
    };
  });
}
