// A whole product with B read from uniform buffers, for lavapipe-variants.ts. On lavapipe a
// uniform-buffer load is a branch-free gather, where a storage load is a bounds-checked scalar
// load per float (docs/experiments/2026-11-26-lavapipe-matmul.md, "Where lavapipe spends
// the time"); but a uniform binding holds at most 64 KiB. So B is copied (on the host: this measures the kernel, not the copy) into tiles
// of `tileRows` x (16384 / tileRows) floats, one 64 KiB binding each, and C is accumulated over
// one dispatch per tile: C (+)= A[:, k tile] @ B tile. A stays in storage and is shared across
// the subgroup with subgroupBroadcast, as in the tuned kernel.

const LANES = 8;
const TILE_FLOATS = 16384;

const lines = (count: number, line: (index: number) => string) =>
  Array.from({ length: count }, (_, index) => line(index)).join('\n    ');

function tileWgsl(tileRows: number): string {
  const tileVec4Columns = TILE_FLOATS / tileRows / 4;
  const bRow = (t: number) => `bTile[(k4 * 4u + ${t}u) * ${tileVec4Columns}u + column]`;
  return `enable subgroups;
diagnostic(off, subgroup_uniformity);
struct Uniforms { M: u32, N: u32, K: u32, kStart: u32, nStart: u32, first: u32, pad0: u32, pad1: u32 }
@group(0) @binding(0) var<storage, read> a: array<vec4f>;
@group(0) @binding(1) var<uniform> bTile: array<vec4f, ${TILE_FLOATS / 4}>;
@group(0) @binding(2) var<storage, read_write> c: array<vec4f>;
@group(0) @binding(3) var<uniform> u: Uniforms;
@compute @workgroup_size(${LANES}, 2, 1)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u,
        @builtin(subgroup_invocation_id) lane: u32) {
  let kVec = u.K / 4u;
  let nVec = u.N / 4u;
  let column = wid.x * ${LANES}u + lid.x; // vec4 column within the tile
  let m0 = (wid.y * 2u + lid.y) * 16u;
  let aStart = u.kStart / 4u;
  ${lines(16, (i) => `var acc${i} = vec4f(0.0);`)}
  for (var k4 = 0u; k4 < ${tileRows / 4}u; k4++) {
    let b0 = ${bRow(0)}; let b1 = ${bRow(1)}; let b2 = ${bRow(2)}; let b3 = ${bRow(3)};
    let aLane0 = a[min(m0 + lane, u.M - 1u) * kVec + aStart + k4];
    let aLane1 = a[min(m0 + 8u + lane, u.M - 1u) * kVec + aStart + k4];
    ${lines(16, (i) => `{ let row = subgroupBroadcast(aLane${i >> 3}, ${i % 8}u); acc${i} += row.x * b0 + row.y * b1 + row.z * b2 + row.w * b3; }`)}
  }
  let outColumn = u.nStart / 4u + column;
  if (outColumn < nVec) {
    ${lines(16, (i) => `if (m0 + ${i}u < u.M) { let at = (m0 + ${i}u) * nVec + outColumn; c[at] = select(c[at], vec4f(0.0), u.first != 0u) + acc${i}; }`)}
  }
}`;
}

/** B (K, N) row-major as tiles of tileRows x tileColumns, tile (kt, nt) at index kt * nTiles + nt. */
function tilesOf(
  b: Float32Array,
  K: number,
  N: number,
  tileRows: number,
): Float32Array<ArrayBuffer> {
  const tileColumns = TILE_FLOATS / tileRows;
  const kTiles = K / tileRows;
  const nTiles = N / tileColumns;
  const tiles = new Float32Array(kTiles * nTiles * TILE_FLOATS);
  for (let kt = 0; kt < kTiles; kt++)
    for (let nt = 0; nt < nTiles; nt++)
      for (let row = 0; row < tileRows; row++) {
        const from = (kt * tileRows + row) * N + nt * tileColumns;
        tiles.set(
          b.subarray(from, from + tileColumns),
          (kt * nTiles + nt) * TILE_FLOATS + row * tileColumns,
        );
      }
  return tiles;
}

/**
 * Sets up C = A @ B through uniform tiles of B; `run` encodes and submits one dispatch per tile.
 * K must be a multiple of tileRows and N of 16384 / tileRows.
 */
export function uniformTilesProduct(
  device: GPUDevice,
  shape: { M: number; N: number; K: number },
  a: GPUBuffer,
  bValues: Float32Array,
  c: GPUBuffer,
  tileRows: number,
) {
  const { M, N, K } = shape;
  const tileColumns = TILE_FLOATS / tileRows;
  if (K % tileRows !== 0 || N % tileColumns !== 0)
    throw new Error(
      `uniform tiles of ${tileRows} x ${tileColumns} do not divide K = ${K}, N = ${N}`,
    );
  const tiles = tilesOf(bValues, K, N, tileRows);
  const tileBuffer = device.createBuffer({
    size: tiles.byteLength,
    usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
  });
  device.queue.writeBuffer(tileBuffer, 0, tiles);
  const module = device.createShaderModule({
    label: `uniform tiles ${tileRows}`,
    code: tileWgsl(tileRows),
  });
  const pipeline = device.createComputePipeline({
    layout: 'auto',
    compute: { module, entryPoint: 'main' },
  });
  const owned: GPUBuffer[] = [tileBuffer];
  const bindGroups: GPUBindGroup[] = [];
  const nTiles = N / tileColumns;
  for (let kt = 0; kt < K / tileRows; kt++)
    for (let nt = 0; nt < nTiles; nt++) {
      const uniforms = device.createBuffer({
        size: 32,
        usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
      });
      device.queue.writeBuffer(
        uniforms,
        0,
        new Uint32Array([M, N, K, kt * tileRows, nt * tileColumns, kt === 0 ? 1 : 0, 0, 0]),
      );
      owned.push(uniforms);
      bindGroups.push(
        device.createBindGroup({
          layout: pipeline.getBindGroupLayout(0),
          entries: [
            { binding: 0, resource: { buffer: a } },
            {
              binding: 1,
              resource: {
                buffer: tileBuffer,
                offset: (kt * nTiles + nt) * TILE_FLOATS * 4,
                size: TILE_FLOATS * 4,
              },
            },
            { binding: 2, resource: { buffer: c } },
            { binding: 3, resource: { buffer: uniforms } },
          ],
        }),
      );
    }
  return {
    dispatches: bindGroups.length,
    run(): void {
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass();
      pass.setPipeline(pipeline);
      for (const group of bindGroups) {
        pass.setBindGroup(0, group);
        pass.dispatchWorkgroups(tileColumns / (4 * LANES), Math.ceil(M / 32));
      }
      pass.end();
      device.queue.submit([encoder.finish()]);
    },
    destroy(): void {
      for (const buffer of owned) buffer.destroy();
    },
  };
}
