// Ctrl-C (SIGINT) and SIGTERM for long commands. The first signal aborts `signal` and runs the
// registered handlers (train saves a checkpoint at the next step boundary); a command that
// registered none stops at once. A second signal exits immediately, so a stuck save can always
// be left. The exit status is 128 + the signal number: 130 for SIGINT, 143 for SIGTERM.
import { InterruptedError, type StopSignal } from './errors';

export interface Interrupt {
  /** Aborted on the first signal (its reason an InterruptedError); pass it to step loops. */
  readonly signal: AbortSignal;
  /**
   * Runs `handler` on the first signal instead of exiting; returns a function that removes it.
   * `doing` completes the line printed then ("interrupted: <doing> (Ctrl-C again to quit now)").
   */
  onInterrupt(handler: () => void, doing?: string): () => void;
  /** Throws InterruptedError when a signal came: call between steps. */
  throwIfInterrupted(): void;
}

/** The process-facing parts the controller needs, injectable so tests need no real signal. */
export interface SignalHost {
  on(event: StopSignal, listener: () => void): void;
  off(event: StopSignal, listener: () => void): void;
  exit(code: number): void;
  stderr(line: string): void;
}

export interface InterruptController extends Interrupt {
  /** Removes the signal listeners (call when the command is done). */
  dispose(): void;
}

export const EXIT_INTERRUPTED = 130;
export const EXIT_TERMINATED = 143;
export const stopSignals: readonly StopSignal[] = ['SIGINT', 'SIGTERM'];

const exitCodeOf = (signal: StopSignal) =>
  signal === 'SIGINT' ? EXIT_INTERRUPTED : EXIT_TERMINATED;

/** Installs the SIGINT and SIGTERM listeners for the duration of one command. */
export function createInterruptController(host: SignalHost): InterruptController {
  const abort = new AbortController();
  const handlers = new Map<() => void, string>();
  const listeners = stopSignals.map((signal) => {
    const listener = () => {
      if (abort.signal.aborted || handlers.size === 0) {
        host.stderr(signal === 'SIGINT' ? 'interrupted' : 'terminated (SIGTERM)');
        host.exit(exitCodeOf(signal));
        return;
      }
      const doing = [...handlers.values()][0];
      host.stderr(
        signal === 'SIGINT'
          ? `interrupted: ${doing} (Ctrl-C again to quit now)`
          : `SIGTERM: ${doing} (SIGTERM again to quit now)`,
      );
      abort.abort(new InterruptedError(signal));
      for (const handler of handlers.keys()) handler();
    };
    host.on(signal, listener);
    return [signal, listener] as const;
  });
  return {
    signal: abort.signal,
    onInterrupt(handler, doing = 'stopping after the current step') {
      handlers.set(handler, doing);
      return () => handlers.delete(handler);
    },
    throwIfInterrupted() {
      if (abort.signal.aborted) throw abort.signal.reason as InterruptedError;
    },
    dispose() {
      for (const [signal, listener] of listeners) host.off(signal, listener);
    },
  };
}
