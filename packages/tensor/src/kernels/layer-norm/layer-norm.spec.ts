// KernelSpecs of the fused layer norm.
// Forward:        x [rows, cols], w [cols], b [cols] -> y [rows, cols], mean [rows], rstd [rows]
// Backward:       dy, x [rows, cols], w [cols], mean, rstd [rows] -> dx [rows, cols]
// ParamsBackward: dy, x [rows, cols], mean, rstd [rows] -> dw [cols], db [cols]
import type { KernelSpec } from '../kernel-spec';
import { workgroupPerRow } from '../row-reduce';
import { elementDispatch, type KernelInterface, tiledDispatch, WORKGROUP_SIZE } from '../wgsl';
import {
  layerNormBackwardWgsl,
  layerNormForwardWgsl,
  layerNormParamsBackwardWgsl,
} from './layer-norm.wgsl';
import { layerNormBackwardGroupWgsl, layerNormForwardGroupWgsl } from './layer-norm-workgroup.wgsl';

const f32 = (name: string) => ({ name, type: 'f32' }) as const;
const shape = [
  { name: 'rows', type: 'u32' },
  { name: 'cols', type: 'u32' },
] as const;

function spec(
  name: string,
  kernel: KernelInterface,
  code: (k: KernelInterface) => string,
  threads: 'rows' | 'cols',
  groupCode?: (k: KernelInterface) => string,
): KernelSpec {
  const text = code(kernel);
  // Constant workgroupPerRow = 1 (row-reduce.ts): one workgroup per row instead of one thread.
  const groupText = groupCode?.(kernel);
  const perRow = (constants: Readonly<Record<string, number>>) =>
    groupText !== undefined && workgroupPerRow(constants);
  return {
    name,
    ...kernel,
    wgsl: (constants) => (perRow(constants) ? groupText! : text),
    workgroupSize: [WORKGROUP_SIZE, 1, 1],
    dispatch: (u, constants) =>
      perRow(constants) ? tiledDispatch(u.rows ?? 0) : elementDispatch(u[threads] ?? 0),
    tolerance: { atol: 2e-5, rtol: 1e-4 },
  };
}

export const layerNormForward = spec(
  'layerNormForward',
  {
    inputs: [f32('x'), f32('w'), f32('b')],
    outputs: [f32('y'), f32('mean'), f32('rstd')],
    uniforms: [...shape, { name: 'eps', type: 'f32' }],
  },
  layerNormForwardWgsl,
  'rows',
  layerNormForwardGroupWgsl,
);

export const layerNormBackward = spec(
  'layerNormBackward',
  {
    inputs: [f32('dy'), f32('x'), f32('w'), f32('mean'), f32('rstd')],
    outputs: [f32('dx')],
    uniforms: shape,
  },
  layerNormBackwardWgsl,
  'rows',
  layerNormBackwardGroupWgsl,
);

export const layerNormParamsBackward = spec(
  'layerNormParamsBackward',
  {
    inputs: [f32('dy'), f32('x'), f32('mean'), f32('rstd')],
    outputs: [f32('dw'), f32('db')],
    uniforms: shape,
  },
  layerNormParamsBackwardWgsl,
  'cols',
);
