import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OptionsSchema } from '../command';
import { readConfigFile } from './config-file';
import { resolveOptions } from './resolve-options';

const schema: OptionsSchema = {
  type: 'object',
  properties: {
    task: { type: 'string', description: 'The data set.', enum: ['e2e', 'webnlg'] },
    references: {
      type: 'string',
      description: 'References file.',
      'x-path': true,
      'x-placeholder': 'FILE',
    },
    beams: { type: 'integer', description: 'Beam width.', minimum: 1, default: 5 },
  },
  required: ['task', 'references'],
  additionalProperties: false,
};

function writeConfig(content: string): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'prefixkit-config-'));
  const path = join(dir, 'options.json');
  writeFileSync(path, content);
  return { dir, path };
}

function caught(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected an error');
}

describe('config files and overrides', () => {
  it('fills defaults, lets flags override the file, resolves paths against the file', () => {
    const { dir, path } = writeConfig(
      '{"command": "evaluate", "task": "webnlg", "references": "refs.xml", "beams": 3}',
    );
    const config = readConfigFile(path, 'evaluate', schema, '/');
    expect(config.values).toEqual({ task: 'webnlg', references: join(dir, 'refs.xml'), beams: 3 });
    expect(resolveOptions({ schema, cli: { beams: 8 }, config })).toEqual({
      task: 'webnlg',
      references: join(dir, 'refs.xml'),
      beams: 8,
    });
    expect(resolveOptions({ schema, cli: { task: 'e2e', references: 'r.csv' } }).beams).toBe(5);
  });

  it('names the file and the field of a bad config value', () => {
    const { path } = writeConfig('{"task": "e2e", "references": "r", "beams": 0}');
    const error = caught(() => readConfigFile(path, 'evaluate', schema, '/'));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(`${path}, field /beams: must be >= 1`);
  });

  it('names unknown fields with a suggestion, wrong commands, and broken JSON', () => {
    const unknown = writeConfig('{"taks": "e2e"}').path;
    expect(caught(() => readConfigFile(unknown, 'evaluate', schema, '/')).message).toBe(
      `${unknown}, field /taks: unknown option 'taks' (did you mean 'task'?)`,
    );
    const other = writeConfig('{"command": "train"}').path;
    expect(caught(() => readConfigFile(other, 'evaluate', schema, '/')).message).toMatch(
      /field \/command: is for command 'train'/,
    );
    const broken = writeConfig('{"task": ').path;
    expect(caught(() => readConfigFile(broken, 'evaluate', schema, '/')).message).toMatch(
      /options\.json: not valid JSON/,
    );
    const list = writeConfig('[1]').path;
    expect(caught(() => readConfigFile(list, 'evaluate', schema, '/')).message).toMatch(
      /must be a JSON object/,
    );
  });

  it('reports missing files and unknown presets as FILE_NOT_FOUND', () => {
    expect(caught(() => readConfigFile('nope/options.json', 'evaluate', schema, '/tmp')).code).toBe(
      'FILE_NOT_FOUND',
    );
    const preset = caught(() => readConfigFile('no-such-preset', 'evaluate', schema, '/tmp'));
    expect(preset.code).toBe('FILE_NOT_FOUND');
    expect(preset.message).toMatch(/preset 'no-such-preset': not found/);
  });

  it('reports a missing required option as a usage error with its flag and help text', () => {
    const error = caught(() => resolveOptions({ schema, cli: { task: 'e2e' } }));
    expect(error.code).toBe('CLI_MISSING_OPTION');
    expect(error.message).toBe(
      'missing --references FILE (References file.); pass it on the command line or in --config',
    );
  });
});
