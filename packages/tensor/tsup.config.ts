import { libraryBuild } from '../../tooling/tsup.shared';

// `node` is the only entry that may import the native `webgpu` package (Dawn); `browser` uses
// navigator.gpu.
export default libraryBuild(
  { index: 'src/index.ts', node: 'src/node.ts', browser: 'src/browser.ts' },
  { external: ['webgpu'] },
);
