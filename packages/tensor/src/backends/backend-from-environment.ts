// PREFIXKIT_BACKEND (declared in flags.ts) resolved in the browser-safe entry. This entry can
// only make the CPU backend: the WebGPU one needs a device, created asynchronously by
// '@prefixkit/tensor/node' (Dawn) or the browser entry (navigator.gpu), so for `webgpu` this
// says where to get it instead of importing either (which would break browser-safety or Node).
import { BackendUnavailableError, InvalidArgumentError } from '../errors';
import { environmentVariable } from '../flags';
import type { Backend } from './backend';
import { CpuBackend } from './cpu/cpu-backend';

const WEBGPU_HINT =
  "create it with `await createWebGpuBackend()` from '@prefixkit/tensor/node' (Node, Dawn) or " +
  "from the package's browser entry (navigator.gpu), then pass it as { backend } or to setDefaultBackend()";

/**
 * The backend PREFIXKIT_BACKEND names: a new CpuBackend for `cpu`, undefined when unset or
 * empty (keep the default). `webgpu` throws BackendUnavailableError saying which entry point
 * creates it; any other value throws InvalidArgumentError.
 * @example const backend = backendFromEnvironment(); if (backend) setDefaultBackend(backend);
 */
export function backendFromEnvironment(): Backend | undefined {
  const value = environmentVariable('PREFIXKIT_BACKEND')?.trim();
  if (value === undefined || value === '') return undefined;
  if (value === 'cpu') return new CpuBackend();
  if (value === 'webgpu')
    throw new BackendUnavailableError('webgpu (PREFIXKIT_BACKEND)', WEBGPU_HINT);
  throw new InvalidArgumentError(
    'backendFromEnvironment',
    'PREFIXKIT_BACKEND',
    "'cpu' or 'webgpu'",
    JSON.stringify(value),
  );
}
