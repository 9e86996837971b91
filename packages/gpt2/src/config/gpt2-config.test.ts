import { ConfigValidationError } from '@prefixkit/errors';
import { describe, expect, it } from 'vitest';
import { gpt2ParameterSpecs } from '../checkpoint/gpt2-parameters';
import {
  gpt2ConfigSchema,
  mlpHiddenSize,
  parseGpt2Config,
  parseGpt2ConfigText,
  stringifyGpt2Config,
} from './gpt2-config';
import { gpt2Preset, gpt2PresetSizes } from './gpt2-presets';

describe('GPT-2 config', () => {
  it('fills Hugging Face defaults for missing fields and keeps unknown ones', () => {
    const config = parseGpt2Config({ n_layer: 2, _name_or_path: 'x' });
    expect(config).toMatchObject({
      vocab_size: 50257,
      n_positions: 1024,
      n_embd: 768,
      n_head: 12,
      n_inner: null,
      n_layer: 2,
      activation_function: 'gelu_new',
      layer_norm_epsilon: 1e-5,
      bos_token_id: 50256,
      eos_token_id: 50256,
      scale_attn_weights: true,
      _name_or_path: 'x',
    });
    expect(mlpHiddenSize(config)).toBe(3072);
  });

  it('takes the old n_ctx as n_positions when n_positions is missing', () => {
    expect(parseGpt2Config({ n_ctx: 512 }).n_positions).toBe(512);
    expect(parseGpt2Config({ n_ctx: 512, n_positions: 1024 }).n_positions).toBe(1024);
  });

  it('bounds every integer field, so a huge size fails here before anything is allocated', () => {
    const integers = Object.entries(gpt2ConfigSchema.properties).filter(([, field]) =>
      [(field as { type?: unknown }).type].flat().includes('integer'),
    );
    expect(integers.length).toBeGreaterThanOrEqual(9);
    for (const [name, field] of integers) {
      const { maximum } = field as { maximum?: number };
      expect(Number.isSafeInteger(maximum), name).toBe(true);
      // An old n_ctx stands in for a missing n_positions, and is reported as that.
      const reported = name === 'n_ctx' ? 'n_positions' : name;
      expect(() => parseGpt2Config({ [name]: maximum! + 1 })).toThrow(
        `config.json, field /${reported}: must be <= ${maximum}, got ${maximum! + 1}`,
      );
    }
    expect(() => parseGpt2Config({ n_layer: 1e300 })).toThrow('field /n_layer: must be <= 1024');
  });

  it('names the file and field of invalid values', () => {
    const expectError = (json: unknown, message: RegExp) => {
      let caught: unknown;
      try {
        parseGpt2Config(json, 'models/x/config.json');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConfigValidationError);
      expect((caught as Error).message).toMatch(message);
    };
    expectError({ n_layer: 0 }, /^models\/x\/config\.json, field \/n_layer: must be >= 1, got 0/);
    expectError(
      { activation_function: 'swish' },
      /field \/activation_function: expected one of \["gelu_new","gelu_pytorch_tanh","gelu","relu"\], got "swish"/,
    );
    expectError({ n_embd: 30, n_head: 4 }, /field \/n_head: n_head must divide n_embd/);
    expectError({ model_type: 'bert' }, /field \/model_type/);
    expectError(
      { scale_attn_by_inverse_layer_idx: true },
      /field \/scale_attn_by_inverse_layer_idx/,
    );
    expectError([], /field \(root\): expected a JSON object/);
    expect(() => parseGpt2ConfigText('{', 'c.json')).toThrow(/c\.json: not valid JSON/);
  });

  it('round-trips through config.json text', () => {
    const config = gpt2Preset('gpt2');
    expect(parseGpt2ConfigText(stringifyGpt2Config(config))).toEqual(config);
  });
});

describe('presets', () => {
  // Parameter counts of the released models (tied head counted once), as commonly quoted:
  // gpt2 124,439,808; gpt2-medium 354,823,168; gpt2-large 774,030,080; gpt2-xl 1,557,611,200;
  // distilgpt2 81,912,576.
  const expected = {
    distilgpt2: 81_912_576,
    gpt2: 124_439_808,
    'gpt2-medium': 354_823_168,
    'gpt2-large': 774_030_080,
    'gpt2-xl': 1_557_611_200,
  };
  it.each(Object.keys(gpt2PresetSizes) as (keyof typeof expected)[])(
    '%s has the released parameter count',
    (name) => {
      const specs = gpt2ParameterSpecs(gpt2Preset(name));
      const count = specs.reduce((sum, spec) => sum + spec.shape.reduce((a, b) => a * b, 1), 0);
      expect(count).toBe(expected[name]);
      expect(specs.length).toBe(4 + 12 * gpt2Preset(name).n_layer);
    },
  );
});
