// Renders docs/kernels.md (docs/reference/STYLE.md: the kernel catalogue and the shape glossary) from
// `kernelSpecs`: bindings, uniforms, workgroup size and tolerance come from the specs
// themselves; what a spec cannot say (how its dispatch maps threads to work, which ops call it)
// is the table below. test/kernel-catalogue.test.ts keeps the committed file in step.
import type { KernelName } from '../src/kernels/kernel-names';
import type { KernelBinding, KernelSpec } from '../src/kernels/kernel-spec';
import { kernelSpecs } from '../src/kernels/kernel-specs';

export interface KernelDoc {
  /** How threads/workgroups map to work (the spec's dispatch function, in words). */
  readonly dispatch: string;
  /** The public ops (or optimiser methods) that run it. */
  readonly usedBy: string;
}

const element = 'thread per element';
const binary =
  'thread per output element (6-axis broadcast strides); per run of 64 on software adapters';
const rowDispatch =
  'thread per row; workgroup (64 lanes) per row with constant `workgroupPerRow` = 1 (`PREFIXKIT_ROW_KERNELS=workgroup`)';

/** Every kernel outside the matmul family (matmul kernels are described by `matmulDoc`). */
export const kernelDocs: Partial<Record<KernelName, KernelDoc>> = {
  affine: { dispatch: element, usedBy: '`affine`, `scale`, `neg`, and many backward rules' },
  exp: { dispatch: element, usedBy: '`exp`' },
  log: { dispatch: element, usedBy: '`log`' },
  sqrt: { dispatch: element, usedBy: '`sqrt`' },
  add: { dispatch: binary, usedBy: '`add` (and gradient accumulation)' },
  sub: { dispatch: binary, usedBy: '`sub`' },
  mul: { dispatch: binary, usedBy: '`mul`' },
  div: { dispatch: binary, usedBy: '`div`' },
  geluForward: { dispatch: element, usedBy: '`gelu` (tanh form, GPT-2 `gelu_new`)' },
  geluBackward: { dispatch: element, usedBy: '`gelu` backward' },
  geluExactForward: {
    dispatch: element,
    usedBy:
      "`gelu(x, { approximate: 'none' })` (erf form; WGSL erfc: Numerical Recipes `erfcc`, fractional error < 1.2e-7)",
  },
  geluExactBackward: { dispatch: element, usedBy: "`gelu(x, { approximate: 'none' })` backward" },
  tanhForward: { dispatch: element, usedBy: '`tanh`' },
  tanhBackward: { dispatch: element, usedBy: '`tanh` backward (from the output)' },
  reluForward: { dispatch: element, usedBy: '`relu`' },
  reluBackward: { dispatch: element, usedBy: '`relu` backward' },
  stridedCopy: {
    dispatch: 'thread per copied element, per run of 64 on software adapters (bit-exact u32)',
    usedBy:
      '`permute`, `transpose`, `slice`, `concat`, `expand`, `splitHeads`, `mergeHeads`, `attention` (cache concat) and their backwards',
  },
  sumAxis: {
    dispatch: 'thread per output; long sums in two passes over `chunk`-sized pieces',
    usedBy: '`sum`, `mean`, broadcast backwards (`sumTo`), `clipGradNorm` (squared)',
  },
  maskedSoftmaxForward: {
    dispatch: rowDispatch,
    usedBy: '`softmax`, `maskedSoftmax`, `attention`',
  },
  maskedSoftmaxBackward: { dispatch: rowDispatch, usedBy: 'their backward' },
  layerNormForward: { dispatch: `${rowDispatch} (saves mean, rstd)`, usedBy: '`layerNorm`' },
  layerNormBackward: { dispatch: rowDispatch, usedBy: '`layerNorm` backward (dx)' },
  layerNormParamsBackward: {
    dispatch: 'thread per column',
    usedBy: '`layerNorm` backward (dweight, dbias)',
  },
  layerNormLinear: {
    dispatch:
      'thread per 4 columns of every row; one subgroup per workgroup (statistics by subgroupAdd, x by subgroupBroadcast), else 64 lanes',
    usedBy: '`layerNormLinear` for a few rows of a small product without a graph (a decoding step)',
  },
  blockTail: {
    dispatch:
      'workgroup per row (32 lanes, each 4 columns at a time; h, LN(h) and the hidden layer in workgroup memory)',
    usedBy: '`blockTail` for up to 4 rows of small products without a graph (a decoding step)',
  },
  embeddingForward: { dispatch: element, usedBy: '`embedding`' },
  embeddingSum: {
    dispatch: element,
    usedBy: '`embeddingSum` without a graph (GPT-2 input embeddings)',
  },
  embeddingBackward: {
    dispatch: 'thread per column, ids walked in order (deterministic scatter-add)',
    usedBy: '`embedding` backward',
  },
  indexSelectForward: {
    dispatch: 'thread per output element (bit-exact u32)',
    usedBy: '`indexSelect`',
  },
  indexSelectBackward: {
    dispatch:
      'thread per (outer, inner) column, indices walked in order (deterministic scatter-add)',
    usedBy: '`indexSelect` backward',
  },
  crossEntropyForward: {
    dispatch: 'workgroup per row (online max/sum, shared-memory tree)',
    usedBy: '`crossEntropy`',
  },
  crossEntropyReduce: { dispatch: 'one workgroup', usedBy: "`crossEntropy` (`'mean'` / `'sum'`)" },
  crossEntropyBackward: { dispatch: element, usedBy: '`crossEntropy` backward' },
  dropout: { dispatch: element, usedBy: '`dropout` and its backward (same seed)' },
  maskedFillInt: { dispatch: element, usedBy: '`maskedFill` (i32)' },
  adamwStep: { dispatch: element, usedBy: '`AdamW.step`' },
  sgdStep: { dispatch: element, usedBy: '`SGD.step` (no momentum)' },
  sgdMomentumStep: { dispatch: element, usedBy: '`SGD.step` (momentum)' },
  clipScale: { dispatch: element, usedBy: '`clipGradNorm`' },
  argmaxRows: {
    dispatch: 'workgroup (64 lanes) per row; exclusions read only when a value would win',
    usedBy: '`argmaxRows` (greedy decoding on the device)',
  },
  beamCandidates: {
    dispatch:
      'workgroup (64 lanes) per prompt row: log-sum-exp per beam, per-lane top lists, one merge',
    usedBy: '`beamCandidates` (beam search on the device)',
  },
  decodeAttention: {
    dispatch:
      'workgroup (one subgroup, else 32 lanes) per (row, head): online softmax per lane, one combine',
    usedBy: '`attention` for one new token without a graph (a decoding step)',
  },
  qkvHeads: {
    dispatch: 'thread per position of key/value (its D values); new positions also write q',
    usedBy:
      '`qkvHeads` without a graph (GPT-2 attention in inference), `qkvAttention` for more than one new token',
  },
  decodeQkvAttention: {
    dispatch:
      'workgroup (one subgroup, else 32 lanes) per (row, head): copies the cache rows it visits, online softmax per lane, one combine',
    usedBy: '`qkvAttention` for one new token without a graph (a decoding step)',
  },
};

