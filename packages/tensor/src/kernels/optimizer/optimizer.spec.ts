// KernelSpecs of the fused optimiser updates (all in place over `size` elements).
// adamwStep:       g [size] -> p, m, v [size] updated
// sgdStep:         g [size] -> p [size] updated
// sgdMomentumStep: g [size] -> p, buf [size] updated
// clipScale:       sumSquares [count] -> g [size] scaled
import type { KernelSpec, KernelUniform } from '../kernel-spec';
import {
  declareBindings,
  elementDispatch,
  type KernelInterface,
  MAIN_1D,
  WORKGROUP_SIZE,
} from '../wgsl';
import { adamwStepWgsl, clipScaleWgsl, sgdMomentumStepWgsl, sgdStepWgsl } from './optimizer.wgsl';

const f32 = (name: string) => ({ name, type: 'f32' }) as const;
const size: KernelUniform = { name: 'size', type: 'u32' };
const floats = (...names: string[]): KernelUniform[] =>
  names.map((name) => ({ name, type: 'f32' }));

function inPlaceSpec(name: string, kernel: KernelInterface, body: string): KernelSpec {
  const code = `${declareBindings(kernel)}
${MAIN_1D}
  if (i >= u.size) { return; }
  ${body}
}
`;
  return {
    name,
    ...kernel,
    wgsl: () => code,
    workgroupSize: [WORKGROUP_SIZE, 1, 1],
    dispatch: (u) => elementDispatch(u.size ?? 0),
    tolerance: { atol: 1e-6, rtol: 1e-5 },
  };
}

export const adamwStep = inPlaceSpec(
  'adamwStep',
  {
    inputs: [f32('g')],
    outputs: [f32('p'), f32('m'), f32('v')],
    uniforms: [
      size,
      ...floats(
        'decay',
        'beta1',
        'oneMinusBeta1',
        'beta2',
        'oneMinusBeta2',
        'stepSize',
        'bc2Sqrt',
        'eps',
      ),
    ],
  },
  adamwStepWgsl,
);

export const sgdStep = inPlaceSpec(
  'sgdStep',
  { inputs: [f32('g')], outputs: [f32('p')], uniforms: [size, ...floats('lr', 'weightDecay')] },
  sgdStepWgsl,
);

export const sgdMomentumStep = inPlaceSpec(
  'sgdMomentumStep',
  {
    inputs: [f32('g')],
    outputs: [f32('p'), f32('buf')],
    uniforms: [
      size,
      ...floats('lr', 'weightDecay', 'momentum', 'dampening'),
      { name: 'first', type: 'u32' },
    ],
  },
  sgdMomentumStepWgsl,
);

export const clipScale = inPlaceSpec(
  'clipScale',
  {
    inputs: [f32('sumSquares')],
    outputs: [f32('g')],
    uniforms: [size, { name: 'count', type: 'u32' }, ...floats('maxNorm')],
  },
  clipScaleWgsl,
);
