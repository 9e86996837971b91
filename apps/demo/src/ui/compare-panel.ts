// Panel 3: one MR without a prefix beside each chosen prefix, decoded as one mixed-prefix batch,
// with each output's BLEU when the MR is from the dev set.
import type { PrefixName } from '../worker/protocol';
import { bindDevPicker } from './dev-picker';
import { byId, element, prefixLabels } from './dom';
import type { PageState } from './page-state';
import type { WorkerClient } from './worker-client';

export function mountComparePanel(client: WorkerClient, state: PageState): void {
  byId('compare').hidden = false;
  const mr = byId<HTMLTextAreaElement>('cmp-mr');
  const choices = byId<HTMLFieldSetElement>('cmp-prefixes');
  const max = byId<HTMLInputElement>('cmp-max');
  const run = byId<HTMLButtonElement>('cmp-run');
  const columns = byId('cmp-columns');
  const stats = byId('cmp-stats');
  const picker = bindDevPicker(state, byId('cmp-dev'), mr);
  const fillChoices = () => {
    const legend = choices.querySelector('legend')!;
    choices.replaceChildren(
      legend,
      ...state.prefixes
        .filter((name) => name !== 'none')
        .map((name) => {
          const box = element('input', {
            type: 'checkbox',
            value: name,
            checked: true,
            id: `cmp-use-${name}`,
          });
          return element('label', { htmlFor: box.id }, [box, ` ${prefixLabels[name] ?? name}`]);
        }),
    );
  };
  fillChoices();
  state.onPrefixes.add(fillChoices);
  let current = 0;
  run.addEventListener('click', () => {
    current = client.id();
    const chosen = [...choices.querySelectorAll<HTMLInputElement>('input:checked')].map(
      (box) => box.value as PrefixName,
    );
    columns.replaceChildren();
    columns.dataset.state = 'running';
    stats.textContent = 'Decoding…';
    run.disabled = true;
    client.send({
      type: 'compare',
      id: current,
      source: mr.value.trim(),
      prefixes: ['none', ...chosen],
      references: picker.references(),
      maxNewTokens: Number(max.value),
    });
  });
  client.on((event) => {
    if (!('id' in event) || event.id !== current) return;
    if (event.type === 'compared') {
      columns.replaceChildren(
        ...event.rows.map((row) =>
          element('article', {}, [
            element('h3', { textContent: prefixLabels[row.prefix] ?? row.prefix }),
            element('p', { textContent: row.text, className: 'text' }),
            element('p', {
              textContent:
                row.bleu === null
                  ? 'BLEU: no references (not a dev-set MR)'
                  : `BLEU ${row.bleu.toFixed(2)}`,
            }),
          ]),
        ),
      );
      columns.querySelectorAll('article').forEach((article, index) => {
        article.dataset.prefix = event.rows[index]!.prefix;
        article.dataset.tokens = event.rows[index]!.tokens.join(',');
      });
      columns.dataset.state = 'done';
      stats.textContent = `${event.rows.length} rows in one batch, ${(event.ms / 1000).toFixed(1)} s`;
    } else if (event.type === 'error') columns.dataset.state = 'error';
    else return;
    run.disabled = false;
  });
}
