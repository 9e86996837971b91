// `prefixkit doctor`: what this machine offers prefixkit — the WebGPU adapter (vendor,
// architecture, fallback or not, features, limits), the backend that will be used, and the model
// cache and data folders found. No adapter while the WebGPU backend is wanted is an error with
// the fix (exit 6).
import { defineCommand } from '../command';
import type { DoctorOptions, DoctorResult } from './doctor';

export const doctorCommand = defineCommand<DoctorOptions, DoctorResult>({
  name: 'doctor',
  summary: 'Show the WebGPU adapter, the backend that will be used, caches and data found.',
  description:
    'Environment: PREFIXKIT_BACKEND=cpu|webgpu picks the backend; HF_HUB_CACHE / HF_HOME the model cache;\nPREFIXKIT_SHARED_DATA the data folder (default <repo>/../shared/data).',
  schema: {
    type: 'object',
    properties: {
      limits: {
        type: 'boolean',
        description: 'List every adapter limit, not only the key ones.',
        default: false,
      },
    },
    additionalProperties: false,
  },
  examples: ['prefixkit doctor', 'prefixkit doctor --json --limits'],
  load: async () => (await import('./doctor')).doctorRun,
});
