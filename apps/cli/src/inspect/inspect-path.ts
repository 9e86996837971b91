// Recognises what a path is and summarises it:
//   a safetensors file;
//   a prefix/adapter folder in PEFT's layout (adapter_config.json + adapter_model.safetensors);
//   a model folder in Hugging Face's layout (config.json + model.safetensors);
//   any other folder (a run folder: resolved config, JSONL log, plot, checkpoints), listed with
//   each entry recognised, one level of subfolders deep.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FileNotFoundError } from '@prefixkit/errors';
import { InputFormatError } from '../errors';
import { type SafetensorsSummary, summarizeSafetensors } from './summarize-safetensors';

export interface AdapterSummary {
  kind: 'adapter';
  path: string;
  /** adapter_config.json as written (PEFT's fields: peft_type, num_virtual_tokens, ...). */
  config: Record<string, unknown>;
  weights: SafetensorsSummary;
}

export interface ModelSummary {
  kind: 'model';
  path: string;
  config: Record<string, unknown>;
  weights: SafetensorsSummary;
}

export interface LogSummary {
  kind: 'log';
  path: string;
  records: number;
  /** The last record, parsed (the latest step). */
  last: unknown;
}

export interface FileSummary {
  kind: 'file';
  path: string;
  bytes: number;
}

export interface FolderSummary {
  kind: 'folder' | 'run';
  path: string;
  entries: Summary[];
}

export type Summary =
  | SafetensorsSummary
  | AdapterSummary
  | ModelSummary
  | LogSummary
  | FileSummary
  | FolderSummary;

function readJsonObject(path: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputFormatError(`${path}: not valid JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputFormatError(
      `${path}: expected a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`,
    );
  }
  return value as Record<string, unknown>;
}

function summarizeLog(path: string): LogSummary {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  let last: unknown = null;
  if (lines.length > 0) {
    try {
      last = JSON.parse(lines[lines.length - 1]!);
    } catch (error) {
      throw new InputFormatError(
        `${path}, line ${lines.length}: expected a JSON record, got '${lines.at(-1)!.slice(0, 40)}'`,
        { cause: error },
      );
    }
  }
  return { kind: 'log', path, records: lines.length, last };
}

async function summarizeFolder(path: string, depth: number): Promise<Summary> {
  const adapterConfig = join(path, 'adapter_config.json');
  if (existsSync(adapterConfig)) {
    const weights = join(path, 'adapter_model.safetensors');
    if (!existsSync(weights)) {
      throw new FileNotFoundError(
        weights,
        'A PEFT adapter folder needs adapter_model.safetensors beside adapter_config.json.',
      );
    }
    return {
      kind: 'adapter',
      path,
      config: readJsonObject(adapterConfig),
      weights: await summarizeSafetensors(weights),
    };
  }
  const modelWeights = join(path, 'model.safetensors');
  if (existsSync(join(path, 'config.json')) && existsSync(modelWeights)) {
    return {
      kind: 'model',
      path,
      config: readJsonObject(join(path, 'config.json')),
      weights: await summarizeSafetensors(modelWeights),
    };
  }
  const entries: Summary[] = [];
  for (const name of readdirSync(path).sort()) {
    const child = join(path, name);
    if (statSync(child).isDirectory()) {
      entries.push(
        depth > 0
          ? await summarizeFolder(child, depth - 1)
          : { kind: 'folder', path: child, entries: [] },
      );
    } else {
      entries.push(await summarizeFile(child));
    }
  }
  const isRun = entries.some(
    (entry) => entry.kind === 'log' || basename(entry.path) === 'checkpoints',
  );
  return { kind: isRun ? 'run' : 'folder', path, entries };
}

async function summarizeFile(path: string): Promise<Summary> {
  if (path.endsWith('.safetensors')) return summarizeSafetensors(path);
  if (path.endsWith('.jsonl')) return summarizeLog(path);
  return { kind: 'file', path, bytes: statSync(path).size };
}

/** Summarises `path`: a safetensors file, an adapter/model folder or a run folder. */
export async function inspectPath(path: string): Promise<Summary> {
  if (!existsSync(path)) {
    throw new FileNotFoundError(
      path,
      'Pass a .safetensors file, a prefix/adapter folder or a run folder.',
    );
  }
  if (statSync(path).isDirectory()) return summarizeFolder(path, 1);
  if (!path.endsWith('.safetensors')) {
    throw new InputFormatError(
      `${path}: expected a .safetensors file or a folder, got a file named ${basename(path)}`,
    );
  }
  return summarizeSafetensors(path);
}
