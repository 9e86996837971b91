// The `./schemas` entry of @prefixkit/peft: the method names and the training config's schema
// alone (no tensor code), for tools that derive options from them.
export { METHOD_NAMES, type MethodName } from './method-names';
export { type TrainingConfig, trainingConfigSchema } from './trainer/training-config';
