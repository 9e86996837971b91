// The training progress line on stderr: step, a bar, loss, tokens/s and ETA, e.g.
//   step 12/40 [#######.............] loss 3.2140  812 tok/s  ETA 0:42
// Lines are throttled to about 25 per run (and always the first and last step), so logs of long
// runs stay readable when stderr is not a terminal.

export interface ProgressFields {
  step: number;
  totalSteps: number;
  loss: number;
  tokensPerSecond: number;
  etaSeconds: number;
}

/** 0:42, 12:05, 1:02:03. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** One progress line. */
export function formatProgress(fields: ProgressFields, width = 20): string {
  const total = Math.max(1, fields.totalSteps);
  const filled = Math.min(width, Math.round((fields.step / total) * width));
  const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
  const digits = String(total).length;
  return `step ${String(fields.step).padStart(digits)}/${total} [${bar}] loss ${fields.loss.toFixed(4)}  ${Math.round(fields.tokensPerSecond)} tok/s  ETA ${formatDuration(fields.etaSeconds)}`;
}

/** Whether step `step` of `total` gets a line (about 25 lines per run). */
export function shouldReport(step: number, total: number, firstStep = 1): boolean {
  const every = Math.max(1, Math.ceil(total / 25));
  return step === firstStep || step >= total || step % every === 0;
}
