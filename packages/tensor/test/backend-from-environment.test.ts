// PREFIXKIT_BACKEND in the browser-safe entry: cpu -> a CpuBackend, unset -> undefined,
// webgpu -> a typed error naming the entry points, anything else -> InvalidArgumentError.
import { afterEach, describe, expect, it } from 'vitest';
import {
  BackendUnavailableError,
  backendFromEnvironment,
  CpuBackend,
  InvalidArgumentError,
  requestedBackend,
} from '../src/index';

const saved = process.env.PREFIXKIT_BACKEND;
afterEach(() => {
  if (saved === undefined) delete process.env.PREFIXKIT_BACKEND;
  else process.env.PREFIXKIT_BACKEND = saved;
});

describe('backendFromEnvironment', () => {
  it('makes a CPU backend for cpu and nothing when unset or empty', () => {
    process.env.PREFIXKIT_BACKEND = 'cpu';
    expect(backendFromEnvironment()).toBeInstanceOf(CpuBackend);
    expect(requestedBackend()).toBe('cpu');
    delete process.env.PREFIXKIT_BACKEND;
    expect(backendFromEnvironment()).toBeUndefined();
    process.env.PREFIXKIT_BACKEND = '';
    expect(backendFromEnvironment()).toBeUndefined();
  });
  it('points webgpu at the Node/browser entry and rejects unknown values', () => {
    process.env.PREFIXKIT_BACKEND = 'webgpu';
    expect(requestedBackend()).toBe('webgpu');
    expect(() => backendFromEnvironment()).toThrow(BackendUnavailableError);
    expect(() => backendFromEnvironment()).toThrow(/@prefixkit\/tensor\/node/);
    process.env.PREFIXKIT_BACKEND = 'gpu';
    expect(() => backendFromEnvironment()).toThrow(InvalidArgumentError);
  });
});
