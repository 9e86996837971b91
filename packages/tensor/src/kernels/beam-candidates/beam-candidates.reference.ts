// CPU reference of beamCandidates: one beam-search step's best `count` continuations of each
// prompt row, as generate's host beam search computes them (HF transformers <= 4.35):
//   lp[j, v]    = f32(x[j, v] - max_j) - f32(log(sum_v exp(f32(x[j, v] - max_j))))   (log_softmax)
//   lp[j, v]    = -Infinity for excluded v (banned ids, eos under min length)
//   score[j, v] = f32(lp[j, v] + beamScore[j])
// then the `count` best (score descending; ties: lower flat index j * V + v, torch.topk's order)
// over the row's K beams. NaN scores are never chosen (the device kernel leaves beams holding NaN
// logits unspecified: the model refuses non-finite weights).
// logits [rows * beams * cols], beamScores [rows * beams], exclude [rows * beams * excludeCount]
// (-1 = none) -> scores [rows * count] f32, flat [rows * count] i32 (j * cols + v).
import type { CpuKernel } from '../cpu-kernel';

export const beamCandidatesReference: CpuKernel = (
  [logits, beamScores, exclude],
  [scores, flat],
  { rows = 0, beams = 0, cols = 0, excludeCount = 0, count = 0 },
) => {
  for (let row = 0; row < rows; row++) {
    const candidates: { score: number; flat: number }[] = [];
    for (let beam = 0; beam < beams; beam++) {
      const r = row * beams + beam;
      const base = r * cols;
      let max = -Infinity;
      for (let v = 0; v < cols; v++) max = Math.max(max, logits![base + v]!);
      let sum = 0;
      for (let v = 0; v < cols; v++) sum += Math.exp(Math.fround(logits![base + v]! - max));
      const logSum = Math.fround(Math.log(sum));
      const banned = new Set<number>();
      for (let e = 0; e < excludeCount; e++) banned.add(exclude![r * excludeCount + e]!);
      for (let v = 0; v < cols; v++) {
        const lp = banned.has(v)
          ? -Infinity
          : Math.fround(Math.fround(logits![base + v]! - max) - logSum);
        const score = Math.fround(lp + beamScores![r]!);
        if (!Number.isNaN(score)) candidates.push({ score, flat: beam * cols + v });
      }
    }
    candidates.sort((a, b) => b.score - a.score || a.flat - b.flat);
    for (let k = 0; k < count; k++) {
      const best = candidates[k];
      scores![row * count + k] = best?.score ?? -Infinity;
      flat![row * count + k] = best?.flat ?? -1;
    }
  }
};
