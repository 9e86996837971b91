// The matmul shapes of GPT-2 training that the benchmark times (B*T = 1024 rows): for each
// layer the forward product and the two backward ones, with the operand layouts the tensor ops
// use (weights stored (in, out) as in Hugging Face's Conv1D).
//   forward  y  = x @ W              (BT, C) @ (C, OC)
//   backward dx = dy @ W^T           (BT, OC) @ (C, OC)^T   -> transposeB
//   backward dW = x^T @ dy           (BT, C)^T @ (BT, OC)   -> transposeA

export interface MatmulShape {
  readonly name: string;
  readonly M: number;
  readonly N: number;
  readonly K: number;
  readonly transposeA: 0 | 1;
  readonly transposeB: 0 | 1;
}

function layerShapes(
  prefix: string,
  rows: number,
  inFeatures: number,
  outFeatures: number,
): MatmulShape[] {
  return [
    {
      name: `${prefix} forward`,
      M: rows,
      N: outFeatures,
      K: inFeatures,
      transposeA: 0,
      transposeB: 0,
    },
    {
      name: `${prefix} dx (B^T)`,
      M: rows,
      N: inFeatures,
      K: outFeatures,
      transposeA: 0,
      transposeB: 1,
    },
    {
      name: `${prefix} dW (A^T)`,
      M: inFeatures,
      N: outFeatures,
      K: rows,
      transposeA: 1,
      transposeB: 0,
    },
  ];
}

/** GPT-2 small's attention projection (768 -> 2304) and medium's MLP (1024 -> 4096). */
export const gpt2MatmulShapes: readonly MatmulShape[] = [
  ...layerShapes('gpt2-small c_attn 1024x768 @ 768x2304', 1024, 768, 2304),
  ...layerShapes('gpt2-medium c_fc 1024x1024 @ 1024x4096', 1024, 1024, 4096),
];

/**
 * B*T of the LM-head shapes: 1024 rows of logits (206 MB) exceed lavapipe's 128 MiB storage
 * binding limit, 512 rows (103 MB) fit.
 */
const ROWS = 512;

/**
 * The tied LM head of prefixkit-tiny (C = 128, V = 50257, B*T = ROWS), as ops/matmul.ts and
 * gpt2's tied-embedding.ts issue it: logits = h @ wte^T, dh = dlogits @ wte (K = V is not a
 * multiple of 4) and dwte = dlogits^T @ h (A transposed with M = V not a multiple of 4). About
 * 90% of the tiny model's FLOPs.
 */
export const lmHeadMatmulShapes: readonly MatmulShape[] = [
  {
    name: `tiny lm-head logits ${ROWS}x128 @ (50257x128)^T`,
    M: ROWS,
    N: 50257,
    K: 128,
    transposeA: 0,
    transposeB: 1,
  },
  {
    name: `tiny lm-head dh ${ROWS}x50257 @ 50257x128`,
    M: ROWS,
    N: 128,
    K: 50257,
    transposeA: 0,
    transposeB: 0,
  },
  {
    name: `tiny lm-head dwte (${ROWS}x50257)^T @ ${ROWS}x128`,
    M: 50257,
    N: 128,
    K: ROWS,
    transposeA: 1,
    transposeB: 0,
  },
];

/**
 * One decoding step of prefixkit-tiny: the LM head for one row and for 5 (one prompt, 5 beams),
 * the shapes that get the small tiles (matmulTileConstants).
 */
export const decodeMatmulShapes: readonly MatmulShape[] = [1, 5].map((rows) => ({
  name: `tiny decode logits ${rows}x128 @ (50257x128)^T`,
  M: rows,
  N: 50257,
  K: 128,
  transposeA: 0,
  transposeB: 1,
}));

/** Shape sets by `--set` name (default `all`). */
export const matmulShapeSets: Readonly<Record<string, readonly MatmulShape[]>> = {
  gpt2: gpt2MatmulShapes,
  'lm-head': lmHeadMatmulShapes,
  decode: decodeMatmulShapes,
  all: [...gpt2MatmulShapes, ...lmHeadMatmulShapes, ...decodeMatmulShapes],
};

/** A quick set for smoke runs (`--quick`). */
export const quickMatmulShapes: readonly MatmulShape[] = [
  { name: 'square 256', M: 256, N: 256, K: 256, transposeA: 0, transposeB: 0 },
  { name: 'square 256 (B^T)', M: 256, N: 256, K: 256, transposeA: 0, transposeB: 1 },
];

export function flopsOf(shape: MatmulShape): number {
  return 2 * shape.M * shape.N * shape.K;
}
