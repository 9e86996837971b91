// The names of the methods, alone: `methods.ts` maps each to its definition (a name without a
// definition, or a definition without a name, does not compile), and tools that list the methods
// (the CLI's --help) import these without loading the methods themselves.
export const METHOD_NAMES = [
  'prefix',
  'prefix-flat',
  'embedding-only',
  'infix',
  'adapter',
  'lora',
  'ft-full',
  'ft-top2',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
