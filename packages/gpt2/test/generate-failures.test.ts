// A backend that fails midway through decoding (a lost device, say): generate() rejects with that
// failure and leaves no read-back promise rejecting unobserved behind it, which Node would report
// as an unhandled rejection (and by default end the process for).
import type { KernelCall, KernelName } from '@prefixkit/tensor';
import { CpuBackend } from '@prefixkit/tensor';
import { afterEach, describe, expect, it } from 'vitest';
import { generate } from '../src/generate/generate';
import { goldens, loadTinyModel } from './model-fixtures';

/** A CPU backend whose reads reject and whose dispatches throw once armed. */
class FailingBackend extends CpuBackend {
  armed = false;
  override read(buffer: Parameters<CpuBackend['read']>[0]) {
    if (this.armed) return Promise.reject(new Error('read after the failure'));
    return super.read(buffer);
  }
  override run(kernel: KernelName, call: KernelCall): void {
    if (this.armed) throw new Error('dispatch failed');
    super.run(kernel, call);
  }
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('generate on a failing backend', () => {
  it('rejects with the failure and leaves no unhandled rejection', async () => {
    const backend = new FailingBackend();
    const model = await loadTinyModel(backend);
    expect(model.takesDeviceIds).toBe(true); // the pipelined greedy loop
    process.on('unhandledRejection', onUnhandled);
    let steps = 0;
    const decoding = generate(model, [goldens.greedy.prompts[1]!], {
      maxNewTokens: 12,
      eosTokenId: null,
      // Fails inside the loop, after a step's read-back has been started.
      onStep: () => {
        steps += 1;
        if (steps === 2) backend.armed = true;
      },
    });
    await expect(decoding).rejects.toThrow(/dispatch failed/);
    for (let turn = 0; turn < 5; turn++) await new Promise((done) => setImmediate(done));
    expect(unhandled).toEqual([]);
  });
});
