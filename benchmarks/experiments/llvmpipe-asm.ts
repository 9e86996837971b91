// Reads llvmpipe's machine-code dump (GALLIVM_DEBUG=asm on stderr: a `name:` line per
// function, then one `  address:<TAB>mnemonic<TAB>operands` line per instruction, addresses
// in hex, jump targets as signed displacements from the next instruction), finds a kernel's hot
// loop and counts its instructions by kind. Used by lavapipe-loop-mix.ts.

export interface Instruction {
  readonly address: number;
  readonly mnemonic: string;
  readonly operands: string;
}

export interface DumpedFunction {
  readonly name: string;
  readonly instructions: readonly Instruction[];
}

export function parseFunctions(dump: string): DumpedFunction[] {
  const functions: { name: string; instructions: Instruction[] }[] = [];
  for (const line of dump.split('\n')) {
    const label = /^([A-Za-z_][\w.]*):\s*$/.exec(line);
    if (label) {
      functions.push({ name: label[1] as string, instructions: [] });
      continue;
    }
    const instruction = /^\s*([0-9a-f]+):\t(\S+)(?:\t(.*))?$/.exec(line);
    if (instruction && functions.length > 0)
      functions[functions.length - 1]?.instructions.push({
        address: Number.parseInt(instruction[1] as string, 16),
        mnemonic: instruction[2] as string,
        operands: instruction[3] ?? '',
      });
  }
  return functions.filter((f) => f.instructions.length > 0);
}

/** The multiplies, adds and FMAs on vectors of floats: the product's own arithmetic. */
const PRODUCT_ARITHMETIC = /^v(mul|add|fn?madd\w*|fn?msub\w*)ps$/;
const isProductArithmetic = (mnemonic: string) => PRODUCT_ARITHMETIC.test(mnemonic);

export interface DumpedLoop {
  readonly functionName: string;
  /** Address of the first instruction (the backward jump's target) and of the jump. */
  readonly start: number;
  readonly end: number;
  readonly instructions: readonly Instruction[];
  /** Vector multiplies/adds/FMAs in the loop, and in its whole function. */
  readonly arithmetic: number;
  readonly functionArithmetic: number;
}

const countArithmetic = (instructions: readonly Instruction[]) =>
  instructions.filter((i) => isProductArithmetic(i.mnemonic)).length;

/**
 * The hot loop: of all loop bodies (a backward jump's target to the jump), the one with the
 * most vector arithmetic; among equals the shortest (a loop with two back edges is seen twice).
 */
export function hottestLoop(functions: readonly DumpedFunction[]): DumpedLoop | null {
  let best: DumpedLoop | null = null;
  for (const f of functions) {
    const functionArithmetic = countArithmetic(f.instructions);
    for (let index = 0; index + 1 < f.instructions.length; index++) {
      const jump = f.instructions[index] as Instruction;
      const next = f.instructions[index + 1] as Instruction;
      if (!jump.mnemonic.startsWith('j') || !/^-\d+$/.test(jump.operands)) continue;
      const start = next.address + Number(jump.operands);
      const instructions = f.instructions.filter(
        (i) => i.address >= start && i.address <= jump.address,
      );
      const arithmetic = countArithmetic(instructions);
      if (arithmetic === 0) continue;
      const better =
        !best ||
        arithmetic > best.arithmetic ||
        (arithmetic === best.arithmetic && instructions.length < best.instructions.length);
      if (better)
        best = {
          functionName: f.name,
          start,
          end: jump.address,
          instructions,
          arithmetic,
          functionArithmetic,
        };
    }
  }
  return best;
}

/** Kinds of instruction, first match wins. */
const KINDS: readonly (readonly [string, RegExp])[] = [
  ['vector multiply/add/FMA (the product)', PRODUCT_ARITHMETIC],
  ['compare or test (bounds, lane masks)', /^(cmp|test|vptest|kortest)/],
  ['conditional branch', /^j(?!mp)/],
  ['unconditional jump', /^jmp$/],
  [
    'lane insert/extract/blend/shuffle',
    /^v(p?insr|p?extr|insert|extract|p?blend|perm|p?shuf|p?unpck)/,
  ],
  ['broadcast', /^vp?broadcast/],
  ['vector move (copies, spills)', /^vmov/],
  [
    'scalar load, move or address arithmetic',
    /^(mov|lea|add|sub|sar|shl|shr|or|and|xor|imul|inc|dec|neg)/,
  ],
  ['mask-register op', /^k/],
  ['padding (nop)', /^nop/],
];

export function classifyLoop(instructions: readonly Instruction[]) {
  const byKind: Record<string, number> = {};
  for (const [kind] of KINDS) byKind[kind] = 0;
  byKind.other = 0;
  const byMnemonic = new Map<string, number>();
  for (const { mnemonic } of instructions) {
    const kind = KINDS.find(([, pattern]) => pattern.test(mnemonic))?.[0] ?? 'other';
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    byMnemonic.set(mnemonic, (byMnemonic.get(mnemonic) ?? 0) + 1);
  }
  const topMnemonics = Object.fromEntries([...byMnemonic].sort((x, y) => y[1] - x[1]).slice(0, 16));
  return { total: instructions.length, byKind, topMnemonics };
}
