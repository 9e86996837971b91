// `prefixkit evaluate`, run as a real process: five E2E challenge systems against their official
// scores (the shared data, or the two committed in @prefixkit/metrics' fixtures), the shared
// WebNLG test set, hand-checkable ROUGE, and every kind of bad input.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsv, webnlgUnseenCategories } from '@prefixkit/datasets';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  availableE2ESystems,
  E2E_OUTPUTS,
  E2E_REFERENCES,
  officialE2EScores,
} from '../../../packages/metrics/test/official-e2e-scores';
import type { EvaluateResult } from '../src/commands/evaluate';
import { readReferences } from '../src/evaluate/read-references';
import { parseJsonOutput, runInProcess, runPrefixkit } from './run-cli';

const fixtures = fileURLToPath(new URL('../../../packages/metrics/fixtures/e2e/', import.meta.url));
const webnlg = fileURLToPath(new URL('../../../../shared/data/webnlg/', import.meta.url));
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

let dir: string;

/** The outputs column of a system-output TSV, one per line, as a plain hypotheses file. */
function plainOutputs(system: string): string {
  const lines = readFileSync(join(fixtures, `${system}.tsv`), 'utf8')
    .trimEnd()
    .split('\n')
    .slice(1);
  const path = join(dir, `${system}.txt`);
  writeFileSync(path, `${lines.map((line) => line.slice(line.indexOf('\t') + 1)).join('\n')}\n`);
  return path;
}

/** The E2E references CSV rewritten as a multi-reference text file (blank line between MRs). */
async function multiReferenceFile(): Promise<string> {
  const groups: string[][] = [];
  let previous: string | undefined;
  for await (const row of readCsv(readFileSync(join(fixtures, 'testset_w_refs.csv'), 'utf8'))) {
    const [mr, ref] = row.fields as [string, string];
    if (row.line === 1) continue;
    if (mr !== previous) groups.push([]);
    groups.at(-1)!.push(ref);
    previous = mr;
  }
  const path = join(dir, 'e2e-references.txt');
  writeFileSync(path, `${groups.map((group) => group.join('\n')).join('\n\n')}\n`);
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'prefixkit-evaluate-'));
});

