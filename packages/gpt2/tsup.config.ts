import { libraryBuild } from '../../tooling/tsup.shared';

// `options` holds the generate() options schema alone. `node` is the only entry that may import `node:*` modules (file handles, the hub cache).
export default libraryBuild({
  index: 'src/index.ts',
  node: 'src/node.ts',
  options: 'src/options.ts',
});
