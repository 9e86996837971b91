// The commands, in --help order: an explicit map, no registry filled by side effects.
import type { CommandDefinition } from '../command';
import { doctorCommand } from './doctor';
import { downloadCommand } from './download';
import { evaluateCommand } from './evaluate';
import { generateCommand } from './generate';
import { inspectCommand } from './inspect';
import { quickstartCommand } from './quickstart';
import { serveCommand } from './serve';
import { trainCommand } from './train';

export const commands: readonly CommandDefinition[] = [
  quickstartCommand,
  doctorCommand,
  trainCommand,
  generateCommand,
  serveCommand,
  evaluateCommand,
  inspectCommand,
  downloadCommand,
];
