// Workgroup-per-row building blocks (llm.c's block-per-row softmax/layernorm kernels): each of
// the WORKGROUP_SIZE lanes strides over the row's columns, then the lanes combine their partial
// results through a shared-memory tree. Call row_sum/row_max from uniform control flow only
// (they contain barriers). Faster than one thread per row on real GPUs, where a row is then
// read by 64 lanes in coalesced steps; on lavapipe the barriers cost more than they save, so
// the thread-per-row kernels stay the default (see ROW_KERNEL_CONSTANT).
import { WORKGROUP_SIZE } from './wgsl';

/** The specialisation constant that picks the workgroup-per-row variant of a row kernel (1). */
export const ROW_KERNEL_CONSTANT = 'workgroupPerRow';

/** Whether a call's constants ask for the workgroup-per-row variant. */
export function workgroupPerRow(constants: Readonly<Record<string, number>>): boolean {
  return constants[ROW_KERNEL_CONSTANT] === 1;
}

/** Loop header over this lane's columns of the row: `for (var c = lid; c < cols; c += lanes)`. */
export function laneLoop(variable: string, limit: string): string {
  return `for (var ${variable} = lid; ${variable} < ${limit}; ${variable} = ${variable} + ${WORKGROUP_SIZE}u)`;
}

/** Shared scratch plus row_sum / row_max over the workgroup's lanes. */
export const ROW_REDUCE_WGSL = `var<workgroup> row_scratch: array<f32, ${WORKGROUP_SIZE}>;
fn row_sum(lid: u32, value: f32) -> f32 {
  row_scratch[lid] = value;
  workgroupBarrier();
  for (var s = ${WORKGROUP_SIZE / 2}u; s > 0u; s = s >> 1u) {
    if (lid < s) { row_scratch[lid] = row_scratch[lid] + row_scratch[lid + s]; }
    workgroupBarrier();
  }
  let total = row_scratch[0];
  workgroupBarrier();
  return total;
}
fn row_max(lid: u32, value: f32) -> f32 {
  row_scratch[lid] = value;
  workgroupBarrier();
  for (var s = ${WORKGROUP_SIZE / 2}u; s > 0u; s = s >> 1u) {
    if (lid < s) { row_scratch[lid] = max(row_scratch[lid], row_scratch[lid + s]); }
    workgroupBarrier();
  }
  let best = row_scratch[0];
  workgroupBarrier();
  return best;
}`;
