// The single explicit map of every WGSL kernel (no side-effect registry). A kernel missing
// here, or missing from the CPU backend's map, is a compile error.
import {
  geluBackward,
  geluExactBackward,
  geluExactForward,
  geluForward,
  reluBackward,
  reluForward,
  tanhBackward,
  tanhForward,
} from './activation/activation.spec';
import { argmaxRows } from './argmax/argmax.spec';
import { beamCandidates } from './beam-candidates/beam-candidates.spec';
import { add, div, mul, sub } from './binary/binary.spec';
import { blockTail } from './block-tail/block-tail.spec';
import {
  crossEntropyBackward,
  crossEntropyForward,
  crossEntropyReduce,
} from './cross-entropy/cross-entropy.spec';
import { decodeAttention } from './decode-attention/decode-attention.spec';
import { decodeQkvAttention } from './decode-qkv-attention/decode-qkv-attention.spec';
import { dropout } from './dropout/dropout.spec';
import { embeddingBackward, embeddingForward, embeddingSum } from './embedding/embedding.spec';
import { indexSelectBackward, indexSelectForward } from './index-select/index-select.spec';
import type { KernelSpec } from './kernel-spec';
import {
  layerNormBackward,
  layerNormForward,
  layerNormParamsBackward,
} from './layer-norm/layer-norm.spec';
import { layerNormLinear } from './layer-norm-linear/layer-norm-linear.spec';
import { maskedFillInt } from './masked-fill/masked-fill.spec';
import { matmulSpecs } from './matmul';
import { adamwStep, clipScale, sgdMomentumStep, sgdStep } from './optimizer/optimizer.spec';
import { qkvHeads } from './qkv-heads/qkv-heads.spec';
import { maskedSoftmaxBackward, maskedSoftmaxForward } from './softmax/softmax.spec';
import { stridedCopy } from './strided-copy/strided-copy.spec';
import { sumAxis } from './sum-axis/sum-axis.spec';
import { affine, exp, log, sqrt } from './unary/unary.spec';

export const kernelSpecs = {
  ...matmulSpecs,
  affine,
  exp,
  log,
  sqrt,
  add,
  sub,
  mul,
  div,
  geluForward,
  geluBackward,
  geluExactForward,
  geluExactBackward,
  tanhForward,
  tanhBackward,
  reluForward,
  reluBackward,
  stridedCopy,
  sumAxis,
  maskedSoftmaxForward,
  maskedSoftmaxBackward,
  layerNormForward,
  layerNormBackward,
  layerNormParamsBackward,
  layerNormLinear,
  blockTail,
  embeddingForward,
  embeddingBackward,
  embeddingSum,
  indexSelectForward,
  indexSelectBackward,
  crossEntropyForward,
  crossEntropyReduce,
  crossEntropyBackward,
  dropout,
  maskedFillInt,
  argmaxRows,
  beamCandidates,
  qkvHeads,
  decodeAttention,
  decodeQkvAttention,
  adamwStep,
  sgdStep,
  sgdMomentumStep,
  clipScale,
} satisfies Record<string, KernelSpec>;
