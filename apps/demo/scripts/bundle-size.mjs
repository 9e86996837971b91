#!/usr/bin/env node
// Gzipped size of the built site without its model and data assets (dist/model, dist/data):
// the code and the tokenizer's merges a visitor downloads before the model. Run after a build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const excluded = ['model', 'data', 'asset-manifest.json'];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let total = 0;
const rows = [];
for (const path of files(dist)) {
  const name = relative(dist, path);
  if (excluded.some((prefix) => name === prefix || name.startsWith(`${prefix}/`))) continue;
  const gzipped = gzipSync(readFileSync(path), { level: 9 }).length;
  total += gzipped;
  rows.push([gzipped, name]);
}
rows.sort((a, b) => b[0] - a[0]);
for (const [bytes, name] of rows)
  console.log(`${(bytes / 1024).toFixed(1).padStart(8)} KB  ${name}`);
console.log(
  `${(total / 1024).toFixed(1).padStart(8)} KB  total gzipped (without dist/model, dist/data)`,
);
