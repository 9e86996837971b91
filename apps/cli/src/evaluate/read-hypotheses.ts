// Reads `--hypotheses FILE`: one output per line, in the order of the unique inputs. A final
// newline ends the last line (it does not add an empty one); empty lines inside are empty outputs.
// For E2E, a system-output TSV (`MR<TAB>output`, as the challenge distributed them) is read by
// @prefixkit/metrics, and its MRs let the caller check the order against the references.
import { readFileSync } from 'node:fs';
import { readE2ESystemOutputs } from '@prefixkit/metrics/node';

export interface Hypotheses {
  lines: string[];
  /** The inputs the file names next to each output (E2E TSV), when it has them. */
  inputs?: string[];
}

/** The lines of a plain hypotheses file. */
export function readHypothesisLines(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Reads hypotheses: an E2E `.tsv` with its MRs, otherwise one output per line. */
export async function readHypotheses(file: string, task: string): Promise<Hypotheses> {
  if (task === 'e2e' && file.toLowerCase().endsWith('.tsv')) {
    const { mrs, outputs } = await readE2ESystemOutputs(file);
    return mrs.length > 0 ? { lines: outputs, inputs: mrs } : { lines: outputs };
  }
  return { lines: readHypothesisLines(file) };
}
