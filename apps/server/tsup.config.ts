import { libraryBuild } from '../../tooling/tsup.shared';

// The library (index) and the `prefixkit-server` bin. Workspace packages and the native `webgpu`
// addon stay external, resolved from node_modules at run time.
export default libraryBuild(
  { index: 'src/index.ts', 'prefixkit-server': 'src/bin.ts' },
  {
    platform: 'node',
    external: [/^@prefixkit\//, 'webgpu', 'ajv', 'fastify', '@fastify/swagger', 'prom-client'],
  },
);
