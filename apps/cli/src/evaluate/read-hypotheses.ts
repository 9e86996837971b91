// Reads `--hypotheses FILE`: one output per line, in the order of the unique inputs. A final
// newline ends the last line (it does not add an empty one); empty lines inside are empty outputs.
// For E2E, a system-output TSV (`MR<TAB>output`, as the challenge distributed them) is read by
// @prefixkit/metrics, and its MRs let the caller check the order against the references. The
// format follows the content, not the name: a TSV saved as `.txt` would otherwise be scored with
// its MRs inside every hypothesis, and one stray tab in a plain E2E file means the same mix-up.
import { parseE2ESystemOutputs } from '@prefixkit/metrics';
import { readUtf8File } from '../data/read-utf8-file';
import { InputFormatError } from '../errors';

export interface Hypotheses {
  lines: string[];
  /** The inputs the file names next to each output (E2E TSV), when it has them. */
  inputs?: string[];
}

function splitLines(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, '\n');
  if (normalized === '') return [];
  const lines = normalized.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Reads hypotheses: an E2E `MR<TAB>output` TSV (by content) with its MRs, else one per line. */
export async function readHypotheses(file: string, task: string): Promise<Hypotheses> {
  const text = readUtf8File(file);
  const lines = splitLines(text);
  if (task !== 'e2e') return { lines };
  const firstLine = lines.find((line) => line.trim() !== '') ?? '';
  if (firstLine.includes('\t')) {
    const { mrs, outputs } = parseE2ESystemOutputs(text, file);
    return { lines: outputs, inputs: mrs };
  }
  const tabbed = lines.findIndex((line) => line.includes('\t'));
  if (tabbed !== -1)
    throw new InputFormatError(
      `${file}, line ${tabbed + 1}: expected one output per line without tabs (line 1 has none), got a tab; an E2E system-output TSV has "MR<TAB>output" on every line`,
    );
  return { lines };
}
