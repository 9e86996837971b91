#!/usr/bin/env node
// Low-data E2E (the paper's Figure 3): prefix-tuning against FT-FULL on seeded samples of 50,
// 100, 200 and 500 training pairs, 3 samples each, scored on the E2E test set with the five E2E
// metrics as mean ± sd over the samples; each method's learning rate chosen per size on sample 0.
// Plan: src/experiments/low-data.ts.
//
//   node scripts/experiments/low-data.mjs [RUN_DIR] [--sizes 50,100] [--samples 5] [--steps N] ...
//   (--help lists every option; --dry-run prints the commands; RUN_DIR default runs/low-data)
//
// Default run (prefixkit-tiny, 300 steps per training): about 9 h on the project's 2-core
// machine through lavapipe while it is shared with other work, about 6 h when it is quiet.
// Rerunning continues where it stopped. Scaling up: README.md beside this file.
import { launch } from './src/launch.mjs';

await launch('low-data');
