// Prints the README's comparison table from a document written by compare.ts.
//   pnpm --filter @prefixkit/benchmarks bench:compare-table results/compare-llvmpipe-2cpu.json
import { readFileSync } from 'node:fs';
import { markdownTable, type TableCase } from './markdown-table';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: print-table.ts FILE (a document written by bench:compare)\n');
  process.exitCode = 2;
} else {
  const document = JSON.parse(readFileSync(file, 'utf8')) as { cases: TableCase[] };
  process.stdout.write(markdownTable(document.cases));
}
