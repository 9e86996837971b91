// Ctrl-C handling for long commands. The first SIGINT aborts `signal` and runs the registered
// handlers (train saves a checkpoint there); a command that registered none stops at once.
// A second SIGINT exits immediately with 130, so a stuck save can always be left.
import { InterruptedError } from './errors';

export interface Interrupt {
  /** Aborted on the first Ctrl-C; pass it to loops that should stop between steps. */
  readonly signal: AbortSignal;
  /** Runs `handler` on the first Ctrl-C instead of exiting; returns a function that removes it. */
  onInterrupt(handler: () => void): () => void;
  /** Throws InterruptedError when Ctrl-C was pressed: call between steps. */
  throwIfInterrupted(): void;
}

/** The process-facing parts the controller needs, injectable so tests need no real signal. */
export interface SignalHost {
  on(event: 'SIGINT', listener: () => void): void;
  off(event: 'SIGINT', listener: () => void): void;
  exit(code: number): void;
  stderr(line: string): void;
}

export interface InterruptController extends Interrupt {
  /** Removes the SIGINT listener (call when the command is done). */
  dispose(): void;
}

export const EXIT_INTERRUPTED = 130;

/** Installs the SIGINT listener for the duration of one command. */
export function createInterruptController(host: SignalHost): InterruptController {
  const abort = new AbortController();
  const handlers = new Set<() => void>();
  const listener = () => {
    if (abort.signal.aborted || handlers.size === 0) {
      host.stderr('interrupted');
      host.exit(EXIT_INTERRUPTED);
      return;
    }
    host.stderr('interrupted: stopping after the current step (Ctrl-C again to quit now)');
    abort.abort(new InterruptedError());
    for (const handler of handlers) handler();
  };
  host.on('SIGINT', listener);
  return {
    signal: abort.signal,
    onInterrupt(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    throwIfInterrupted() {
      if (abort.signal.aborted) throw new InterruptedError();
    },
    dispose() {
      host.off('SIGINT', listener);
    },
  };
}
