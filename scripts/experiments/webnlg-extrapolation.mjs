#!/usr/bin/env node
// WebNLG 2017, seen and unseen categories (the paper's Table 2, WebNLG columns): prefix-tuning,
// adapters at 0.1% and 3%, FT-TOP2 and FT-FULL, each at the best of 3 learning rates by BLEU on
// the first 50 dev inputs, scored with BLEU, METEOR and TER on the seen, unseen and all test
// categories, beside the model alone. Plan: src/experiments/webnlg-extrapolation.ts.
//
//   node scripts/experiments/webnlg-extrapolation.mjs [RUN_DIR] [--model M] [--steps N] ...
//   (--help lists every option; --dry-run prints the commands; RUN_DIR default runs/webnlg-extrapolation)
//
// Default run (prefixkit-tiny, 1000 steps per training): about 9 h on the project's 2-core
// machine through lavapipe while it is shared with other work, about 6 h when it is quiet.
// Rerunning continues where it stopped. Scaling up (--model gpt2-medium on a GPU, --steps,
// --lr): README.md beside this file.
import { launch } from './src/launch.mjs';

await launch('webnlg-extrapolation');
