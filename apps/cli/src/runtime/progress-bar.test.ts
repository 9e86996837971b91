import { describe, expect, it } from 'vitest';
import { formatDuration, formatProgress, shouldReport } from './progress-bar';

describe('progress bar', () => {
  it('formats step, bar, loss, tokens/s and ETA', () => {
    expect(
      formatProgress(
        { step: 5, totalSteps: 20, loss: 3.21456, tokensPerSecond: 811.6, etaSeconds: 42.4 },
        8,
      ),
    ).toBe('step  5/20 [##......] loss 3.2146  812 tok/s  ETA 0:42');
    expect(formatDuration(3723)).toBe('1:02:03');
  });
  it('reports about 25 lines per run, always the first and last step', () => {
    const steps = Array.from({ length: 1000 }, (_, k) => k + 1).filter((step) =>
      shouldReport(step, 1000),
    );
    expect(steps.length).toBeLessThanOrEqual(26);
    expect(steps[0]).toBe(1);
    expect(steps.at(-1)).toBe(1000);
  });
});
