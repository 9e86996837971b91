// The backend new tensors go to when no backend is named: a CpuBackend until
// setDefaultBackend() is called (the Node entry point offers a WebGPU one).
import type { Backend } from './backend';
import { CpuBackend } from './cpu/cpu-backend';

let current: Backend | undefined;

/** The backend used by tensor(), zeros(), ... when their options name none. */
export function getDefaultBackend(): Backend {
  current ??= new CpuBackend();
  return current;
}

/** Makes `backend` the default for tensors created without an explicit backend. */
export function setDefaultBackend(backend: Backend): void {
  current = backend;
}