/** The matmul family lives with the WebGPU work (src/kernels/matmul); described generically. */
export function matmulDoc(name: string): KernelDoc {
  const tiles = 'register-blocked tiles of C, batches stacked in y';
  if (name === 'matmul') return { dispatch: tiles, usedBy: '`matmul`, `attention`' };
  if (name === 'matmulBias')
    return { dispatch: `${tiles}; + bias, activation`, usedBy: '`linear`' };
  if (name === 'matmulBiasResidual')
    return { dispatch: `${tiles}; + bias, activation, + residual`, usedBy: '`linear` (residual)' };
  if (name === 'matmulHalfB')
    return {
      dispatch: `${tiles}; B as binary16 pairs`,
      usedBy: '`matmulHalfTransposed` (the LM head of a float16 checkpoint)',
    };
  if (name === 'matmulHalfColumns')
    return {
      dispatch: 'thread per 8 columns of one row of C; W^T k-major as binary16',
      usedBy: "`matmulHalfTransposed` on one row (a decoding step's LM head)",
    };
  return { dispatch: 'see src/kernels/matmul', usedBy: 'benchmarks (readable specification)' };
}

export function docFor(name: string): KernelDoc | undefined {
  return name.startsWith('matmul') ? matmulDoc(name) : kernelDocs[name as KernelName];
}

