// The CPU backend's kernels: each kernel's *.reference.ts function under the kernel's name.
// Typed as Record<KernelName, CpuKernel>, so a kernel without a reference does not compile.
import * as activation from '../../kernels/activation/activation.reference';
import { argmaxRowsReference } from '../../kernels/argmax/argmax.reference';
import { beamCandidatesReference } from '../../kernels/beam-candidates/beam-candidates.reference';
import * as binary from '../../kernels/binary/binary.reference';
import { blockTailReference } from '../../kernels/block-tail/block-tail.reference';
import type { CpuKernel } from '../../kernels/cpu-kernel';
import * as crossEntropy from '../../kernels/cross-entropy/cross-entropy.reference';
import { decodeAttentionReference } from '../../kernels/decode-attention/decode-attention.reference';
import { decodeQkvAttentionReference } from '../../kernels/decode-qkv-attention/decode-qkv-attention.reference';
import { dropoutReference } from '../../kernels/dropout/dropout.reference';
import * as embedding from '../../kernels/embedding/embedding.reference';
import * as indexSelect from '../../kernels/index-select/index-select.reference';
import type { KernelName } from '../../kernels/kernel-names';
import * as layerNorm from '../../kernels/layer-norm/layer-norm.reference';
import { layerNormLinearReference } from '../../kernels/layer-norm-linear/layer-norm-linear.reference';
import { maskedFillIntReference } from '../../kernels/masked-fill/masked-fill.reference';
import { matmulReferences } from '../../kernels/matmul';
import * as optimizer from '../../kernels/optimizer/optimizer.reference';
import { qkvHeadsReference } from '../../kernels/qkv-heads/qkv-heads.reference';
import * as softmax from '../../kernels/softmax/softmax.reference';
import { stridedCopyReference } from '../../kernels/strided-copy/strided-copy.reference';
import { sumAxisReference } from '../../kernels/sum-axis/sum-axis.reference';
import * as unary from '../../kernels/unary/unary.reference';

export const cpuKernels: Record<KernelName, CpuKernel> = {
  ...matmulReferences,
  affine: unary.affineReference,
  exp: unary.expReference,
  log: unary.logReference,
  sqrt: unary.sqrtReference,
  add: binary.addReference,
  sub: binary.subReference,
  mul: binary.mulReference,
  div: binary.divReference,
  geluForward: activation.geluForwardReference,
  geluBackward: activation.geluBackwardReference,
  geluExactForward: activation.geluExactForwardReference,
  geluExactBackward: activation.geluExactBackwardReference,
  tanhForward: activation.tanhForwardReference,
  tanhBackward: activation.tanhBackwardReference,
  reluForward: activation.reluForwardReference,
  reluBackward: activation.reluBackwardReference,
  stridedCopy: stridedCopyReference,
  sumAxis: sumAxisReference,
  maskedSoftmaxForward: softmax.maskedSoftmaxForwardReference,
  maskedSoftmaxBackward: softmax.maskedSoftmaxBackwardReference,
  layerNormForward: layerNorm.layerNormForwardReference,
  layerNormBackward: layerNorm.layerNormBackwardReference,
  layerNormParamsBackward: layerNorm.layerNormParamsBackwardReference,
  layerNormLinear: layerNormLinearReference,
  blockTail: blockTailReference,
  embeddingForward: embedding.embeddingForwardReference,
  embeddingBackward: embedding.embeddingBackwardReference,
  embeddingSum: embedding.embeddingSumReference,
  indexSelectForward: indexSelect.indexSelectForwardReference,
  indexSelectBackward: indexSelect.indexSelectBackwardReference,
  crossEntropyForward: crossEntropy.crossEntropyForwardReference,
  crossEntropyReduce: crossEntropy.crossEntropyReduceReference,
  crossEntropyBackward: crossEntropy.crossEntropyBackwardReference,
  dropout: dropoutReference,
  maskedFillInt: maskedFillIntReference,
  argmaxRows: argmaxRowsReference,
  beamCandidates: beamCandidatesReference,
  qkvHeads: qkvHeadsReference,
  decodeAttention: decodeAttentionReference,
  decodeQkvAttention: decodeQkvAttentionReference,
  adamwStep: optimizer.adamwStepReference,
  sgdStep: optimizer.sgdStepReference,
  sgdMomentumStep: optimizer.sgdMomentumStepReference,
  clipScale: optimizer.clipScaleReference,
};
