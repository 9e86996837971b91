// Compute pipelines cached by (kernel name, specialisation constants), as tfjs keys programs by
// shader key. Every module and pipeline is labelled with the kernel name so driver messages and
// captures name it. Layouts are explicit, built from the KernelSpec: inputs are read-only
// storage, outputs read-write storage, then one uniform struct when the kernel has uniforms.
// Compile errors are collected asynchronously (getCompilationInfo is async while run() is not)
// and surface from the next synchronize()/read(), or at once from the next run of that kernel.
import type { KernelSpec, UniformValues } from '../../kernels/kernel-spec';
import type { ShaderCompileError } from './errors';
import { shaderCompileError } from './shader-errors';
import { shouldPrintWgsl } from './webgpu-flags';

// GPUShaderStage.COMPUTE; a literal so this file does not need the browser's globals in Node.
const COMPUTE_STAGE = 4;

export interface CachedPipeline {
  readonly spec: KernelSpec;
  readonly pipeline: GPUComputePipeline;
  readonly layout: GPUBindGroupLayout;
  /** Set once the asynchronous compile check found an error. */
  error: ShaderCompileError | undefined;
  /** Settles when the compile check is done. */
  readonly checked: Promise<void>;
}

/** The cache key's constant part: sorted, so argument order does not matter. */
export function constantsKey(constants: UniformValues): string {
  return Object.keys(constants)
    .sort()
    .map((key) => `${key}=${constants[key]}`)
    .join(',');
}

export class PipelineCache {
  private readonly pipelines = new Map<string, CachedPipeline>();
  private readonly checks: Promise<void>[] = [];

  /** `deviceConstants` specialise every pipeline; a call's own constants override them. */
  constructor(
    private readonly device: GPUDevice,
    private readonly deviceConstants: UniformValues = {},
  ) {}

  get size(): number {
    return this.pipelines.size;
  }

  /**
   * The pipeline for `spec` specialised with the device's constants and then `callConstants`,
   * built on first use. Keyed by the call's constants only (the device's never change), so a
   * dispatch sorts a handful of keys at most.
   */
  get(spec: KernelSpec, callConstants: UniformValues = {}): CachedPipeline {
    const key = `${spec.name}|${constantsKey(callConstants)}`;
    const cached = this.pipelines.get(key);
    if (cached) return cached;
    const created = this.create(spec, { ...this.deviceConstants, ...callConstants });
    this.pipelines.set(key, created);
    return created;
  }

  /** Waits for every compile check started so far; throws the first compile error. */
  async checkAll(): Promise<void> {
    const pending = this.checks.splice(0);
    await Promise.all(pending);
    for (const entry of this.pipelines.values()) if (entry.error) throw entry.error;
  }

  private create(spec: KernelSpec, constants: UniformValues): CachedPipeline {
    const code = spec.wgsl(constants);
    if (shouldPrintWgsl(spec.name)) {
      console.log(
        `// ---- WGSL of kernel ${spec.name} (${constantsKey(constants) || 'no constants'})\n${code}`,
      );
    }
    const entries: GPUBindGroupLayoutEntry[] = [
      ...spec.inputs.map(() => ({ type: 'read-only-storage' as const })),
      ...spec.outputs.map(() => ({ type: 'storage' as const })),
      ...(spec.uniforms.length > 0 ? [{ type: 'uniform' as const }] : []),
    ].map((buffer, binding) => ({ binding, visibility: COMPUTE_STAGE, buffer }));
    this.device.pushErrorScope('validation');
    const module = this.device.createShaderModule({ label: spec.name, code });
    const layout = this.device.createBindGroupLayout({ label: spec.name, entries });
    const pipeline = this.device.createComputePipeline({
      label: spec.name,
      layout: this.device.createPipelineLayout({ label: spec.name, bindGroupLayouts: [layout] }),
      // No entryPoint: each kernel's module has exactly one @compute function, whatever its name.
      compute: { module },
    });
    const scope = this.device.popErrorScope();
    const entry: CachedPipeline = {
      spec,
      pipeline,
      layout,
      error: undefined,
      checked: scope.then(async (scopeError) => {
        if (scopeError) entry.error = await shaderCompileError(spec.name, module, code, scopeError);
      }),
    };
    this.checks.push(entry.checked);
    return entry;
  }
}
