// Reads `--references FILE` into one list of references per unique input, in first-appearance
// order (the order the hypotheses file must follow). The format follows the file:
//   .csv          the E2E CSV (`mr,ref`): rows grouped by MR, read as the official script
//                 reads it (@prefixkit/metrics)                         (task e2e)
//   .xml          WebNLG 2017 XML, or DART's XML with --task dart       (task webnlg, dart)
//   .json         WebNLG JSON, or DART JSON with --task dart            (task webnlg, dart)
//   anything else a multi-reference text file: one input's references on consecutive lines,
//                 a blank line between inputs (any task; xsum always uses it).
// WebNLG and DART parsing and grouping are @prefixkit/datasets' readers and reference grouping.

import { extname } from 'node:path';
import {
  dartReferenceGroups,
  readDartJson,
  readDartXml,
  readWebNLG,
  readWebNLGJson,
  webnlgReferenceGroups,
} from '@prefixkit/datasets';
import { readTextFile } from '@prefixkit/datasets/node';
import { readE2EReferences } from '@prefixkit/metrics/node';
import { readUtf8File } from '../data/read-utf8-file';
import { InputFormatError } from '../errors';
import type { EvaluateTask } from './task-metrics';

export interface ReferenceSet {
  /** How the file was read: `e2e-csv`, `webnlg-xml`, `multi-reference-text`, ... */
  format: string;
  /** references[i] = every reference of the i-th unique input. */
  references: string[][];
  /** The unique inputs as the file writes them (E2E MRs), when the format has them. */
  inputs?: string[];
  /** Each input's category (WebNLG XML or JSON), which decides the official test subsets. */
  categories?: (string | undefined)[];
}

/** Splits a multi-reference text file into groups: blank lines separate inputs. */
export function parseMultiReferenceText(text: string, file: string): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      if (current.length > 0) groups.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) groups.push(current);
  if (groups.length === 0) {
    throw new InputFormatError(
      `${file}: expected references (one input's references per block, blocks separated by a blank line), got an empty file`,
    );
  }
  return groups;
}

function wrongTask(file: string, format: string, task: EvaluateTask): InputFormatError {
  return new InputFormatError(
    `${file}: a ${format} file cannot hold --task ${task} references; pass a multi-reference text file (blank line between inputs) or the task's official file`,
  );
}

/** Reads the references for `task` from `file`. */
export async function readReferences(file: string, task: EvaluateTask): Promise<ReferenceSet> {
  const extension = extname(file).toLowerCase();
  const options = { file };
  if (extension === '.csv') {
    if (task !== 'e2e') throw wrongTask(file, 'CSV', task);
    const { mrs, references } = await readE2EReferences(file);
    return { format: 'e2e-csv', references, inputs: mrs };
  }
  if (extension === '.xml' || extension === '.json') {
    const kind = extension.slice(1);
    if (task === 'webnlg') {
      const entries =
        kind === 'xml'
          ? readWebNLG(readTextFile(file), options)
          : readWebNLGJson(readTextFile(file), options);
      const groups = await webnlgReferenceGroups(entries);
      return {
        format: `webnlg-${kind}`,
        references: groups.map((group) => group.references),
        categories: groups.map((group) => group.category),
      };
    }
    if (task === 'dart') {
      const entries =
        kind === 'xml'
          ? readDartXml(readTextFile(file), options)
          : readDartJson(readTextFile(file), options);
      const groups = await dartReferenceGroups(entries);
      return { format: `dart-${kind}`, references: groups.map((group) => group.references) };
    }
    throw wrongTask(file, kind.toUpperCase(), task);
  }
  return {
    format: 'multi-reference-text',
    references: parseMultiReferenceText(readUtf8File(file), file),
  };
}
