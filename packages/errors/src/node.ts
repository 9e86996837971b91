// Node-only API of @prefixkit/errors: the one atomic file write and the one regular-file check
// every package uses.
// `*.node.ts` files are imported as `*.node.js`: tsup treats a path ending in `.node` as a native
// addon and fails to resolve it; `.js` resolves to the `.ts` source everywhere.
export {
  checkOutputFile,
  isTemporaryName,
  removeStaleTemporaries,
  temporarySibling,
  writeFileAtomic,
  writeFileAtomicWith,
} from './atomic-write.node.js';
export { assertRegularFile } from './regular-file.node.js';
