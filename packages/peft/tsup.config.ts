import { libraryBuild } from '../../tooling/tsup.shared';

// `schemas` holds the method names and the training schema alone. `node` is the only entry that may import `node:*` modules (adapter directories, checkpoints).
export default libraryBuild({
  index: 'src/index.ts',
  node: 'src/node.ts',
  schemas: 'src/schemas.ts',
});
