import { libraryBuild } from '../../tooling/tsup.shared';

// The library (index), its options schema alone (`./options`: what the CLI's flags derive from,
// without loading the server) and the `prefixkit-server` bin. Workspace packages and the native `webgpu`
// addon stay external, resolved from node_modules at run time.
export default libraryBuild(
  {
    index: 'src/index.ts',
    options: 'src/options/server-options.ts',
    'prefixkit-server': 'src/bin.ts',
  },
  {
    platform: 'node',
    external: [/^@prefixkit\//, 'webgpu', 'ajv', 'fastify', '@fastify/swagger', 'prom-client'],
  },
);
