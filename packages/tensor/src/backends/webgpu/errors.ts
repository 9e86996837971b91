// Typed errors of the WebGPU backend. Each names what failed, where, what was expected and what
// was got (docs/reference/STYLE.md "Errors"); codes are stable so callers switch on `code`, never on text.
import { PrefixkitError, type PrefixkitErrorOptions } from '@prefixkit/errors';

/** How to get a WebGPU adapter on a machine without a GPU (llm.c-style hint). */
export const WEBGPU_INSTALL_HINT = [
  "Dawn (the `webgpu` package) needs a Vulkan driver; without a GPU that is Mesa's lavapipe.",
  'Run `bash scripts/setup-webgpu.sh` (as root on Debian/Ubuntu it installs it), or on Debian 12:',
  '  apt-get install -t bookworm-backports mesa-vulkan-drivers libvulkan1',
  'then check with `pnpm doctor`. XDG_RUNTIME_DIR may be set; VK_ICD_FILENAMES pins a driver.',
].join('\n');

/** No WebGPU adapter (or device) could be obtained. */
export class WebGPUUnavailableError extends PrefixkitError {
  constructor(reason: string, options: PrefixkitErrorOptions = {}) {
    super(
      'WEBGPU_UNAVAILABLE',
      `WebGPU is unavailable: ${reason}\n${WEBGPU_INSTALL_HINT}`,
      options,
    );
  }
}

/** One diagnostic of a shader module, as `getCompilationInfo()` reports it. */
export interface ShaderDiagnostic {
  readonly type: 'error' | 'warning' | 'info';
  /** 1-based WGSL line (0 when unknown). */
  readonly line: number;
  /** 1-based column (0 when unknown). */
  readonly column: number;
  readonly message: string;
}

/** A kernel's WGSL failed to compile or its pipeline failed to build. */
export class ShaderCompileError extends PrefixkitError {
  readonly kernel: string;
  /** The first error's 1-based WGSL line, or 0 when the driver gave none. */
  readonly line: number;
  readonly diagnostics: readonly ShaderDiagnostic[];
  constructor(
    kernel: string,
    diagnostics: readonly ShaderDiagnostic[],
    sourceLines: readonly string[],
    options: PrefixkitErrorOptions = {},
  ) {
    const first = diagnostics.find((diagnostic) => diagnostic.type === 'error') ?? diagnostics[0];
    const line = first?.line ?? 0;
    const where =
      line > 0 ? `kernel ${kernel}, WGSL line ${line}:${first?.column ?? 0}` : `kernel ${kernel}`;
    const source = line > 0 ? `\n  ${line} | ${sourceLines[line - 1] ?? ''}` : '';
    const detail = first?.message ?? 'pipeline creation failed';
    super(
      'SHADER_COMPILE',
      `${where}: ${detail}${source}\n(set PREFIXKIT_PRINT_WGSL=${kernel} to print the shader)`,
      options,
    );
    this.kernel = kernel;
    this.line = line;
    this.diagnostics = diagnostics;
  }
}

/** The GPU device was lost (driver reset, destroy(), out of memory at the driver level). */
export class DeviceLostError extends PrefixkitError {
  readonly reason: string;
  constructor(reason: string, detail: string, options: PrefixkitErrorOptions = {}) {
    super('DEVICE_LOST', `WebGPU device lost (reason: ${reason}): ${detail}`, options);
    this.reason = reason;
  }
}

/**
 * The device reported an error no error scope caught (validation, out-of-memory, internal): a
 * command recorded earlier was invalid. Surfaces at the next read() or synchronize().
 */
export class GpuDeviceError extends PrefixkitError {
  readonly kind: string;
  constructor(kind: string, detail: string, options: PrefixkitErrorOptions = {}) {
    super('GPU_DEVICE_ERROR', `WebGPU ${kind} error: ${detail}`, options);
    this.kind = kind;
  }
}

/** A dtype the WebGPU backend cannot store (f64: WGSL has no 64-bit floats). */
export class UnsupportedDTypeError extends PrefixkitError {
  readonly dtype: string;
  constructor(operation: string, dtype: string, supported: readonly string[]) {
    super(
      'DTYPE_UNSUPPORTED',
      `${operation}: dtype ${dtype} is not supported on the WebGPU backend; expected one of ` +
        `${supported.join(', ')}, got ${dtype} (use the cpu backend for f64 gradient checks)`,
    );
    this.dtype = dtype;
  }
}

/** A buffer or dispatch beyond what the device's limits allow. */
export class GpuLimitExceededError extends PrefixkitError {
  readonly limit: string;
  constructor(what: string, limit: string, maximum: number, got: number) {
    super(
      'GPU_LIMIT_EXCEEDED',
      `${what}: exceeds the device limit ${limit}; expected <= ${maximum}, got ${got}`,
    );
    this.limit = limit;
  }
}
