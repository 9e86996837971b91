// The frozen GPT-2 the server serves: a checkpoint folder, or a hub id fetched into the cache
// (read as the CLI reads --model: resolveModelReference), uploaded to the chosen backend.
import { basename } from 'node:path';
import { Gpt2Model, type Gpt2Tokenizer } from '@prefixkit/gpt2';
import {
  downloadGpt2,
  loadModelFolderTokenizer,
  openGpt2CheckpointDirectory,
  resolveModelReference,
} from '@prefixkit/gpt2/node';
import { type Backend, CpuBackend } from '@prefixkit/tensor';

export interface BaseModel {
  readonly model: Gpt2Model;
  readonly backend: Backend;
  /** The folder's own tokenizer files, else GPT-2's; checked against the model. */
  readonly tokenizer: Gpt2Tokenizer;
  /** The id clients use for the base model. */
  readonly id: string;
  /** Frees the device. */
  release(): Promise<void>;
}

export async function loadBaseModel(options: {
  model: string;
  modelId?: string | undefined;
  backend: 'webgpu' | 'cpu';
  env: NodeJS.ProcessEnv;
}): Promise<BaseModel> {
  const source = resolveModelReference(options.model, process.cwd());
  const folder =
    source.kind === 'folder'
      ? source.path
      : await downloadGpt2({ repoId: source.repoId, env: options.env });
  let backend: Backend;
  let release = async () => {};
  if (options.backend === 'cpu') backend = new CpuBackend();
  else {
    const { createWebGpuBackend } = await import('@prefixkit/tensor/node');
    const device = await createWebGpuBackend();
    backend = device;
    // Releases this server's hold on the process's shared device: the device stays for any
    // other server or backend in the process, and goes with the last one.
    release = async () => device.destroy();
  }
  const stream = await openGpt2CheckpointDirectory(folder);
  try {
    const model = await Gpt2Model.fromCheckpoint(stream, { backend });
    return {
      model,
      backend,
      tokenizer: await loadModelFolderTokenizer(folder, model.config),
      id: options.modelId ?? (source.kind === 'folder' ? basename(folder) : options.model),
      release,
    };
  } catch (error) {
    await release();
    throw error;
  } finally {
    await stream.close();
  }
}
