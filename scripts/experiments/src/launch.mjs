// Starts an experiment command from the TypeScript sources through tsx (as the CLI's
// prefixkit-source.mjs does), so nothing needs building first. Each launcher
// (scripts/experiments/<name>.mjs) calls launch('<name>').
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

/** Runs experiment `name` with this process's arguments and exits with its status. */
export async function launch(name) {
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  const { runFromProcess } = await import('./process-entry.ts');
  process.exitCode = await runFromProcess(name);
}
