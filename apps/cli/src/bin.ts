// The `prefixkit` executable (tsup adds the shebang). It exits explicitly once stdout and stderr
// are flushed: Dawn keeps Node alive while a WebGPU instance exists.
import { runCli } from './cli';

// A closed pipe (`prefixkit ... --json | head -1`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  stderrIsTTY: process.stderr.isTTY === true,
  signals: {
    on: (event, listener) => process.on(event, listener),
    off: (event, listener) => process.off(event, listener),
    exit: (exitCode) => process.exit(exitCode),
  },
});
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
