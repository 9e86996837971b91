// The methods of the paper's Table 2 (WebNLG and DART columns), as rows: the model alone, then
// prefix-tuning (the paper's MLP reparameterisation; its prefix is what is kept, about 0.1% of
// GPT-2 medium at these lengths), adapters at 0.1% and 3% of the model, FT-TOP2 and FT-FULL.
// The cheap rows come first, so a stopped run already has them. Learning-rate grids are
// half-decades around what trained prefixkit-tiny well in the E2E Table 2 runs (0.005 for the
// prefix and the adapter, 0.0005 for FT-FULL); other models take --lr.
import type { Row } from '../plan/plan-types';

export const table2LearningRates = {
  prefix: [1e-3, 3e-3, 1e-2],
  adapter: [1e-3, 3e-3, 1e-2],
  fullFineTune: [1e-4, 3e-4, 1e-3],
  topFineTune: [3e-4, 1e-3, 3e-3],
} as const;

/** The rows, with `prefixLength` prefix slots. */
export function table2Rows(prefixLength: number): Row[] {
  const adapter = (percent: number): Row => ({
    id: `adapter-${percent}`,
    family: `adapter-${percent}`,
    label: `adapter (${percent}%)`,
    train: { method: 'adapter', methodOptions: { parameterFraction: percent / 100 } },
    learningRates: table2LearningRates.adapter,
  });
  return [
    { id: 'none', family: 'none', label: 'the model alone' },
    {
      id: 'prefix',
      family: 'prefix',
      label: `prefix (${prefixLength} slots)`,
      train: { method: 'prefix', prefixLength },
      learningRates: table2LearningRates.prefix,
    },
    adapter(0.1),
    adapter(3),
    {
      id: 'ft-top2',
      family: 'ft-top2',
      label: 'FT-TOP2',
      train: { method: 'ft-top2' },
      learningRates: table2LearningRates.topFineTune,
    },
    {
      id: 'ft-full',
      family: 'ft-full',
      label: 'FT-FULL',
      train: { method: 'ft-full' },
      learningRates: table2LearningRates.fullFineTune,
    },
  ];
}
