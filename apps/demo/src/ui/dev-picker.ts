// A dev-set <select> bound to an MR <textarea>: picking fills the text in; the references count
// only while the text is still the picked MR (an edited MR has none).

import { setOptions } from './dom';
import type { PageState } from './page-state';

export interface DevPicker {
  /** The references of the MR in the text box, or null when it is not a dev-set MR. */
  references(): readonly string[] | null;
}

export function bindDevPicker(
  state: PageState,
  select: HTMLSelectElement,
  text: HTMLTextAreaElement,
): DevPicker {
  setOptions(
    select,
    state.devSet.map((group, index) => [String(index), group.source]),
  );
  const fill = () => {
    text.value = state.devSet[Number(select.value)]?.source ?? '';
  };
  select.addEventListener('change', fill);
  fill();
  return {
    references: () => {
      const group = state.devSet.find((candidate) => candidate.source === text.value.trim());
      return group ? group.references : null;
    },
  };
}
