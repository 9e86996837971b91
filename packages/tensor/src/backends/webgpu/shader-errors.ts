// Turns what WebGPU reports into prefixkit's typed errors: a failed shader module or pipeline
// becomes a ShaderCompileError naming the kernel and WGSL line (from getCompilationInfo()); an
// uncaptured error becomes a GpuDeviceError; device loss a DeviceLostError.
import {
  DeviceLostError,
  GpuDeviceError,
  ShaderCompileError,
  type ShaderDiagnostic,
} from './errors';

/** Builds the ShaderCompileError for a module whose creation raised `scopeError`. */
export async function shaderCompileError(
  kernel: string,
  module: GPUShaderModule,
  code: string,
  scopeError: GPUError,
): Promise<ShaderCompileError> {
  const info = await module.getCompilationInfo();
  const diagnostics: ShaderDiagnostic[] = info.messages.map((message) => ({
    type: message.type,
    line: message.lineNum,
    column: message.linePos,
    message: message.message,
  }));
  // A module that compiles but whose pipeline is invalid (entry point, layout) has no
  // diagnostics; the scope error then carries the explanation.
  if (!diagnostics.some((diagnostic) => diagnostic.type === 'error')) {
    diagnostics.unshift({ type: 'error', line: 0, column: 0, message: scopeError.message.trim() });
  }
  return new ShaderCompileError(kernel, diagnostics, code.split('\n'), { cause: scopeError });
}

export interface DeviceWatch {
  /** Throws the device-loss error if the device is gone. */
  throwIfLost(): void;
  /** Throws (once) the first uncaptured error reported since the last call. */
  throwPending(): void;
}

/** Listens for device loss and uncaptured errors on `device`. */
export function watchDevice(device: GPUDevice): DeviceWatch {
  let lost: DeviceLostError | undefined;
  let pending: GpuDeviceError | undefined;
  device.lost.then((info) => {
    lost = new DeviceLostError(info.reason ?? 'unknown', info.message || '(no message)');
  });
  device.addEventListener('uncapturederror', (event) => {
    const error = (event as GPUUncapturedErrorEvent).error;
    // Follow-on errors ("... is invalid due to a previous error") repeat one already reported,
    // e.g. a batch that used a pipeline whose ShaderCompileError is thrown instead.
    if (/due to a previous error/.test(error.message)) return;
    const kind = error.constructor?.name?.replace(/^GPU|Error$/g, '').toLowerCase() || 'unknown';
    pending ??= new GpuDeviceError(kind, error.message.trim(), { cause: error });
  });
  return {
    throwIfLost() {
      if (lost) throw lost;
    },
    throwPending() {
      if (lost) throw lost;
      const error = pending;
      pending = undefined;
      if (error) throw error;
    },
  };
}
