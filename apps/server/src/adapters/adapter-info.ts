// What /v1/models says about an adapter before it is loaded, read from its adapter_config.json:
// the method, its number of virtual tokens, and whether its rows can share a batch with others.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ServerRequestError } from '../errors';

export interface AdapterInfo {
  /** The method it loads as (a PEFT PREFIX_TUNING file loads as prefix-flat). */
  readonly kind: string;
  /** Prefix / soft-prompt / infix slots; 0 for the other methods. */
  readonly numVirtualTokens: number;
  /**
   * 'shared': after its prompt runs, a row lives only in the KV cache, so it decodes in one
   * batch with any other such adapter and the base model. 'own-group': the method changes the
   * model's weights or layers (adapter hooks, LoRA, fine-tuned copies): its rows batch only
   * with rows of the same adapter.
   */
  readonly batching: 'shared' | 'own-group';
}

const sharedKinds = new Set(['prefix', 'prefix-flat', 'embedding-only', 'infix']);

/** Reads `<folder>/adapter_config.json`; 404 without one, 400 when it is not a PEFT config. */
export async function readAdapterInfo(folder: string, id: string): Promise<AdapterInfo> {
  let config: Record<string, unknown>;
  try {
    config = JSON.parse(await readFile(join(folder, 'adapter_config.json'), 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ServerRequestError(
      missing ? 'SERVER_ADAPTER_NOT_FOUND' : 'SERVER_ADAPTER_INVALID',
      missing
        ? `model: no adapter or model named ${JSON.stringify(id)}`
        : `adapter ${id}: adapter_config.json is not JSON`,
      missing ? 404 : 400,
      'model',
    );
  }
  const method = (config.method ?? {}) as Record<string, unknown>;
  const kind =
    config.peft_type === 'PREFIX_TUNING'
      ? 'prefix-flat'
      : config.peft_type === 'LORA'
        ? 'lora'
        : typeof method.method === 'string'
          ? method.method
          : 'unknown';
  const slots = [config.num_virtual_tokens, method.prefixLength, method.infixLength].find(
    (value) => typeof value === 'number',
  ) as number | undefined;
  return {
    kind,
    numVirtualTokens: sharedKinds.has(kind) ? (slots ?? 0) : 0,
    batching: sharedKinds.has(kind) ? 'shared' : 'own-group',
  };
}