const bindings = (list: readonly KernelBinding[]) =>
  list.map((binding) => `${binding.name}: ${binding.type}`).join(', ');

function cells(spec: KernelSpec): string[] {
  const doc = docFor(spec.name);
  const values = [
    `\`${spec.name}\``,
    bindings(spec.inputs),
    bindings(spec.outputs),
    spec.uniforms.map((uniform) => uniform.name).join(', ') || '—',
    spec.workgroupSize.join('×'),
    doc?.dispatch ?? '(undocumented)',
    `${spec.tolerance.atol} / ${spec.tolerance.rtol}`,
    doc?.usedBy ?? '(undocumented)',
  ];
  return values.map((cell) => cell.replaceAll('|', '\\|'));
}

/** A markdown table with padded columns, as the repository's formatter (biome) writes it. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((_, k) =>
    [header, ...rows].reduce((widest, cells) => Math.max(widest, cells[k]!.length), 3),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, k) => cell.padEnd(widths[k]!)).join(' | ')} |`;
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const GLOSSARY_ROWS: readonly (readonly string[])[] = [
  ['B', 'batch size (sequences per step; beams in beam search)', '—'],
  [
    'T',
    'sequence length of the current chunk (new tokens; 1 per step in cached decoding)',
    '≤ 1024',
  ],
  ['P', 'past length: prefix (prefix-tuning) and/or cached tokens before the chunk', '—'],
  ['C', 'channels, the model width (`n_embd`)', '768'],
  ['NH', 'number of attention heads (`n_head`)', '12'],
  ['HS', 'head size, C / NH', '64'],
  ['L', 'number of transformer layers (`n_layer`)', '12'],
  ['V', 'vocabulary size', '50257'],
  ['F', 'feed-forward (MLP) width, 4·C', '3072'],
];

const GLOSSARY = `## Shape glossary

The letters kernel headers and model code use for tensor dimensions (llm.c, nanoGPT):

${table(['letter', 'meaning', 'GPT-2 small'], GLOSSARY_ROWS)}

Inside kernels, the generic names \`rows\` × \`cols\` (row kernels), \`outer\` × \`reduce\`/\`n\` × \`inner\`
(axis kernels) and \`size\` (element-wise) describe the flattened views.
`;

/** docs/kernels.md, in full. */
export function renderKernelCatalogue(): string {
  const specs = Object.values(kernelSpecs) as KernelSpec[];
  return `<!-- Generated by packages/tensor/test/kernel-catalogue.ts — do not edit. Regenerate: cd packages/tensor && pnpm exec vitest run test/kernel-catalogue.test.ts --update -->
# Kernel catalogue

Every WGSL kernel of \`@prefixkit/tensor\` (\`kernelSpecs\`, ${specs.length} kernels). Each lives in
\`packages/tensor/src/kernels/<family>/\` with its WGSL, its \`KernelSpec\`, a plain-loop CPU reference
(also the CPU backend) and a conformance test against that reference on odd shapes.

- **inputs / outputs**: storage bindings in binding order (inputs read-only, then outputs
  read-write), \`name: element type\`; \`u32\` bindings copy f32 and i32 bit-exactly.
- **uniforms**: packed 4 bytes each, in order, into one uniform struct \`u\` after the storage bindings.
- **workgroup**: \`@workgroup_size\`; dispatches above 65535 workgroups are tiled into y.
- **tolerance**: \`atol / rtol\` of the conformance test, \`|gpu − reference| ≤ atol + rtol·|reference|\`.

${table(
  ['kernel', 'inputs', 'outputs', 'uniforms', 'workgroup', 'dispatch', 'tolerance', 'used by'],
  specs.map(cells),
)}

${GLOSSARY}`;
}
