// Starts worker.ts from its TypeScript source with @prefixkit/* resolved to the packages'
// sources (this package's tsconfig paths), as vitest does: no build needed.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('./worker.ts');
