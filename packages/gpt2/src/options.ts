// The `./options` entry of @prefixkit/gpt2: generate()'s options schema alone, so tools that
// derive flags or request fields from it (the CLI's --help) load no model or tensor code.
export {
  type GenerateDataOptionName,
  generateOptionsSchema,
} from './generate/generate-options-schema';
