// Public API of @prefixkit/peft (browser-safe). Files on disk: `@prefixkit/peft/node`.

export { type AdapterModel, adapterParameterShapes, createAdapters } from './adapter/adapter';
export {
  type AdapterConfig,
  adapterBottleneck,
  adapterSchema,
  parseAdapterConfig,
} from './adapter/adapter-config';
export {
  createFineTune,
  type FineTuneConfig,
  type FineTuneModel,
  fineTuneParameterShapes,
  fineTuneSchema,
  isFineTuned,
  parseFineTuneConfig,
} from './baselines/fine-tune';
export { validateConfig } from './config/validate-config';
export {
  CheckpointNotFoundError,
  CheckpointPointerError,
  NonFiniteLossError,
  PeftConfigError,
  PeftFormatError,
  TrainerError,
} from './errors';
export { loadPeft } from './formats/load-peft';
export { type PeftFiles, prefixkitFormat, type SaveOptions, savePeft } from './formats/save-peft';
export { safetensorsToTensors, tensorsToSafetensors } from './formats/tensor-files';
export { generateWithPeft, type PeftGenerateOptions } from './generate-with-peft';
export {
  createLora,
  type LoraConfig,
  type LoraModel,
  loraParameterShapes,
  loraSchema,
  parseLoraConfig,
} from './lora/lora';
export { METHOD_NAMES, type MethodName } from './method-names';
export {
  countTrainableParameters,
  createPeftModel,
  type MethodDefinition,
  methodOf,
  methods,
} from './methods';
export { type MixedPrefixOptions, mixedPrefixForward } from './mixed/mixed-prefix-forward';
export { baseParameterCount } from './parameter-count-base';
export { type HostTensor, ParameterStore } from './parameter-store';
export type {
  CreateOptions,
  ParameterShape,
  PeftDecoding,
  PeftForwardOptions,
  PeftModel,
} from './peft-model';
export {
  type PrefixTuningConfig,
  parsePrefixTuningConfig,
  prefixTuningSchema,
} from './prefix-tuning/prefix-config';
export { prefixActivations, prefixParameterShapes } from './prefix-tuning/prefix-encoder';
export {
  activationsFromKeyValues,
  type PrefixDims,
  prefixKeyValues,
} from './prefix-tuning/prefix-key-values';
export { createPrefixTuning, type PrefixTuningModel } from './prefix-tuning/prefix-tuning';
export { SeededRandom } from './random';
export { createRandomGpt2, initialStd, randomGpt2Parameters } from './random-gpt2';
export {
  createEmbeddingOnly,
  type EmbeddingOnlyConfig,
  type EmbeddingOnlyModel,
  embeddingOnlySchema,
  parseEmbeddingOnlyConfig,
} from './soft-prompt/embedding-only';
export {
  createInfix,
  type InfixConfig,
  type InfixModel,
  infixSchema,
  parseInfixConfig,
} from './soft-prompt/infix';
export { type CheckpointFiles, checkpointFormat } from './trainer/checkpoint';
export { type PaperPreset, paperPresets } from './trainer/presets';
export { Trainer, type TrainerOptions } from './trainer/trainer';
export type { EvaluationEvent, ProgressEvent, TrainResult } from './trainer/trainer-types';
export {
  parseTrainingConfig,
  type TrainingConfig,
  trainingConfigSchema,
} from './trainer/training-config';
