// Public API of @prefixkit/gpt2 (browser-safe). Node-only helpers: `@prefixkit/gpt2/node`.

export {
  bf16ToFloat32,
  f16ToFloat32,
  float32ToBf16,
  float32ToF16,
} from '@prefixkit/tensor';
export {
  type CheckpointName,
  type Gpt2ParameterSpec,
  gpt2ParameterSpecs,
  resolveCheckpointName,
} from './checkpoint/gpt2-parameters';
export {
  type Gpt2Checkpoint,
  type Gpt2CheckpointSource,
  type Gpt2CheckpointStream,
  type Gpt2CheckpointTensor,
  openGpt2Checkpoint,
  readGpt2Checkpoint,
} from './checkpoint/read-gpt2-checkpoint';
export {
  type Gpt2CheckpointToWrite,
  prepareGpt2Checkpoint,
} from './checkpoint/write-gpt2-checkpoint';
export {
  type Gpt2Config,
  gpt2ConfigSchema,
  mlpHiddenSize,
  parseGpt2Config,
  parseGpt2ConfigText,
  stringifyGpt2Config,
} from './config/gpt2-config';
export { type Gpt2PresetName, gpt2Preset, gpt2PresetSizes } from './config/gpt2-presets';
export {
  CheckpointFormatError,
  type CheckpointLocation,
  CheckpointMismatchError,
  type CheckpointMismatchKind,
  HubError,
  type HubErrorCode,
  NonFiniteWeightError,
  TokenizerFormatError,
  TokenizerInputError,
  TokenizerMismatchError,
} from './errors';
// The model (src/model) and generation (src/generate).
export {
  DecodeBatch,
  type DecodeBatchOptions,
  type RowDecodingOptions,
} from './generate/decode-batch';
export { type GeneratedRow, generate } from './generate/generate';
export { GenerateOptionsError } from './generate/generate-errors';
export {
  type GenerateOptions,
  type InfixDecoding,
  type MethodDecodingOptions,
  type ResolvedGenerateOptions,
  resolveGenerateOptions,
} from './generate/generate-options';
export {
  type GenerateDataOptionName,
  generateOptionsSchema,
} from './generate/generate-options-schema';
export { fixedBans, logSoftmax } from './generate/logits-processors';
export { needsHostLogits, nextToken } from './generate/next-token';
export { type PositionRoom, positionRoom } from './generate/position-budget';
export { seededRandom } from './generate/sampling';
export type { LayerKeyValue } from './model/attention';
export type { Gpt2Hooks } from './model/block';
export { KvCache } from './model/kv-cache';
export { loadGpt2 } from './model/load-gpt2';
export { type LossReduction, languageModelLoss } from './model/loss';
export {
  type Gpt2ForwardOptions,
  Gpt2Model,
  type Gpt2ModelOptions,
  type Gpt2Output,
} from './model/model';
export { Gpt2InputError, Gpt2ModelError } from './model/model-errors';
export type { IntMatrix } from './model/model-inputs';
export { type ModelDType, uploadGpt2Parameters } from './model/model-parameters';
export { type ByteSource, blobByteSource, bufferByteSource } from './safetensors/byte-source';
export {
  type FloatDtype,
  type SafetensorsDtype,
  safetensorsDtypeSizes,
} from './safetensors/dtype';
export { firstNonFinite, requireFiniteWeights } from './safetensors/finite-values';
export {
  maxSafetensorsHeaderBytes,
  parseSafetensorsHeader,
  type SafetensorsHeader,
  type SafetensorsTensorInfo,
} from './safetensors/header';
export { openSafetensors, type SafetensorsReader } from './safetensors/safetensors-reader';
export {
  encodeTensorData,
  planSafetensors,
  type SafetensorsLayout,
  type SafetensorsTensorInput,
  serializeSafetensors,
} from './safetensors/safetensors-writer';
export {
  type BpeTokenizerData,
  type EncodeOptions,
  Gpt2Tokenizer,
} from './tokenizer/gpt2-tokenizer';
export {
  gpt2EndOfTextId,
  gpt2VocabularyFromMerges,
  loadGpt2Tokenizer,
} from './tokenizer/gpt2-vocabulary';
export {
  parseMergesTxt,
  parseVocabJson,
  tokenizerFromTokenizerJson,
  tokenizerFromVocabAndMerges,
} from './tokenizer/tokenizer-files';
export { checkTokenizerFitsModel } from './tokenizer/tokenizer-fit';
