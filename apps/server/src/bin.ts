// The `prefixkit-server` executable: flags from serverOptionsSchema, serve until a signal.
import { PrefixkitError } from '@prefixkit/errors';
import { parseServerFlags } from './options/parse-flags';
import { serveUntilSignal } from './serve-until-signal';
import { createServer } from './server';

const log = (line: string) => process.stderr.write(`${line}\n`);
try {
  const server = await createServer(parseServerFlags(process.argv.slice(2)), { warn: log });
  await serveUntilSignal(server, log);
  process.exit(0);
} catch (error) {
  log(PrefixkitError.isInstance(error) ? `error ${error.code}: ${error.message}` : String(error));
  process.exit(1);
}
