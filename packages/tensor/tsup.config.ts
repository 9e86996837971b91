import { libraryBuild } from '../../tooling/tsup.shared';

// `node` is the only entry that may import the native `webgpu` package (Dawn).
export default libraryBuild({ index: 'src/index.ts', node: 'src/node.ts' }, { external: ['webgpu'] });
