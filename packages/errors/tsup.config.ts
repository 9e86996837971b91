import { libraryBuild } from '../../tooling/tsup.shared';

// `node` is the only entry that may import `node:*` modules (the atomic file write).
export default libraryBuild({ index: 'src/index.ts', node: 'src/node.ts' });
