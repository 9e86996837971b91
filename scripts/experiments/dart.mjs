#!/usr/bin/env node
// DART (the paper's Table 2, DART columns): the WebNLG experiment's methods on DART, scored with
// BLEU, METEOR and TER. DART's training split and the paper's test set are not in the shared
// data: the methods train on DART's dev set less 300 held-out triple sets (which choose the
// learning rates), and are scored on DART's 2021 test set. Plan: src/experiments/dart.ts.
//
//   node scripts/experiments/dart.mjs [RUN_DIR] [--model M] [--steps N] [--test-inputs N] ...
//   (--help lists every option; --dry-run prints the commands; RUN_DIR default runs/dart)
//
// Default run (prefixkit-tiny, 1000 steps per training): about 12 h on the project's 2-core
// machine through lavapipe while it is shared (8 h quiet), 5.5 h of it decoding 4,159 test
// inputs for 6 rows. Rerunning continues where it stopped. Scaling up: README.md beside this
// file.
import { launch } from './src/launch.mjs';

await launch('dart');
