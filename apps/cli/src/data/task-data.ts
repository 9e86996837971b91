// Where a task's training pairs and evaluation inputs come from: the official files of E2E,
// WebNLG 2017, DART or XSUM in a folder (default: the shared data folder's <task>/), or a JSON
// Lines file of {"source", "target"} objects. Everything is read through @prefixkit/datasets,
// so linearisation and reference grouping are the paper's.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { dartSplitFile, type TextPair } from '@prefixkit/datasets';
import { FileNotFoundError, findJsonSyntaxProblem } from '@prefixkit/errors';
import { findSharedData } from '../doctor/find-paths';
import { InputFormatError } from '../errors';
import { repoRootGuess } from '../paths';
import { readUtf8File } from './read-utf8-file';

export const taskNames = ['e2e', 'webnlg', 'dart', 'xsum', 'jsonl'] as const;
export type TaskName = (typeof taskNames)[number];
export type SplitName = 'train' | 'dev' | 'test';

export interface DataLocation {
  task: TaskName;
  /** A folder of official files, or the JSONL file (task jsonl). */
  data?: string | undefined;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** The folder (or JSONL file) a task reads, with the default for each task. */
export function dataPath(location: DataLocation): string {
  if (location.data) {
    const path = resolve(location.cwd, location.data);
    if (!existsSync(path))
      throw new FileNotFoundError(path, `Check --data (the ${location.task} data).`);
    return path;
  }
  if (location.task === 'jsonl')
    throw new FileNotFoundError(
      '--data',
      'Task jsonl needs --data FILE.jsonl of {"source", "target"} lines.',
    );
  const shared = findSharedData(location.env, repoRootGuess);
  const path = join(shared.path, location.task);
  if (!existsSync(path))
    throw new FileNotFoundError(
      path,
      `Pass --data FOLDER with the official ${location.task} files, set PREFIXKIT_SHARED_DATA, or run prefixkit download --dataset ${location.task}.`,
    );
  return path;
}

/** Python's sorted() over the XML files of a WebNLG split folder (the order dev.json used). */
export function webnlgXmlFiles(folder: string, split: 'train' | 'dev'): string[] {
  const root = join(folder, split);
  if (!existsSync(root)) return [];
  const files: string[] = [];
  for (const size of readdirSync(root)) {
    const sub = join(root, size);
    if (!statSync(sub).isDirectory()) continue;
    for (const name of readdirSync(sub))
      if (name.endsWith('.xml'))
        files.push(relative(folder, join(sub, name)).split('\\').join('/'));
  }
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The format of a DART split in a folder: the paper's JSON, else the XML when only that is there
 * (DART's 2021 test revision is published as XML alone).
 */
export function dartFormat(folder: string, split: SplitName): 'json' | 'xml' {
  const has = (format: 'json' | 'xml') => existsSync(join(folder, dartSplitFile(split, format)));
  return !has('json') && has('xml') ? 'xml' : 'json';
}

/** Reads a JSONL file of {"source", "target"} objects; errors name the line and field. */
export function readJsonlPairs(path: string): TextPair[] {
  const pairs: TextPair[] = [];
  readUtf8File(path)
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        const problem = findJsonSyntaxProblem(line);
        throw new InputFormatError(
          `${path}, line ${index + 1}${problem ? `, column ${problem.column}: not valid JSON, expected ${problem.expected}, got ${problem.found}` : ': not valid JSON'}`,
        );
      }
      const record = value as Record<string, unknown>;
      for (const field of ['source', 'target'] as const)
        if (typeof record?.[field] !== 'string')
          throw new InputFormatError(
            `${path}, line ${index + 1}, field ${field}: expected a string, got ${JSON.stringify(record?.[field] ?? null)}`,
          );
      pairs.push({ source: record.source as string, target: record.target as string });
    });
  if (pairs.length === 0)
    throw new InputFormatError(`${path}: expected {"source", "target"} lines, got none`);
  return pairs;
}
