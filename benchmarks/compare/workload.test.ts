import { describe, expect, it } from 'vitest';
import { prompts, trainingRows } from './workload';

describe('workload', () => {
  it('gives the same distinct prompts every time, below the end-of-text id', () => {
    const rows = prompts(8, 16, 50257);
    expect(prompts(8, 16, 50257)).toEqual(rows);
    expect(new Set(rows.map((row) => row.join())).size).toBe(8);
    for (const row of rows) {
      expect(row).toHaveLength(16);
      for (const id of row) expect(id >= 0 && id < 50256).toBe(true);
    }
  });

  it('closes each training source with the separator and counts loss only after it', () => {
    const { ids, labels } = trainingRows(2, 8, 100);
    for (const [row, rowIds] of ids.entries()) {
      expect(rowIds[3]).toBe(99);
      expect(labels[row]?.slice(0, 4)).toEqual([-100, -100, -100, -100]);
      expect(labels[row]?.slice(4)).toEqual(rowIds.slice(4));
      expect(rowIds.filter((id) => id === 99)).toHaveLength(1);
    }
  });
});
