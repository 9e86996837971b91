import { libraryBuild } from '../../tooling/tsup.shared';

export default libraryBuild({ index: 'src/index.ts', node: 'src/node.ts', tasks: 'src/tasks.ts' });
