// Model references: an existing folder, GPT-2's bare hub names and other hub ids, and the paths
// that name nothing (or a folder without config.json), refused with the path named.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileNotFoundError } from '@prefixkit/errors';
import { describe, expect, it } from 'vitest';
import { hubRepoId, resolveModelReference } from './model-reference.node.js';

describe('resolveModelReference', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'prefixkit-model-ref-'));
  mkdirSync(join(cwd, 'tiny'));
  writeFileSync(join(cwd, 'tiny', 'config.json'), '{}');
  mkdirSync(join(cwd, 'empty'));

  it('reads an existing folder with config.json, relative to cwd or absolute', () => {
    expect(resolveModelReference('tiny', cwd)).toEqual({ kind: 'folder', path: join(cwd, 'tiny') });
    expect(resolveModelReference(join(cwd, 'tiny'), '/')).toEqual({
      kind: 'folder',
      path: join(cwd, 'tiny'),
    });
  });

  it('maps bare GPT-2 names to openai-community and keeps other hub ids', () => {
    expect(resolveModelReference('gpt2-medium', cwd)).toEqual({
      kind: 'hub',
      repoId: 'openai-community/gpt2-medium',
    });
    expect(resolveModelReference('someone/tiny-gpt2', cwd)).toEqual({
      kind: 'hub',
      repoId: 'someone/tiny-gpt2',
    });
    expect(hubRepoId('distilgpt2')).toBe('openai-community/distilgpt2');
  });

  it('refuses paths that name nothing, and folders without config.json, naming them', () => {
    for (const reference of ['./missing', '/no/such/model', 'a/b/c']) {
      expect(() => resolveModelReference(reference, cwd)).toThrow(FileNotFoundError);
    }
    expect(() => resolveModelReference('./missing', cwd)).toThrow(/missing/);
    expect(() => resolveModelReference('empty', cwd)).toThrow(/empty\/config\.json/);
  });
});
