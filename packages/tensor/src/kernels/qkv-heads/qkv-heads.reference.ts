// CPU reference of qkvHeads: GPT-2's fused q|k|v projection [B, T, 3C] split into heads, with the
// keys and values of earlier positions (a prefix or the KV cache) in front:
//   q[b, h, t, d]     = qkv[b, t, h*D + d]
//   key[b, h, s, d]   = s < P ? pastKey[pb, h, s, d]   : qkv[b, s - P, C + h*D + d]
//   value[b, h, s, d] = s < P ? pastValue[pb, h, s, d] : qkv[b, s - P, 2C + h*D + d]
// with C = H*D, S = P + T, pb = b (a past of B rows) or 0 (one past shared by every row), or,
// with pastIndexed, pastRowOf[b] (any of the past's rows, clamped to the last).
// qkv [B*T*3C], pastKey, pastValue [pastRows*H*P*D] (unread when P = 0), pastRowOf [B] (read
// with pastIndexed) -> q [B*H*T*D], key, value [B*H*S*D].
import type { CpuKernel } from '../cpu-kernel';

export const qkvHeadsReference: CpuKernel = (
  [qkv, pastKey, pastValue, pastRowOf],
  [q, key, value],
  { batch = 0, heads = 0, tokens = 0, headSize = 0, past = 0, pastRows = 1, pastIndexed = 0 },
) => {
  const C = heads * headSize;
  const S = past + tokens;
  for (let b = 0; b < batch; b++) {
    const pb = pastIndexed === 1 ? Math.min(pastRowOf![b]!, pastRows - 1) : pastRows === 1 ? 0 : b;
    for (let h = 0; h < heads; h++) {
      for (let s = 0; s < S; s++) {
        for (let d = 0; d < headSize; d++) {
          const out = ((b * heads + h) * S + s) * headSize + d;
          if (s < past) {
            const at = ((pb * heads + h) * past + s) * headSize + d;
            key![out] = pastKey![at]!;
            value![out] = pastValue![at]!;
            continue;
          }
          const t = s - past;
          const row = (b * tokens + t) * 3 * C + h * headSize + d;
          key![out] = qkv![row + C]!;
          value![out] = qkv![row + 2 * C]!;
          q![((b * heads + h) * tokens + t) * headSize + d] = qkv![row]!;
        }
      }
    }
  }
};
