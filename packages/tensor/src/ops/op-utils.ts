// Helpers every op uses: checking arguments (backend, dtype, liveness) and making outputs.
import type { Backend, BackendBuffer } from '../backends/backend';
import { BackendMismatchError, DTypeMismatchError } from '../errors';
import type { KernelName } from '../kernels/kernel-names';
import type { DType, UniformValues } from '../kernels/kernel-spec';
import { kernelSpecs } from '../kernels/kernel-specs';
import { type Shape, sizeOf } from '../shape';
import { Storage, Tensor } from '../tensor';

/** Whether `backend` lets kernel `name` bind all its storage buffers (maxStorageBuffersPerStage). */
export function kernelBindsOn(backend: Backend, name: KernelName): boolean {
  const spec = kernelSpecs[name];
  return spec.inputs.length + spec.outputs.length <= backend.maxStorageBuffersPerStage;
}

/** A new zero-filled tensor on `backend`. */
export function newTensor(backend: Backend, shape: Shape, dtype: DType): Tensor {
  const buffer = backend.allocate(Math.max(1, sizeOf(shape)), dtype);
  return new Tensor(new Storage(backend, buffer), shape, dtype);
}

/**
 * A new tensor for a kernel to write whole (every element): its initial contents are
 * unspecified, so the WebGPU backend skips clearing a recycled buffer. Use newTensor for
 * outputs a kernel accumulates into or leaves partly unwritten.
 */
export function newOutput(backend: Backend, shape: Shape, dtype: DType): Tensor {
  const buffer = backend.allocate(Math.max(1, sizeOf(shape)), dtype, 'unspecified');
  return new Tensor(new Storage(backend, buffer), shape, dtype);
}

/** A tensor of `shape` sharing `tensor`'s buffer (no copy; sizes must match). */
export function viewOf(tensor: Tensor, shape: Shape): Tensor {
  tensor.bufferFor('view', 'tensor');
  return new Tensor(tensor.storage.retain(), shape, tensor.dtype);
}

/** A tensor shaped like `like`, filled with `value` (uploaded from the host). */
export function fullLike(like: Tensor, value: number, shape: Shape = like.shape): Tensor {
  const out = newTensor(like.backend, shape, like.dtype);
  if (value !== 0) {
    const size = Math.max(1, sizeOf(shape));
    const data =
      like.dtype === 'i32'
        ? new Int32Array(size)
        : like.dtype === 'f64'
          ? new Float64Array(size)
          : new Float32Array(size);
    data.fill(value);
    like.backend.write(out.bufferFor('full', 'out'), data);
  }
  return out;
}

/** The common backend of an op's tensor arguments (BackendMismatchError otherwise). */
export function commonBackend(op: string, args: Readonly<Record<string, Tensor>>): Backend {
  let backend: Backend | undefined;
  let first = '';
  for (const [name, tensor] of Object.entries(args)) {
    tensor.bufferFor(op, name);
    if (!backend) {
      backend = tensor.backend;
      first = name;
    } else if (tensor.backend !== backend) {
      throw new BackendMismatchError(
        op,
        name,
        `${backend.kind} backend of ${first}`,
        `another ${tensor.backend.kind} backend`,
      );
    }
  }
  return backend!;
}

/** Checks `tensor` holds floats (f32, or f64 on the CPU backend). */
export function checkFloat(op: string, argument: string, tensor: Tensor): void {
  if (tensor.dtype === 'i32')
    throw new DTypeMismatchError(op, argument, 'f32 or f64', tensor.dtype);
}

/** Checks two float tensors share a dtype (no silent f32/f64 mixing). */
export function checkSameDType(op: string, argument: string, a: Tensor, b: Tensor): void {
  if (a.dtype !== b.dtype) throw new DTypeMismatchError(op, argument, a.dtype, b.dtype);
}

export function checkInt(op: string, argument: string, tensor: Tensor): void {
  if (tensor.dtype !== 'i32') throw new DTypeMismatchError(op, argument, 'i32', tensor.dtype);
}

/** Runs kernel `name` on tensors (buffers looked up and checked for liveness). */
export function runKernel(
  op: string,
  name: KernelName,
  inputs: readonly Tensor[],
  outputs: readonly Tensor[],
  uniforms: UniformValues = {},
  constants?: UniformValues,
): void {
  const inputBuffers: BackendBuffer[] = inputs.map((t, k) => t.bufferFor(op, `input ${k}`));
  const outputBuffers: BackendBuffer[] = outputs.map((t, k) => t.bufferFor(op, `output ${k}`));
  const backend = (inputs[0] ?? outputs[0])!.backend;
  for (const output of outputs) output.storage.version++;
  backend.run(
    name,
    constants
      ? { inputs: inputBuffers, outputs: outputBuffers, uniforms, constants }
      : { inputs: inputBuffers, outputs: outputBuffers, uniforms },
  );
}
