// PEFT adapter files: the prefix `prefixkit train` produced for the shipped tiny model
// (models/prefixkit-tiny/prefixes/e2e), its adapter_config.json mutated as JSON or its
// safetensors as bytes, loaded onto that model. An accepted adapter must hold finite
// parameters.
import { readFileSync } from 'node:fs';
import { bufferByteSource, Gpt2Model } from '@prefixkit/gpt2';
import { openGpt2CheckpointDirectory } from '@prefixkit/gpt2/node';
import { loadPeft } from '@prefixkit/peft';
import { CpuBackend } from '@prefixkit/tensor';
import { mutateBytes } from '../mutate-bytes';
import { mutateJson } from '../mutate-json';
import { type FuzzTarget, invalid, repoPath, valid } from './fuzz-target';

interface Context {
  base: Gpt2Model;
  config: string;
  weights: Uint8Array;
}

export const adapterTarget: FuzzTarget<Context> = {
  name: 'adapter',
  description: 'PEFT adapter files (adapter_config.json, adapter_model.safetensors)',
  async prepare() {
    const model = repoPath('models/prefixkit-tiny');
    const stream = await openGpt2CheckpointDirectory(model);
    try {
      const base = await Gpt2Model.fromCheckpoint(stream, { backend: new CpuBackend() });
      const adapter = `${model}/prefixes/e2e/`;
      return {
        base,
        config: readFileSync(`${adapter}adapter_config.json`, 'utf8'),
        weights: new Uint8Array(readFileSync(`${adapter}adapter_model.safetensors`)),
      };
    } finally {
      await stream.close();
    }
  },
  async run(context, random) {
    let { config, weights } = context;
    const choice = random.int(3);
    if (choice === 0) config = JSON.stringify(mutateJson(JSON.parse(config), random));
    else if (choice === 1)
      config = new TextDecoder().decode(mutateBytes(new TextEncoder().encode(config), random));
    else weights = mutateBytes(weights, random, { focus: 200 });
    const peft = await loadPeft(context.base, {
      config,
      weights: bufferByteSource(weights, 'adapter_model.safetensors'),
    });
    const parameters = await peft.parameters.toHost();
    if (Object.keys(parameters).length === 0) return invalid('loaded with no parameters');
    for (const [name, tensor] of Object.entries(parameters))
      if (!tensor.data.every(Number.isFinite)) return invalid(`${name}: non-finite value accepted`);
    return valid;
  },
};
