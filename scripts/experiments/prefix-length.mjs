#!/usr/bin/env node
// Prefix length and the other ablations of the paper's Section 7 on E2E: prefix lengths 1 to 20
// (Figure 4), embedding-only and infix-tuning of 10 (Table 4), and random against real-word
// initialisation on 100-pair low-data samples (Figure 5), scored with the five E2E metrics.
// Plan: src/experiments/prefix-length.ts.
//
//   node scripts/experiments/prefix-length.mjs [RUN_DIR] [--lengths 1,5,10] [--steps N] ...
//   (--help lists every option; --dry-run prints the commands; RUN_DIR default runs/prefix-length)
//
// Default run (prefixkit-tiny): about 6.5 h on the project's 2-core machine through lavapipe
// while it is shared with other work, about 4.5 h when it is quiet. Rerunning continues where
// it stopped. Scaling up: README.md beside this file.
import { launch } from './src/launch.mjs';

await launch('prefix-length');
