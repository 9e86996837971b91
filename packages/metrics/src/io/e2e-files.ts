// Parsing the E2E challenge's reference CSV and system-output TSV the way the official
// measure_scores.py run behind the published scores reads them (browser-safe: text in, data out).
import { MetricDataFormatError } from '../errors';
import { groupConsecutive, readSourceTextTable, readStrippedLines } from './delimited';

/** The test set grouped by MR, in file order: one reference group per unique MR. */
export function parseE2EReferences(
  text: string,
  file = 'references',
): { mrs: string[]; references: string[][] } {
  const { sources, texts } = readSourceTextTable(text, file);
  const { sources: mrs, groups } = groupConsecutive(sources, texts);
  return { mrs, references: groups };
}

/**
 * System outputs from an `MR<TAB>output` TSV (header optional). The output field is taken as
 * written: a field wrapped in double quotes keeps them, which is what reproduces the official
 * BLEU and NIST of `slug` (the quotes become tokens for mteval; PTB drops them for COCO metrics).
 * A file without tabs is read as one output per line.
 */
export function parseE2ESystemOutputs(
  text: string,
  file = 'outputs',
): { mrs: string[]; outputs: string[] } {
  const lines = readStrippedLines(text).filter((l) => l !== '');
  if (!(lines[0] ?? '').includes('\t')) return { mrs: [], outputs: lines };
  const mrs: string[] = [];
  const outputs: string[] = [];
  lines.forEach((line, index) => {
    const cut = line.indexOf('\t');
    if (cut < 0 || line.indexOf('\t', cut + 1) >= 0) {
      throw new MetricDataFormatError(file, index + 1, 'wrong number of columns', {
        expected: '2 (MR, output)',
        got: `${line.split('\t').length}`,
      });
    }
    const mr = line.slice(0, cut).replace(/^"(.*)"$/, '$1');
    if (index === 0 && /^mr$/i.test(mr)) return; // header
    mrs.push(mr);
    outputs.push(line.slice(cut + 1));
  });
  return { mrs, outputs };
}
