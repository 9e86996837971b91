import { describe, expect, it } from 'vitest';
import {
  createInterruptController,
  EXIT_INTERRUPTED,
  EXIT_TERMINATED,
  type SignalHost,
} from './interrupt';

function fakeHost() {
  const listeners = new Map<string, Set<() => void>>();
  const exits: number[] = [];
  const lines: string[] = [];
  const host: SignalHost = {
    on: (event, listener) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
    },
    off: (event, listener) => listeners.get(event)?.delete(listener),
    exit: (code) => exits.push(code),
    stderr: (line) => lines.push(line),
  };
  const send = (signal: 'SIGINT' | 'SIGTERM' = 'SIGINT') => {
    for (const listener of [...(listeners.get(signal) ?? [])]) listener();
  };
  const count = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);
  return { host, count, exits, lines, send };
}

describe('createInterruptController', () => {
  it('exits 130 (SIGINT) or 143 (SIGTERM) at once when the command registered no handler', () => {
    const fake = fakeHost();
    createInterruptController(fake.host);
    fake.send('SIGINT');
    fake.send('SIGTERM');
    expect(fake.exits).toEqual([EXIT_INTERRUPTED, EXIT_TERMINATED]);
  });

  it('first Ctrl-C aborts and runs handlers; the second exits', () => {
    const fake = fakeHost();
    const controller = createInterruptController(fake.host);
    let saved = 0;
    controller.onInterrupt(() => saved++);
    expect(() => controller.throwIfInterrupted()).not.toThrow();
    fake.send();
    expect(saved).toBe(1);
    expect(fake.exits).toEqual([]);
    expect(fake.lines).toEqual([
      'interrupted: stopping after the current step (Ctrl-C again to quit now)',
    ]);
    expect(controller.signal.aborted).toBe(true);
    expect(() => controller.throwIfInterrupted()).toThrow(
      expect.objectContaining({ code: 'CLI_INTERRUPTED' }),
    );
    fake.send();
    expect(saved).toBe(1);
    expect(fake.exits).toEqual([EXIT_INTERRUPTED]);
  });

  it('SIGTERM stops the same way with its own code, and a second signal of either kind exits', () => {
    const fake = fakeHost();
    const controller = createInterruptController(fake.host);
    let stopped = 0;
    controller.onInterrupt(() => stopped++, 'draining');
    fake.send('SIGTERM');
    expect(stopped).toBe(1);
    expect(fake.lines).toEqual(['SIGTERM: draining (SIGTERM again to quit now)']);
    expect(controller.signal.reason).toMatchObject({
      code: 'CLI_TERMINATED',
      stopSignal: 'SIGTERM',
    });
    expect(() => controller.throwIfInterrupted()).toThrow(
      expect.objectContaining({ code: 'CLI_TERMINATED' }),
    );
    fake.send('SIGINT');
    expect(fake.exits).toEqual([EXIT_INTERRUPTED]);
  });

  it('removes its listeners on dispose and handlers on unsubscribe', () => {
    const fake = fakeHost();
    const controller = createInterruptController(fake.host);
    expect(fake.count()).toBe(2);
    const remove = controller.onInterrupt(() => {
      throw new Error('removed handler ran');
    });
    remove();
    controller.dispose();
    expect(fake.count()).toBe(0);
  });
});
