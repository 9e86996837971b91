// Turns anything a command threw into ONE line on stderr (what, where, how to fix; the code and
// exit status in brackets) and, under --json, one error object on stdout. Stack traces and the
// chain of causes only with --verbose. A Node file-system error that no command typed (EISDIR,
// EACCES, ...) is typed here (FS_*, FILE_NOT_FOUND), so it is reported as what it is, not a bug.
import { fileSystemErrorFrom, PrefixkitError } from '@prefixkit/errors';
import { exitCodeFor } from './exit-codes';

export interface ErrorReport {
  exitCode: number;
  code: string;
  /** What went wrong, where and how to fix it, on one line (no prefix). */
  message: string;
  /** The single line written to stderr. */
  line: string;
  /** Extra lines (stack, causes) written after it under --verbose. */
  details: string[];
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function causeChain(error: unknown): string[] {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 8; depth++) {
    if (current instanceof Error) {
      for (const line of (current.stack ?? `${current.name}: ${current.message}`).split('\n'))
        lines.push(line);
      current = current.cause;
      if (current !== undefined) lines.push('caused by:');
    } else {
      lines.push(String(current));
      break;
    }
  }
  return lines;
}

/** The report for `error` thrown while running `command` (undefined before one was chosen). */
export function reportError(
  thrown: unknown,
  command: string | undefined,
  verbose: boolean,
): ErrorReport {
  const error = fileSystemErrorFrom(thrown) ?? thrown;
  const exitCode = exitCodeFor(error);
  const where = command ? `prefixkit ${command}` : 'prefixkit';
  let code: string;
  let message: string;
  if (PrefixkitError.isInstance(error)) {
    code = error.code;
    message = oneLine(error.message);
  } else {
    code = 'INTERNAL';
    const text = error instanceof Error ? error.message : String(error);
    message = `unexpected error: ${oneLine(text)}${verbose ? '' : ' (rerun with --verbose for the stack trace, and please report it)'}`;
  }
  return {
    exitCode,
    code,
    message,
    line: `${where}: error: ${message} [${code}, exit ${exitCode}]`,
    details: verbose ? causeChain(error) : [],
  };
}
