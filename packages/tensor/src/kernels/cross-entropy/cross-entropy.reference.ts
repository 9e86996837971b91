// CPU references of the fused softmax cross-entropy (torch.nn.functional.cross_entropy with
// ignore_index; labels outside [0, cols) count as ignored).
// Forward:  logits [rows, cols], labels [rows] -> loss [rows], logSumExp [rows]
// Reduce:   loss [rows], labels [rows] -> out [1], count [1]
// Backward: logits, labels, logSumExp, dOut [1], count [1] -> dLogits [rows, cols]

import type { AnyTypedArray, CpuKernel } from '../cpu-kernel';

function isCounted(label: number, cols: number, ignoreIndex: number): boolean {
  return label !== ignoreIndex && label >= 0 && label < cols;
}

export const crossEntropyForwardReference: CpuKernel = ([logits, labels], [loss, lse], u) => {
  const { rows = 0, cols = 0, ignoreIndex = -100 } = u;
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let max = -Infinity;
    for (let j = 0; j < cols; j++) max = Math.max(max, logits![base + j]!);
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += Math.exp(logits![base + j]! - max);
    const logSumExp = max + Math.log(sum);
    const label = labels![r]!;
    lse![r] = logSumExp;
    loss![r] = isCounted(label, cols, ignoreIndex) ? logSumExp - logits![base + label]! : 0;
  }
};

export const crossEntropyReduceReference: CpuKernel = ([loss, labels], [out, count], u) => {
  const { rows = 0, cols = 0, ignoreIndex = -100, mean = 1 } = u;
  let total = 0;
  let counted = 0;
  for (let r = 0; r < rows; r++) {
    if (!isCounted(labels![r]!, cols, ignoreIndex)) continue;
    total += loss![r]!;
    counted++;
  }
  count![0] = counted;
  out![0] = mean === 1 ? total / counted : total;
};

export const crossEntropyBackwardReference: CpuKernel = (inputs, [dLogits], u) => {
  const [logits, labels, lse, dOut, count] = inputs as AnyTypedArray[];
  const { rows = 0, cols = 0, ignoreIndex = -100, mean = 1 } = u;
  const scale = mean === 1 ? dOut![0]! / count![0]! : dOut![0]!;
  for (let r = 0; r < rows; r++) {
    const label = labels![r]!;
    const counted = isCounted(label, cols, ignoreIndex);
    for (let j = 0; j < cols; j++) {
      const i = r * cols + j;
      dLogits![i] = counted
        ? (Math.exp(logits![i]! - lse![r]!) - (j === label ? 1 : 0)) * scale
        : 0;
    }
  }
};
