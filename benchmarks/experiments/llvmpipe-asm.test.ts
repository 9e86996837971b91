import { describe, expect, it } from 'vitest';
import { classifyLoop, hottestLoop, parseFunctions } from './llvmpipe-asm';

// A hand-made dump in llvmpipe's format: `name:` then `address:<TAB>mnemonic<TAB>operands`,
// jumps as displacements from the next instruction's address.
const dump = [
  'sample:',
  '     0:\tpushq\t%rbp',
  '     1:\tretq',
  'cs_co_variant:',
  '     0:\tmovl\t$0, %eax',
  // inner loop 0x2..0x13: 2 vector ops
  '     2:\tvmulps\t%ymm1, %ymm2, %ymm3',
  '     6:\tvaddps\t%ymm3, %ymm4, %ymm4',
  '     a:\tcmpl\t%eax, %ecx',
  '     c:\tjae\t5', // forward: not a loop
  '     e:\tmovl\t(%rdx), %esi',
  '    10:\tvpblendd\t$1, %ymm5, %ymm6, %ymm6',
  '    13:\tjb\t-19', // next at 0x15: 0x15 - 19 = 0x2
  '    15:\tnop',
  '    16:\tjmp\t-24', // outer loop: next at 0x18, 0x18 - 24 = 0x0, same 2 vector ops
  '    18:\tretq',
].join('\n');

describe('llvmpipe asm dump', () => {
  it('parses functions and their instructions', () => {
    const functions = parseFunctions(`noise before any label\n${dump}`);
    expect(functions.map((f) => f.name)).toEqual(['sample', 'cs_co_variant']);
    expect(functions[1]?.instructions[1]).toEqual({
      address: 2,
      mnemonic: 'vmulps',
      operands: '%ymm1, %ymm2, %ymm3',
    });
  });

  it('finds the innermost loop among loops with the same arithmetic', () => {
    const loop = hottestLoop(parseFunctions(dump));
    expect(loop?.functionName).toBe('cs_co_variant');
    expect([loop?.start, loop?.end]).toEqual([0x2, 0x13]);
    expect(loop?.instructions.map((i) => i.mnemonic)).toEqual([
      'vmulps',
      'vaddps',
      'cmpl',
      'jae',
      'movl',
      'vpblendd',
      'jb',
    ]);
    expect([loop?.arithmetic, loop?.functionArithmetic]).toEqual([2, 2]);
  });

  it('prefers the loop with more vector arithmetic', () => {
    const other = [
      'cs_variant:',
      '     0:\tvfmadd231ps\t%ymm1, %ymm2, %ymm3',
      '     5:\tvfmadd231ps\t%ymm1, %ymm2, %ymm4',
      '     a:\tvmulps\t%ymm1, %ymm2, %ymm5',
      '     e:\tjne\t-16', // next at 0x10: 0x0
      '    10:\tretq',
    ].join('\n');
    expect(hottestLoop(parseFunctions(`${dump}\n${other}`))?.functionName).toBe('cs_variant');
    expect(hottestLoop(parseFunctions('f:\n     0:\tretq'))).toBeNull();
  });

  it('counts a loop by kind of instruction', () => {
    const loop = hottestLoop(parseFunctions(dump));
    const mix = classifyLoop(loop?.instructions ?? []);
    expect(mix.total).toBe(7);
    expect(mix.byKind['vector multiply/add/FMA (the product)']).toBe(2);
    expect(mix.byKind['compare or test (bounds, lane masks)']).toBe(1);
    expect(mix.byKind['conditional branch']).toBe(2);
    expect(mix.byKind['scalar load, move or address arithmetic']).toBe(1);
    expect(mix.byKind['lane insert/extract/blend/shuffle']).toBe(1);
    expect(Object.values(mix.byKind).reduce((x, y) => x + y, 0)).toBe(7);
  });
});
