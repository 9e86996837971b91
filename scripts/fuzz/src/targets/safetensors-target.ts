// Safetensors headers and bytes: the PyTorch-written tiny GPT-2 of @prefixkit/gpt2's fixtures,
// mutated in its JSON header (structure-aware) or its bytes (mostly the length field and the
// header), read by the generic reader (every tensor, every dtype) or as a GPT-2 checkpoint.
// Accepted files must read back tensors of the declared sizes and, as checkpoints, the config's
// shapes with finite values.
import { readFileSync } from 'node:fs';
import {
  bufferByteSource,
  gpt2ParameterSpecs,
  openSafetensors,
  parseGpt2ConfigText,
  readGpt2Checkpoint,
} from '@prefixkit/gpt2';
import { mutateBytes } from '../mutate-bytes';
import { mutateJson } from '../mutate-json';
import type { SeededRandom } from '../seeded-random';
import { type FuzzTarget, invalid, repoPath, valid } from './fuzz-target';

interface Context {
  config: string;
  bytes: Uint8Array;
  headerLength: number;
}

const floatDtypes = new Set(['F32', 'F16', 'BF16', 'F64']);

/** The file with its JSON header replaced by a mutated one (length field updated). */
function mutateHeader(context: Context, random: SeededRandom): Uint8Array {
  const { bytes, headerLength } = context;
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  const json = new TextEncoder().encode(JSON.stringify(mutateJson(header, random)));
  const out = new Uint8Array(8 + json.length + bytes.length - 8 - headerLength);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  out.set(bytes.subarray(8 + headerLength), 8 + json.length);
  return out;
}

async function readEveryTensor(bytes: Uint8Array) {
  const reader = await openSafetensors(bufferByteSource(bytes, 'fuzz.safetensors'));
  for (const tensor of reader.tensors) {
    const raw = await reader.readBytes(tensor.name);
    if (raw.length !== tensor.byteLength)
      return invalid(`${tensor.name}: read ${raw.length} bytes, header says ${tensor.byteLength}`);
    if (tensor.byteOffset + tensor.byteLength > bytes.length)
      return invalid(`${tensor.name}: data past the end of the file`);
    if (floatDtypes.has(tensor.dtype)) {
      const values = await reader.readFloat32(tensor.name);
      const count = tensor.shape.reduce((product, size) => product * size, 1);
      if (values.length !== count)
        return invalid(`${tensor.name}: ${values.length} values for shape [${tensor.shape}]`);
    }
  }
  return valid;
}

async function readAsCheckpoint(context: Context, bytes: Uint8Array) {
  const checkpoint = await readGpt2Checkpoint({
    config: context.config,
    weights: bufferByteSource(bytes, 'fuzz.safetensors'),
  });
  for (const spec of gpt2ParameterSpecs(parseGpt2ConfigText(context.config))) {
    const data = checkpoint.parameters.get(spec.name);
    const count = spec.shape.reduce((product, size) => product * size, 1);
    if (data?.length !== count) return invalid(`${spec.name}: missing or mis-sized`);
    if (!data.every(Number.isFinite)) return invalid(`${spec.name}: non-finite value accepted`);
  }
  return valid;
}

export const safetensorsTarget: FuzzTarget<Context> = {
  name: 'safetensors',
  description: 'safetensors headers and bytes (generic reader and GPT-2 checkpoint)',
  async prepare() {
    const folder = repoPath('packages/gpt2/test/fixtures/tiny/');
    const bytes = new Uint8Array(readFileSync(`${folder}model.safetensors`));
    const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    return { config: readFileSync(`${folder}config.json`, 'utf8'), bytes, headerLength };
  },
  async run(context, random) {
    const bytes = random.chance(0.5)
      ? mutateHeader(context, random)
      : mutateBytes(context.bytes, random, { focus: 8 + context.headerLength });
    return random.chance(0.5) ? readEveryTensor(bytes) : readAsCheckpoint(context, bytes);
  },
};
