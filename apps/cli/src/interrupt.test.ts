import { describe, expect, it } from 'vitest';
import { createInterruptController, EXIT_INTERRUPTED, type SignalHost } from './interrupt';

function fakeHost() {
  const listeners = new Set<() => void>();
  const exits: number[] = [];
  const lines: string[] = [];
  const host: SignalHost = {
    on: (_event, listener) => listeners.add(listener),
    off: (_event, listener) => listeners.delete(listener),
    exit: (code) => exits.push(code),
    stderr: (line) => lines.push(line),
  };
  const press = () => {
    for (const listener of [...listeners]) listener();
  };
  return { host, listeners, exits, lines, press };
}

describe('createInterruptController', () => {
  it('exits 130 at once when the command registered no handler', () => {
    const fake = fakeHost();
    createInterruptController(fake.host);
    fake.press();
    expect(fake.exits).toEqual([EXIT_INTERRUPTED]);
  });

  it('first Ctrl-C aborts and runs handlers; the second exits', () => {
    const fake = fakeHost();
    const controller = createInterruptController(fake.host);
    let saved = 0;
    controller.onInterrupt(() => saved++);
    expect(() => controller.throwIfInterrupted()).not.toThrow();
    fake.press();
    expect(saved).toBe(1);
    expect(fake.exits).toEqual([]);
    expect(controller.signal.aborted).toBe(true);
    expect(() => controller.throwIfInterrupted()).toThrow(
      expect.objectContaining({ code: 'CLI_INTERRUPTED' }),
    );
    fake.press();
    expect(saved).toBe(1);
    expect(fake.exits).toEqual([EXIT_INTERRUPTED]);
  });

  it('removes its listener on dispose and handlers on unsubscribe', () => {
    const fake = fakeHost();
    const controller = createInterruptController(fake.host);
    const remove = controller.onInterrupt(() => {
      throw new Error('removed handler ran');
    });
    remove();
    controller.dispose();
    expect(fake.listeners.size).toBe(0);
  });
});
