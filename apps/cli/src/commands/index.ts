// The commands, in --help order: an explicit map, no registry filled by side effects.
import type { CommandDefinition } from '../command';
import { doctorCommand } from './doctor';
import { evaluateCommand } from './evaluate';
import { inspectCommand } from './inspect';

export const commands: readonly CommandDefinition[] = [
  doctorCommand,
  evaluateCommand,
  inspectCommand,
];
