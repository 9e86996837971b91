// The long pass on demand:
//   pnpm --filter @prefixkit/fuzz fuzz --cases 2500 --seed 7 [--target safetensors] [--json]
// runs `--cases` cases of each fuzzer (or of one), prints the counts per fuzzer and every
// distinct finding with the case number that reproduces it, and exits 1 if there was any.
import { parseArgs } from 'node:util';
import { caseOutcomes, type FuzzCounts } from './outcome';
import { runFuzzPass } from './supervise';
import { type FuzzTargetName, fuzzTargetNames } from './targets/index';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    target: { type: 'string', multiple: true },
    'spawn-every': { type: 'string', default: '250' },
    'hang-seconds': { type: 'string', default: '30' },
    json: { type: 'boolean', default: false },
  },
});
const targets = (values.target ?? fuzzTargetNames) as FuzzTargetName[];
for (const target of targets)
  if (!fuzzTargetNames.includes(target))
    throw new Error(`unknown --target ${target}; expected one of ${fuzzTargetNames.join(', ')}`);

const results: FuzzCounts[] = [];
for (const target of targets) {
  const started = Date.now();
  const result = await runFuzzPass({
    target,
    seed: Number(values.seed),
    cases: Number(values.cases),
    spawnEvery: Number(values['spawn-every']),
    hangSeconds: Number(values['hang-seconds']),
    onCase: (done, total) => {
      if (done % 500 === 0 || done === total) process.stderr.write(`${target}: ${done}/${total}\n`);
    },
  });
  results.push(result);
  process.stderr.write(`${target}: done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
else {
  const header = ['fuzzer', 'cases', ...caseOutcomes];
  const rows = results.map((r) => [
    r.target,
    String(r.cases),
    ...caseOutcomes.map((o) => String(r.counts[o])),
  ]);
  const widths = header.map((_, column) =>
    [header, ...rows].reduce((widest, row) => Math.max(widest, row[column]!.length), 0),
  );
  for (const row of [header, ...rows])
    process.stdout.write(`${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')}\n`);
  for (const result of results)
    for (const finding of result.findings)
      process.stdout.write(
        `${result.target} case ${finding.case} (seed ${result.seed}): ${finding.outcome}: ${finding.detail}\n`,
      );
}
const bad = results.some((r) => r.counts.crash + r.counts.hang + r.counts.invalid > 0);
process.exitCode = bad ? 1 : 0;
