// CPU reference of maskedFill on i32 tensors (torch.Tensor.masked_fill): where mask != 0 the
// output is `value`, elsewhere x. Used to turn padding into ignore labels (-100) on the device.
// x [size] i32, mask [size] i32 -> out [size] i32
import type { CpuKernel } from '../cpu-kernel';

export const maskedFillIntReference: CpuKernel = ([x, mask], [out], { size = 0, value = 0 }) => {
  for (let i = 0; i < size; i++) out![i] = mask![i]! !== 0 ? value : x![i]!;
};
