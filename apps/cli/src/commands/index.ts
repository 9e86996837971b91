// The commands, in --help order: an explicit map, no registry filled by side effects.
import type { CommandDefinition } from '../command';
import { doctorCommand } from './doctor-command';
import { downloadCommand } from './download-command';
import { evaluateCommand } from './evaluate-command';
import { generateCommand } from './generate-command';
import { inspectCommand } from './inspect-command';
import { quickstartCommand } from './quickstart-command';
import { serveCommand } from './serve-command';
import { trainCommand } from './train-command';

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
