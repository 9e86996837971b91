import { describe, expect, it } from 'vitest';
import { readXsumJsonl, readXsumPairs } from './read-xsum';

describe('readXsumPairs', () => {
  it('aligns .source and .target lines', async () => {
    const records = await readXsumPairs({
      source: 'Art one.\nArt two.\n',
      target: 'Sum one.\nSum two.\n',
    }).toArray();
    expect(records).toEqual([
      { source: 'Art one.', target: 'Sum one.', line: 1 },
      { source: 'Art two.', target: 'Sum two.', line: 2 },
    ]);
  });

  it('reports missing summaries, missing articles and empty lines', async () => {
    await expect(
      readXsumPairs({ source: 'a\nb\n', target: 'x\n' }, { file: 'val' }).toArray(),
    ).rejects.toMatchObject({ file: 'val.target', line: 2, field: 'target' });
    await expect(
      readXsumPairs({ source: 'a\n', target: 'x\ny\n' }, { file: 'val' }).toArray(),
    ).rejects.toMatchObject({
      file: 'val.source',
      line: 2,
    });
    const stream = readXsumPairs(
      { source: 'a\n\nc\n', target: 'x\ny\nz\n' },
      { onInvalid: 'skip' },
    );
    expect((await stream.toArray()).map((record) => record.target)).toEqual(['x', 'z']);
    expect(stream.report.errors[0]).toMatchObject({ line: 2, field: 'source' });
  });
});

describe('readXsumJsonl', () => {
  it('reads JSON lines with default or custom field names', async () => {
    const text =
      '{"id": 7, "document": "Art.", "summary": "Sum."}\n\n{"text": "A2", "headline": "S2"}\n';
    const stream = readXsumJsonl(text, { onInvalid: 'skip' });
    expect(await stream.toArray()).toEqual([{ id: '7', source: 'Art.', target: 'Sum.', line: 1 }]);
    expect(stream.report.errors[0]).toMatchObject({ line: 3, field: 'document' });
    const custom = await readXsumJsonl(text.split('\n')[2]!, {
      fields: { source: 'text', target: 'headline' },
    }).toArray();
    expect(custom[0]).toMatchObject({ source: 'A2', target: 'S2' });
    await expect(readXsumJsonl('not json').toArray()).rejects.toMatchObject({
      line: 1,
      field: '(line)',
    });
  });
});
