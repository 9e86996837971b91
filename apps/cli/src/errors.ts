// The CLI's own typed errors: things wrong with the command line itself.
// Messages follow docs/reference/STYLE.md's "what, where, expected, got" and end with how to fix it.
import { PrefixkitError, type PrefixkitErrorOptions } from '@prefixkit/errors';

/** A command line that cannot be run: unknown command/flag, bad or missing value. */
export class UsageError extends PrefixkitError {
  constructor(code: UsageErrorCode, message: string, options: PrefixkitErrorOptions = {}) {
    super(code, message, options);
  }
}

export type UsageErrorCode =
  | 'CLI_UNKNOWN_COMMAND'
  | 'CLI_UNKNOWN_OPTION'
  | 'CLI_BAD_OPTION_VALUE'
  | 'CLI_MISSING_OPTION'
  | 'CLI_UNEXPECTED_ARGUMENT';

/** Two inputs that must line up (hypotheses and references) do not. */
export class InputMismatchError extends PrefixkitError {
  constructor(message: string, options: PrefixkitErrorOptions = {}) {
    super('CLI_INPUT_MISMATCH', message, options);
  }
}

/** A file exists but is not what the command expects (wrong format, empty, unreadable). */
export class InputFormatError extends PrefixkitError {
  constructor(message: string, options: PrefixkitErrorOptions = {}) {
    super('CLI_INPUT_FORMAT', message, options);
  }
}

/** The signals a command stops cleanly on. */
export type StopSignal = 'SIGINT' | 'SIGTERM';

/**
 * Ctrl-C (SIGINT, code CLI_INTERRUPTED, exit 130) or SIGTERM (CLI_TERMINATED, exit 143); the
 * command stopped cleanly.
 */
export class InterruptedError extends PrefixkitError {
  readonly stopSignal: StopSignal;
  constructor(signal: StopSignal = 'SIGINT', message?: string) {
    super(
      signal === 'SIGINT' ? 'CLI_INTERRUPTED' : 'CLI_TERMINATED',
      message ?? (signal === 'SIGINT' ? 'interrupted (Ctrl-C)' : 'terminated (SIGTERM)'),
    );
    this.stopSignal = signal;
  }
}

/** How to get an adapter; the same fix `scripts/probe-webgpu.mjs` prints. */
export const WEBGPU_FIX =
  'Fix: run `bash scripts/setup-webgpu.sh` (as root on Debian/Ubuntu it installs Mesa lavapipe: bookworm-backports mesa-vulkan-drivers + libvulkan1), or set PREFIXKIT_BACKEND=cpu to run on the CPU backend.';

/** No WebGPU adapter, and the WebGPU backend was wanted. Same code as @prefixkit/tensor's. */
export class NoWebGpuAdapterError extends PrefixkitError {
  constructor(reason: string, options: PrefixkitErrorOptions = {}) {
    super('WEBGPU_UNAVAILABLE', `no WebGPU adapter (${reason}). ${WEBGPU_FIX}`, options);
  }
}

/** A download that cannot happen offline (or the network is down) and no cached copy exists. */
export class DownloadOfflineError extends PrefixkitError {
  constructor(message: string, options: PrefixkitErrorOptions = {}) {
    super('DOWNLOAD_OFFLINE', message, options);
  }
}
