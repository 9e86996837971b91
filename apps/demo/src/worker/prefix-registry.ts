// The prefixes the visitor can decode with: the shipped E2E prefix, the one trained on the page
// and one uploaded. Only prefix-tuning models qualify: Compare batches prefixes as activations.
import { PeftFormatError, type PeftModel, type PrefixTuningModel } from '@prefixkit/peft';
import type { PrefixName } from './protocol';

export class PrefixRegistry {
  private readonly models = new Map<Exclude<PrefixName, 'none'>, PrefixTuningModel>();

  /** Registers `peft` under `name`; a model of another method is rejected naming peft_type. */
  set(name: Exclude<PrefixName, 'none'>, peft: PeftModel): void {
    if (peft.method !== 'prefix' && peft.method !== 'prefix-flat')
      throw new PeftFormatError(
        'adapter_config.json',
        'field peft_type',
        '"PREFIX_TUNING" (the demo decodes prefixes only)',
        `a ${peft.method} model`,
      );
    const previous = this.models.get(name);
    if (previous && previous !== peft) previous.dispose();
    this.models.set(name, peft as PrefixTuningModel);
  }

  /** The model behind `name`; null for 'none'. */
  get(name: PrefixName): PrefixTuningModel | null {
    if (name === 'none') return null;
    const model = this.models.get(name);
    if (!model) throw new Error(`no ${name} prefix yet`);
    return model;
  }

  names(): PrefixName[] {
    return ['none', ...this.models.keys()];
  }
}