describe.concurrent('prefixkit evaluate on the E2E systems', () => {
  const official = officialE2EScores();
  for (const system of availableE2ESystems()) {
    it(`gives ${system} the official scores on all five metrics from its TSV and the CSV`, async () => {
      const run = await runPrefixkit([
        'evaluate',
        '--task=e2e',
        '--hypotheses',
        join(E2E_OUTPUTS, `${system}.tsv`),
        '--references',
        E2E_REFERENCES,
        '--json',
      ]);
      expect(run.code).toBe(0);
      const output = parseJsonOutput(run);
      expect(output).toMatchObject({ ok: true, command: 'evaluate' });
      const result = output.result as EvaluateResult;
      expect(result).toMatchObject({ task: 'e2e', inputs: 630, referenceFormat: 'e2e-csv' });
      // As e2e-metrics measure_scores.py printed them ('%.4f'; BLEU on 0-1, METEOR without
      // paraphrase table), keyed by the labels it prints.
      const printed = Object.fromEntries(
        Object.values(result.scores).map((score) => [score!.label, score!.score.toFixed(4)]),
      );
      expect(printed).toEqual(official[system]);
      expect(Object.keys(result.scores)).toEqual(['bleu', 'nist', 'meteor', 'rouge-l', 'cider']);
      expect(result.scores.meteor!.signature).toMatch(/paraphrase\(none\)\|.*\|tok:ptb-coco$/);
      expect(result.scores.bleu).toMatchObject({ label: 'BLEU', scale: '0-1' });
      expect(result.scores.bleu!.segments).toBeUndefined();
    });
  }

  it('gives slug its official scores from plain lines and a multi-reference text file', async () => {
    const run = await runPrefixkit([
      'evaluate',
      '--config',
      'e2e-official',
      '--hypotheses',
      plainOutputs('slug'),
      '--references',
      await multiReferenceFile(),
      '--metrics',
      'bleu,nist',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^e2e: 630 inputs; references .*e2e-references\.txt \(multi-reference-text\)$/m,
    );
    expect(run.stderr).toMatch(/^BLEU +0\.6616 +BLEU\|/m);
    expect(run.stderr).toMatch(/^NIST +8\.5993 +NIST\|/m);
    expect(run.stderr).not.toMatch(/ROUGE_L|CIDEr/);
  });
});

describe
  .skipIf(!existsSync(join(webnlg, 'test', 'testdata_with_lex.xml')))
  .concurrent('prefixkit evaluate on WebNLG', () => {
    it("scores the official XML: BLEU on multi-bleu.perl's 0-100 scale, tercom TER", async () => {
      const run = await runPrefixkit([
        'evaluate',
        '--task',
        'webnlg',
        '--hypotheses',
        join(webnlg, 'system-outputs', 'webnlg-triples-reversed.txt'),
        '--references',
        join(webnlg, 'test', 'testdata_with_lex.xml'),
        '--json',
        '--segments',
        '--metrics=bleu,ter',
      ]);
      expect(run.code).toBe(0);
      const result = parseJsonOutput(run).result as EvaluateResult;
      expect(result.inputs).toBe(1862);
      // webnlg/system-outputs/SOURCE.md: multi-bleu.perl -lc, all categories, BLEU = 24.04,
      // tercom 0.7.25 TER = 0.6907775490177205.
      expect(round(result.scores.bleu!.score, 2)).toBe(24.04);
      expect(result.scores.ter!.score).toBeCloseTo(0.6907775490177205, 12);
      expect(result.scores.bleu!.scale).toBe('0-100');
      expect(result.scores.bleu!.segments).toHaveLength(1862);
    });

    // webnlg/system-outputs/SOURCE.md: the official seen (old-cat) and unseen (new-cat) scores.
    const officialSubsets = [
      ['webnlg-triples-reversed', [25.91, 0.6886210523323575], [21.42, 0.693324604033943]],
      ['webnlg-lastlex-drop30', [49.03, 0.3006907530060548], [49.04, 0.3018658877445671]],
    ] as const;
    for (const [system, seen, unseen] of officialSubsets) {
      it(`--subsets gives ${system} the official seen and unseen BLEU and TER`, async () => {
        const run = await runPrefixkit([
          'evaluate',
          '--task',
          'webnlg',
          '--hypotheses',
          join(webnlg, 'system-outputs', `${system}.txt`),
          '--references',
          join(webnlg, 'test', 'testdata_with_lex.xml'),
          '--json',
          '--subsets',
          '--metrics=bleu,ter',
        ]);
        expect(run.code, run.stderr).toBe(0);
        const { subsets, inputs } = parseJsonOutput(run).result as EvaluateResult;
        expect(inputs).toBe(1862);
        expect([subsets!.seen.inputs, subsets!.unseen.inputs]).toEqual([971, 891]);
        for (const [subset, [bleu, ter]] of [
          [subsets!.seen, seen],
          [subsets!.unseen, unseen],
        ] as const) {
          expect(round(subset.scores.bleu!.score, 2)).toBe(bleu);
          expect(subset.scores.ter!.score).toBeCloseTo(ter, 12);
        }
      });
    }
  });

describe.concurrent('prefixkit evaluate --max-inputs and --subsets', () => {
  const webnlgSample = fileURLToPath(
    new URL(
      '../../../packages/datasets/fixtures/webnlg/test/testdata_with_lex.xml',
      import.meta.url,
    ),
  );

  it('--max-inputs N scores the first N inputs, as a references file of just those would', async () => {
    const hypotheses = join(dir, 'first-three.txt');
    const outputs = readFileSync(plainOutputs('tgen'), 'utf8').split('\n').slice(0, 3);
    writeFileSync(hypotheses, `${outputs.join('\n')}\n`);
    const blocks = readFileSync(await multiReferenceFile(), 'utf8')
      .split('\n\n')
      .slice(0, 3);
    const references = join(dir, 'first-three-references.txt');
    writeFileSync(references, `${blocks.join('\n\n')}\n`);
    const args = ['evaluate', '--task', 'e2e', '--hypotheses', hypotheses, '--json'];
    const cut = await runInProcess([
      ...args,
      '--references',
      join(fixtures, 'testset_w_refs.csv'),
      '--max-inputs',
      '3',
    ]);
    const alone = await runInProcess([...args, '--references', references]);
    expect(cut.code, cut.stderr).toBe(0);
    const scores = (parseJsonOutput(cut).result as EvaluateResult).scores;
    expect(scores).toEqual((parseJsonOutput(alone).result as EvaluateResult).scores);
    expect((parseJsonOutput(cut).result as EvaluateResult).inputs).toBe(3);

    const tooMany = await runInProcess([
      ...args,
      '--references',
      join(fixtures, 'testset_w_refs.csv'),
      '--max-inputs',
      '2',
    ]);
    expect(tooMany.code).toBe(5);
    expect(tooMany.stderr).toMatch(/has 2 unique inputs \(its first ones, --max-inputs 2\)/);
  });

  it('--subsets on the WebNLG sample: seen and unseen counts and a table on stderr', async () => {
    const hypotheses = join(dir, 'webnlg-sample.txt');
    writeFileSync(hypotheses, `${Array.from({ length: 30 }, () => 'a text .').join('\n')}\n`);
    const run = await runInProcess([
      'evaluate',
      '--task',
      'webnlg',
      '--hypotheses',
      hypotheses,
      '--references',
      webnlgSample,
      '--subsets',
      '--metrics',
      'bleu,ter',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^official subsets \(inputs\): seen 20, unseen 10, all 30$/m);
    expect(run.stderr).toMatch(/^ +seen +unseen +all$/m);
    expect(run.stderr).toMatch(/^TER +\d\.\d{4} +\d\.\d{4} +\d\.\d{4}$/m);
  });

  it('--every K scores every K-th input, as a references file of just those would, and splits them by category', async () => {
    const all = await readReferences(webnlgSample, 'webnlg');
    const kept = all.references.filter((_, position) => position % 3 === 0);
    const keptCategories = all.categories!.filter((_, position) => position % 3 === 0);
    const unseen = keptCategories.filter((category) =>
      (webnlgUnseenCategories as readonly (string | undefined)[]).includes(category),
    ).length;
    expect(unseen).toBeGreaterThan(0);
    expect(unseen).toBeLessThan(kept.length);
    const references = join(dir, 'webnlg-every-third.txt');
    writeFileSync(references, `${kept.map((group) => group.join('\n')).join('\n\n')}\n`);
    const hypotheses = join(dir, 'webnlg-every-third-outputs.txt');
    writeFileSync(
      hypotheses,
      `${kept.map((group) => group[0]!.split(' ').slice(0, 5).join(' ')).join('\n')}\n`,
    );
    const args = [
      'evaluate',
      '--task',
      'webnlg',
      '--hypotheses',
      hypotheses,
      '--metrics',
      'bleu,ter',
      '--json',
    ];
    const spread = await runInProcess([
      ...args,
      '--references',
      webnlgSample,
      '--every',
      '3',
      '--subsets',
    ]);
    const alone = await runInProcess([...args, '--references', references]);
    expect(spread.code, spread.stderr).toBe(0);
    const result = parseJsonOutput(spread).result as EvaluateResult;
    expect(result.inputs).toBe(kept.length);
    expect(result.scores).toEqual((parseJsonOutput(alone).result as EvaluateResult).scores);
    expect(result.subsets!.unseen.inputs).toBe(unseen);
    expect(result.subsets!.seen.inputs).toBe(kept.length - unseen);

    const cut = await runInProcess([
      ...args,
      '--references',
      webnlgSample,
      '--every',
      '3',
      '--max-inputs',
      String(kept.length - 1),
    ]);
    expect(cut.code).toBe(5);
    expect(cut.stderr).toContain(
      `has ${kept.length - 1} unique inputs (every 3rd, its first ${kept.length - 1}, --every 3 --max-inputs ${kept.length - 1})`,
    );
  });

  it('refuses --subsets for a task without subsets, and for references without categories', async () => {
    const e2e = await runInProcess([
      'evaluate',
      '--task',
      'e2e',
      '--hypotheses',
      plainOutputs('tgen'),
      '--references',
      join(fixtures, 'testset_w_refs.csv'),
      '--subsets',
    ]);
    expect(e2e.code).toBe(2);
    expect(e2e.stderr).toMatch(/--subsets: --task e2e has no official test subsets/);
    const text = join(dir, 'webnlg-refs.txt');
    writeFileSync(text, 'a\n\nb\n');
    const hypotheses = join(dir, 'two-lines.txt');
    writeFileSync(hypotheses, 'a\nb\n');
    const plain = await runInProcess([
      'evaluate',
      '--task',
      'webnlg',
      '--hypotheses',
      hypotheses,
      '--references',
      text,
      '--subsets',
    ]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/does not name each input's category; pass the WebNLG test XML/);
  });
});

describe.concurrent('prefixkit evaluate: ROUGE and bad input', () => {
  it('computes ROUGE for xsum from a multi-reference file (checked by hand)', async () => {
    const hypotheses = join(dir, 'xsum-hyp.txt');
    const references = join(dir, 'xsum-refs.txt');
    writeFileSync(hypotheses, 'the cat sat\na dog ran off\n');
    // Input 1: one reference; input 2: two, the second a perfect match.
    writeFileSync(references, 'the cat sat on the mat\n\na bird flew\na dog ran off\n');
    const run = await runInProcess([
      'evaluate',
      '--task',
      'xsum',
      '--hypotheses',
      hypotheses,
      '--references',
      references,
      '--json',
    ]);
    expect(run.code).toBe(0);
    const scores = (parseJsonOutput(run).result as EvaluateResult).scores;
    // rouge1 input 1: P 3/3, R 3/6, F 2/3; input 2: F 1. Mean 5/6.
    expect(scores['rouge-1']!.score).toBeCloseTo(5 / 6, 12);
    // rouge2 input 1: bigrams 'the cat','cat sat' both in the reference: P 1, R 2/5, F 4/7.
    expect(scores['rouge-2']!.score).toBeCloseTo((4 / 7 + 1) / 2, 12);
    expect(scores['rouge-l']!.score).toBeCloseTo(5 / 6, 12);
  });

  it('names both files and both counts when hypotheses and references do not line up', async () => {
    const hypotheses = join(dir, 'two.txt');
    const references = join(dir, 'three-inputs.txt');
    writeFileSync(hypotheses, 'one\ntwo\n');
    writeFileSync(references, 'a\n\nb\nb2\n\nc\n');
    const run = await runPrefixkit([
      'evaluate',
      '--task',
      'xsum',
      '--hypotheses',
      hypotheses,
      '--references',
      references,
      '--json',
    ]);
    expect(run.code).toBe(5);
    expect(parseJsonOutput(run).error).toMatchObject({ code: 'CLI_INPUT_MISMATCH', exitCode: 5 });
    expect(run.stderr).toBe(
      `prefixkit evaluate: error: ${hypotheses} has 2 hypotheses but ${references} has 3 unique inputs; expected one hypothesis line per unique input, in first-appearance order of the references [CLI_INPUT_MISMATCH, exit 5]\n`,
    );
  });

  it('checks the MR order of an E2E system-output TSV against the references', async () => {
    const lines = readFileSync(join(fixtures, 'tgen.tsv'), 'utf8').split('\n');
    [lines[1], lines[2]] = [lines[2]!, lines[1]!];
    const swapped = join(dir, 'tgen-swapped.tsv');
    writeFileSync(swapped, lines.join('\n'));
    const run = await runInProcess([
      'evaluate',
      '--task',
      'e2e',
      '--hypotheses',
      swapped,
      '--references',
      join(fixtures, 'testset_w_refs.csv'),
    ]);
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(
      /tgen-swapped\.tsv, output 1: expected MR 'name\[Blue Spice\], eatType\[coffee shop\], area\[city centre\]'/,
    );
  });

  it('reads an E2E system-output TSV saved as .txt by its content, scoring outputs only', async () => {
    const asText = join(dir, 'tgen-tsv-content.txt');
    writeFileSync(asText, readFileSync(join(fixtures, 'tgen.tsv')));
    const references = join(fixtures, 'testset_w_refs.csv');
    const [fromTxt, fromTsv] = await Promise.all(
      [asText, join(fixtures, 'tgen.tsv')].map((hypotheses) =>
        runPrefixkit([
          'evaluate',
          '--task=e2e',
          '--hypotheses',
          hypotheses,
          '--references',
          references,
          '--metrics',
          'bleu',
          '--json',
        ]),
      ),
    );
    expect(fromTxt!.code).toBe(0);
    expect((parseJsonOutput(fromTxt!).result as EvaluateResult).scores).toEqual(
      (parseJsonOutput(fromTsv!).result as EvaluateResult).scores,
    );
    // A plain file with a tab further down is refused rather than scored with the tab inside.
    const mixed = join(dir, 'tab-on-line-3.txt');
    const plain = readFileSync(plainOutputs('tgen'), 'utf8').split('\n');
    plain[2] = `name[x]\t${plain[2]}`;
    writeFileSync(mixed, plain.join('\n'));
    const run = await runPrefixkit([
      'evaluate',
      '--task=e2e',
      '--hypotheses',
      mixed,
      '--references',
      references,
    ]);
    expect(run.code).toBe(5);
    expect(run.stderr).toBe(
      `prefixkit evaluate: error: ${mixed}, line 3: expected one output per line without tabs (line 1 has none), got a tab; an E2E system-output TSV has "MR<TAB>output" on every line [CLI_INPUT_FORMAT, exit 5]\n`,
    );
  });

  it('refuses hypotheses and references that are not UTF-8, naming file, line and byte', async () => {
    const hypotheses = join(dir, 'latin1.txt');
    writeFileSync(hypotheses, Buffer.from('one\ncaf\xe9\n', 'latin1'));
    const references = join(dir, 'two-inputs.txt');
    writeFileSync(references, 'a\n\nb\n');
    const run = await runPrefixkit([
      'evaluate',
      '--task',
      'xsum',
      '--hypotheses',
      hypotheses,
      '--references',
      references,
      '--json',
    ]);
    expect(run.code).toBe(5);
    expect(parseJsonOutput(run).error).toMatchObject({ code: 'DATA_NOT_UTF8', exitCode: 5 });
    expect(run.stderr).toContain(
      `${hypotheses}, line 2: expected UTF-8 text, got byte 0xe9 at byte offset 7`,
    );
  });

  it('reports missing files (exit 4), bad values and unknown flags (exit 2)', async () => {
    const missing = await runPrefixkit([
      'evaluate',
      '--task',
      'e2e',
      '--hypotheses',
      'nope.txt',
      '--references',
      join(fixtures, 'testset_w_refs.csv'),
    ]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toMatch(
      /nope\.txt: not found\. Check the --hypotheses path\. \[FILE_NOT_FOUND, exit 4\]/,
    );
    const task = await runPrefixkit([
      'evaluate',
      '--task',
      'e2f',
      '--hypotheses',
      'h',
      '--references',
      'r',
    ]);
    expect(task.code).toBe(2);
    expect(task.stderr).toContain(
      "--task: expected one of e2e, webnlg, dart, xsum, got 'e2f' (did you mean 'e2e'?)",
    );
    const metric = await runInProcess([
      'evaluate',
      '--task',
      'xsum',
      '--hypotheses',
      'h',
      '--references',
      'r',
      '--metrics',
      'cider',
    ]);
    expect(metric.code).toBe(4); // files are checked first
    const wrong = join(dir, 'one-line.txt');
    writeFileSync(wrong, 'x\n');
    const foreign = await runInProcess([
      'evaluate',
      '--task',
      'xsum',
      '--hypotheses',
      wrong,
      '--references',
      wrong,
      '--metrics',
      'cider',
    ]);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain(
      '--metrics: cider is not an official metric of --task xsum; expected some of rouge-1, rouge-2, rouge-l',
    );
    const flag = await runPrefixkit(['evaluate', '--hypothesis', 'h']);
    expect(flag.stderr).toContain('unknown option --hypothesis. Did you mean --hypotheses?');
    const required = await runInProcess(['evaluate', '--task', 'e2e']);
    expect(required.code).toBe(2);
    expect(required.stderr).toMatch(/missing --hypotheses FILE/);
  });

  it("--help lists the options and each task's metrics from the schema", async () => {
    const run = await runPrefixkit(['evaluate', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /--task e2e\|webnlg\|dart\|xsum +The data set, which fixes the metrics and their conventions\. \[required\]/,
    );
    expect(run.stdout).toMatch(
      /--metrics LIST +Metrics to compute, comma-separated .*any of bleu, nist, meteor/,
    );
    expect(run.stdout).toMatch(/^ {2}e2e +bleu, nist, meteor, rouge-l, cider$/m);
    expect(run.stdout).toMatch(/Presets \(--config NAME\): e2e-official, webnlg-official/);
  });
});
