import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalPath, refuseOutputOverInputs } from './output-target';

const root = mkdtempSync(join(tmpdir(), 'prefixkit-output-target-'));
const model = join(root, 'model');
mkdirSync(model);
symlinkSync(model, join(root, 'alias'));
const inputs = [{ flag: '--model', path: model }];
const refused = (path: string, clears = false) => {
  try {
    refuseOutputOverInputs({ flag: '--output', path, clears }, inputs);
    return false;
  } catch (error) {
    expect(error).toMatchObject({ code: 'OUTPUT_IS_INPUT' });
    return true;
  }
};

describe('refuseOutputOverInputs', () => {
  it('sees through links and `..`, also for paths that do not exist yet', () => {
    expect(canonicalPath(join(root, 'alias', 'new', 'file'))).toBe(
      join(canonicalPath(model), 'new', 'file'),
    );
    expect(refused(join(root, 'alias', 'config.json'))).toBe(true);
    expect(refused(join(root, 'other', '..', 'model', 'x.txt'))).toBe(true);
    expect(refused(model)).toBe(true);
  });

  it('allows siblings (model2 is not inside model) and parents unless the output may be cleared', () => {
    expect(refused(join(root, 'model2', 'out.txt'))).toBe(false);
    expect(refused(join(root, 'out.txt'))).toBe(false);
    expect(refused(root)).toBe(false);
    expect(refused(root, true)).toBe(true);
  });
});
