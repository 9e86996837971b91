// Public API of @prefixkit/tensor (explicit named exports only). The WebGPU backend is exported
// from the Node entry point (`@prefixkit/tensor/node`) and the browser entry.

export { type GradcheckOptions, type GradcheckResult, gradcheck } from './autograd/gradcheck';
export { isGradEnabled, noGrad } from './autograd/no-grad';
export { keep, tidy } from './autograd/scope';
export { backward, recordsGradient, zeroGrad } from './autograd/tape';
export type {
  AnyTypedArray,
  Backend,
  BackendBuffer,
  BufferContents,
  KernelCall,
  TypedArrayFor,
} from './backends/backend';
export { backendFromEnvironment } from './backends/backend-from-environment';
export { CpuBackend } from './backends/cpu/cpu-backend';
export { getDefaultBackend, setDefaultBackend } from './backends/default-backend';
// WebGPU backend errors and types (the backend is created by '@prefixkit/tensor/node' on Node).
export {
  DeviceLostError,
  GpuDeviceError,
  GpuLimitExceededError,
  ShaderCompileError,
  type ShaderDiagnostic,
  UnsupportedDTypeError,
  WEBGPU_INSTALL_HINT,
  WebGPUUnavailableError,
} from './backends/webgpu/errors';
export type {
  AdapterDescription,
  OpenedDevice,
  WebGpuDeviceOptions,
} from './backends/webgpu/open-device';
export { WebGpuBackend, type WebGpuBackendOptions } from './backends/webgpu/webgpu-backend';
export { full, ones, type RandnOptions, randn, type TensorOptions, tensor, zeros } from './create';
export {
  BackendMismatchError,
  BackendUnavailableError,
  DTypeMismatchError,
  InvalidArgumentError,
  ShapeMismatchError,
  TensorDisposedError,
} from './errors';
export { requestedBackend } from './flags';
export {
  bf16ArrayToFloat32,
  bf16ToFloat32,
  f16ArrayToFloat32,
  f16ToFloat32,
  float32ToBf16,
  float32ToF16,
} from './float-conversion';
export type { KernelName } from './kernels/kernel-names';
export type { DType, KernelSpec, KernelTolerance, UniformValues } from './kernels/kernel-spec';
export { kernelSpecs } from './kernels/kernel-specs';
export {
  matmulReference,
  matmulReferences,
  matmulSpecs,
  matmulTileConstants,
} from './kernels/matmul';
export { type GeluOptions, gelu, relu, tanh } from './ops/activation';
export { type ArgmaxRowsOptions, argmaxRows } from './ops/argmax';
export { type AttentionOptions, type AttentionResult, attention } from './ops/attention';
export {
  type BeamCandidates,
  type BeamCandidatesOptions,
  beamCandidates,
  MAX_BEAM_CANDIDATES,
  MAX_BEAMS,
} from './ops/beam-candidates';
export { type BlockTailOptions, type BlockTailWeights, blockTail } from './ops/block-tail';
export { type CrossEntropyOptions, crossEntropy } from './ops/cross-entropy';
export { type DropoutOptions, dropout } from './ops/dropout';
export { add, affine, div, exp, log, mul, neg, scale, sqrt, sub } from './ops/elementwise';
export { embedding, embeddingSum } from './ops/embedding';
export { HalfMatrix, matmulHalfTransposed, packHalfIfExact } from './ops/half-matrix';
export {
  mergeHeads,
  type QkvHeads,
  type QkvHeadsOptions,
  qkvHeads,
  type SplitHeadsOptions,
  splitHeads,
} from './ops/heads';
export { indexSelect } from './ops/index-select';
export { type LayerNormOptions, layerNorm } from './ops/layer-norm';
export {
  type LayerNormLinearOptions,
  layerNormLinear,
  type WeightAndBias,
} from './ops/layer-norm-linear';
export { type LinearActivation, type LinearOptions, linear } from './ops/linear';
export { maskedFill, type ShiftLabelsOptions, shiftLabels } from './ops/masked-fill';
export { type MatmulOptions, matmul } from './ops/matmul';
export { type QkvAttentionOptions, qkvAttention } from './ops/qkv-attention';
export { mean, type ReduceOptions, sum } from './ops/reduce';
export { concat, expand, permute, reshape, slice, transpose } from './ops/shape-ops';
export { type MaskedSoftmaxOptions, maskedSoftmax, softmax } from './ops/softmax';
export {
  AdamW,
  type AdamWOptions,
  type AdamWParamState,
  type AdamWStateDict,
} from './optim/adamw';
export { clipGradNorm } from './optim/clip-grad-norm';
export type { OptimizerStateValue } from './optim/optimizer-state';
export { type LinearScheduleOptions, linearSchedule } from './optim/schedule';
export { SGD, type SgdOptions, type SgdStateDict } from './optim/sgd';
export type { Shape } from './shape';
export { Tensor } from './tensor';
