import { describe, expect, it } from 'vitest';
import { DataRecordError } from '../errors';
import { linearizeE2E, tokenizeE2EValue } from './linearize-e2e';
import { parseMeaningRepresentation } from './parse-mr';
import { readE2E } from './read-e2e';
import { readPaperE2E } from './read-paper-e2e';

const good = 'mr,ref\r\n"name[Aromi], eatType[pub]",Nice.\r\n';

describe('readE2E', () => {
  it('reads rows with parsed attributes and their line', async () => {
    const records = await readE2E(good, { file: 'dev.csv' }).toArray();
    expect(records).toEqual([
      {
        mr: 'name[Aromi], eatType[pub]',
        ref: 'Nice.',
        attributes: [
          { key: 'name', value: 'Aromi' },
          { key: 'eatType', value: 'pub' },
        ],
        line: 2,
      },
    ]);
  });

  it('reads the cleaned layout and the MR-only test layout', async () => {
    const cleaned = await readE2E(
      'mr,ref,fixed,orig_mr\nname[A],Hi.,1,"name[A], area[x]"\n',
    ).toArray();
    expect(cleaned[0]).toMatchObject({ fixed: true, originalMr: 'name[A], area[x]' });
    const mrs = await readE2E('MR\n"name[A], near[Café Rouge]"\n').toArray();
    expect(mrs[0]).not.toHaveProperty('ref');
    expect(mrs[0]!.attributes[1]).toEqual({ key: 'near', value: 'Café Rouge' });
  });

  it('throws a DataRecordError naming file, line and field', async () => {
    const text = `${good}"name[B], colour[red]",Bad key.\r\n`;
    const error = await readE2E(text, { file: 'dev.csv' })
      .toArray()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataRecordError);
    expect(error).toMatchObject({ file: 'dev.csv', line: 3, field: 'attributes/1/key' });
    expect((error as Error).message).toContain('dev.csv, line 3, field attributes/1/key');
  });

  it('with onInvalid: skip, counts and reports every malformed row and keeps the rest', async () => {
    const text = [
      'mr,ref',
      'name[A],One.',
      'name[B] oops,Two.',
      'name[C],Three.,extra',
      'name[D],',
      '"name[E]"x,Five.',
      'name[F],Six.',
    ].join('\n');
    const stream = readE2E(text, { file: 'f.csv', onInvalid: 'skip' });
    const records = await stream.toArray();
    expect(records.map((record) => record.ref)).toEqual(['One.', 'Six.']);
    expect(stream.report).toMatchObject({ records: 2, skipped: 4, complete: true });
    expect(stream.report.errors.map((error) => [error.line, error.field])).toEqual([
      [3, 'mr'],
      [4, 'row'],
      [5, 'ref'],
      [6, 'mr'],
    ]);
  });

  it('rejects an unknown header even when skipping', async () => {
    await expect(
      readE2E('meaning,text\nx,y\n', { onInvalid: 'skip' }).toArray(),
    ).rejects.toMatchObject({
      field: 'header',
      line: 1,
    });
  });
});

describe('E2E linearisation pieces', () => {
  it('renames the three keys and tokenises values like the paper', () => {
    const attributes = parseMeaningRepresentation(
      'name[The Vaults], eatType[pub], priceRange[more than £30], familyFriendly[yes], customer rating[5 out of 5]',
    )!;
    expect(linearizeE2E(attributes)).toBe(
      'name : The Vaults | Type : pub | price : more than £ 30 | family friendly : yes | customer rating : 5 out of 5',
    );
    expect(linearizeE2E(attributes, { tokenizeValues: false })).toContain('price : more than £30');
    expect(tokenizeE2EValue('£20-25')).toBe('£ 20 - 25');
  });

  it('refuses malformed MRs', () => {
    expect(parseMeaningRepresentation('name[A] area[b]')).toBeUndefined();
    expect(parseMeaningRepresentation('')).toBeUndefined();
    expect(parseMeaningRepresentation('name[A], ')).toEqual([{ key: 'name', value: 'A' }]);
  });
});

describe('readE2E streaming', () => {
  it('yields the first record before the rest of the input is read', async () => {
    let pulled = 0;
    function* chunks() {
      yield 'mr,ref\r\n';
      for (let index = 0; index < 10_000; index++) {
        pulled += 1;
        yield `name[N${index}],Ref ${index}.\r\n`;
      }
    }
    for await (const record of readE2E(chunks())) {
      expect(record.attributes[0]!.value).toBe('N0');
      break;
    }
    expect(pulled).toBeLessThan(3);
  });
});

describe('readPaperE2E', () => {
  it('splits at the first `||`, keeps the target’s trailing space, and names bad lines', async () => {
    const stream = readPaperE2E('name : A||A . \nno bars here\n||empty source\n', {
      file: 'src1_valid.txt',
      onInvalid: 'skip',
    });
    expect(await stream.toArray()).toEqual([{ source: 'name : A', target: 'A . ', line: 1 }]);
    expect(stream.report.errors.map((error) => [error.line, error.field])).toEqual([
      [2, 'line'],
      [3, 'source'],
    ]);
  });
});
