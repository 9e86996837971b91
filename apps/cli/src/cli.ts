// `prefixkit <command> [options]`: picks the command, parses and validates its options (flags
// over config file over schema defaults), runs it, and prints. stdout carries only the --json
// result (exactly one JSON document, also for errors); everything for people goes to stderr.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext, CommandDefinition } from './command';
import { commands } from './commands/index';
import { UsageError } from './errors';
import { EXIT_OK } from './exit-codes';
import { type GlobalOptions, globalKeys, withGlobalOptions } from './global-options';
import { commandHelp, rootHelp } from './help';
import { createInterruptController, type SignalHost } from './interrupt';
import { closest } from './options/closest';
import { readConfigFile } from './options/config-file';
import { parseArgv } from './options/parse-argv';
import { resolveOptions } from './options/resolve-options';
import { packageDir } from './paths';
import { reportError } from './report-error';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Whether stderr is a terminal (progress bars redraw in place). */
  stderrIsTTY?: boolean;
  signals: Omit<SignalHost, 'stderr'>;
}

function version(): string {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  return String(manifest.version);
}

/** The first bare word, skipping the value of a `--config VALUE` given before the command. */
export function findCommandIndex(argv: readonly string[]): number {
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index]!;
    if (token === '--config') index++;
    else if (!token.startsWith('-')) return index;
  }
  return -1;
}

function findCommand(name: string): CommandDefinition {
  const command = commands.find((candidate) => candidate.name === name);
  if (command) return command;
  const names = commands.map((candidate) => candidate.name);
  const guess = closest(name, names);
  throw new UsageError(
    'CLI_UNKNOWN_COMMAND',
    `unknown command '${name}'.${guess ? ` Did you mean '${guess}'?` : ''} Commands: ${names.join(', ')}`,
  );
}

/** What a command line asks for once parsed: a command's --help, or a command with its options. */
export type ParsedCommandLine =
  | { help: true; command: CommandDefinition }
  | { help: false; command: CommandDefinition; options: Record<string, unknown> };

/**
 * Parses and validates `argv` for the command at `commandIndex` (flags over --config file over
 * schema defaults) without running anything; throws the typed usage/config errors.
 */
export function parseCommandLine(
  argv: readonly string[],
  commandIndex: number,
  cwd: string,
): ParsedCommandLine {
  const command = findCommand(argv[commandIndex]!);
  const rest = [...argv.slice(0, commandIndex), ...argv.slice(commandIndex + 1)];
  const parsed = parseArgv(rest, withGlobalOptions(command.schema), command.positional);
  const globals: GlobalOptions = {};
  const cli: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed.values)) {
    if (globalKeys.has(key)) (globals as Record<string, unknown>)[key] = value;
    else cli[key] = value;
  }
  if (globals.help) return { help: true, command };
  const config = globals.config
    ? readConfigFile(globals.config, command.name, command.schema, cwd)
    : undefined;
  return {
    help: false,
    command,
    options: resolveOptions({ schema: command.schema, cli, ...(config ? { config } : {}) }),
  };
}

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // Known before parsing, so even an unparsable command line honours them.
  const json = argv.includes('--json');
  const verbose = argv.includes('--verbose');
  const commandIndex = findCommandIndex(argv);
  const commandName = commandIndex === -1 ? undefined : argv[commandIndex];
  try {
    if (commandName === undefined) {
      if (argv.includes('--version')) {
        io.stdout(json ? `${JSON.stringify({ version: version() })}\n` : `${version()}\n`);
        return EXIT_OK;
      }
      const unknown = argv.find(
        (token) => !['--help', '-h', '--json', '--verbose'].includes(token),
      );
      if (unknown)
        throw new UsageError(
          'CLI_UNKNOWN_OPTION',
          `unknown option ${unknown} before the command. Run prefixkit --help.`,
        );
      io.stdout(rootHelp(commands, version()));
      return EXIT_OK;
    }
    const parsed = parseCommandLine(argv, commandIndex, io.cwd);
    if (parsed.help) {
      const { command } = parsed;
      io.stdout(
        json
          ? `${JSON.stringify({ command: command.name, summary: command.summary, options: command.schema }, null, 2)}\n`
          : commandHelp(command),
      );
      return EXIT_OK;
    }
    const { command, options } = parsed;
    return await runCommand(command, options, io, { json, verbose });
  } catch (error) {
    const report = reportError(error, commandName, verbose);
    io.stderr(`${[report.line, ...report.details].join('\n')}\n`);
    if (json) {
      const body = {
        ok: false,
        command: commandName ?? null,
        error: { code: report.code, message: report.message, exitCode: report.exitCode },
      };
      io.stdout(`${JSON.stringify(body, null, 2)}\n`);
    }
    return report.exitCode;
  }
}

async function runCommand(
  command: CommandDefinition,
  options: Record<string, unknown>,
  io: CliIo,
  flags: { json: boolean; verbose: boolean },
): Promise<number> {
  const interrupt = createInterruptController({
    ...io.signals,
    stderr: (line) => io.stderr(`${line}\n`),
  });
  const context: CommandContext = {
    log: (line) => io.stderr(`${line}\n`),
    warn: (line) => io.stderr(`warning: ${line}\n`),
    progress: (line, done = false) => {
      if (io.stderrIsTTY) io.stderr(`\r${line}\x1b[K${done ? '\n' : ''}`);
      else io.stderr(`${line}\n`);
    },
    stdout: (text) => {
      if (flags.json) throw new Error('context.stdout under --json: stdout holds the JSON result');
      io.stdout(text);
    },
    verbose: flags.verbose,
    json: flags.json,
    interrupt,
    env: io.env,
    cwd: io.cwd,
  };
  try {
    const run = await command.load();
    // A command that registered an interrupt handler decides how a signal ends it (train throws
    // InterruptedError when it stopped early; a run that completed anyway succeeds); without a
    // handler the signal has already exited the process.
    const result = await run(options, context);
    if (flags.json) {
      io.stdout(
        `${JSON.stringify({ ok: true, command: command.name, result: result.value }, null, 2)}\n`,
      );
    } else {
      io.stderr(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
    }
    return EXIT_OK;
  } finally {
    interrupt.dispose();
  }
}
