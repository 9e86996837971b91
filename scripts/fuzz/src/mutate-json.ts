// Structure-aware mutations of a parsed JSON value: a random node gets another type, an edge
// number, a huge or odd string, or is deleted; a key is added or renamed. These reach the
// validators behind the JSON parser, which byte flips rarely do.
import type { SeededRandom } from './seeded-random';

const edgeValues: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1,
  0.5,
  -0.0,
  1e308,
  -1e308,
  2 ** 53,
  2 ** 31,
  '',
  ' ',
  'F32',
  'BF16',
  'PREFIX_TUNING',
  'LORA',
  'é\u0000\u202e',
  'x'.repeat(1000),
  [],
  {},
  [1, 2, 3],
  { nested: { deeper: [null] } },
];

/** A fresh copy each time: a shared object inserted twice could end up inside itself. */
function edgeValue(random: SeededRandom): unknown {
  return structuredClone(random.pick(edgeValues));
}

type Container = Record<string, unknown> | unknown[];

function containers(value: unknown, out: Container[] = []): Container[] {
  if (typeof value === 'object' && value !== null) {
    out.push(value as Container);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

/** A mutated deep copy of `value` (1-3 mutations). */
export function mutateJson(value: unknown, random: SeededRandom): unknown {
  const copy = structuredClone(value);
  const steps = 1 + random.int(3);
  for (let step = 0; step < steps; step++) {
    const nodes = containers(copy);
    if (nodes.length === 0) return edgeValue(random);
    const node = random.pick(nodes);
    const keys = Object.keys(node);
    const key = keys.length > 0 ? random.pick(keys) : '0';
    const target = node as Record<string, unknown>;
    switch (random.int(5)) {
      case 0:
        if (Array.isArray(node)) node.splice(Number(key), 1);
        else delete target[key];
        break;
      case 1:
        target[random.pick(['extra', '__proto__', 'constructor', key.toUpperCase(), `${key}_`])] =
          edgeValue(random);
        break;
      case 2: {
        const current = target[key];
        target[key] =
          typeof current === 'number'
            ? random.pick([current + 1, current - 1, current * 2, -current, current + 0.5, 0])
            : edgeValue(random);
        break;
      }
      default:
        target[key] = edgeValue(random);
    }
  }
  return copy;
}
