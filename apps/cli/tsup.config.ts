import { libraryBuild } from '../../tooling/tsup.shared';

// One ESM file with a shebang: the `prefixkit` bin. Workspace packages, ajv and the native
// `webgpu` addon stay external, resolved from node_modules at run time (turbo builds the
// packages first: `^build`). No .d.ts: an app exports no types.
export default libraryBuild(
  { prefixkit: 'src/bin.ts' },
  {
    dts: false,
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    external: [/^@prefixkit\//, 'webgpu', 'ajv'],
  },
);
