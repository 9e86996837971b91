import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';
register({ tsconfig: fileURLToPath(new URL('../tsconfig.source.json', import.meta.url)) });
await import(pathToFileURL(process.argv[2]).href);
