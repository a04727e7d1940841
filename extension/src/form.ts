/**
 * The accessible form for one answer cell: native controls only (radio buttons, check
 * boxes, drop-downs, buttons, a text field), one fieldset and legend per question, a label
 * on every control and a polite status line. The form never holds the answer itself: each
 * change is handed to `onChange`, which writes the value into the cell, and `render(state)`
 * redraws the controls from the cell without moving the keyboard focus.
 */
import { Widget } from '@lumino/widgets';

import { AnswerState, FormOption, FormSpec, emptyState, rowOptions } from './answer';

let counter = 0;
function uid(prefix: string): string {
  counter += 1;
  return `bm-${prefix}-${counter}`;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

function optionLabel(option: FormOption): string {
  return `${option.id}. ${option.text}`;
}

export interface AnswerFormOptions {
  spec: FormSpec;
  /** Called with the new state after every change the student makes in the form. */
  onChange: (state: AnswerState) => void;
  /** Show or hide the cell's code editor ("the answer as text"). */
  onToggleText: (show: boolean) => void;
}

export class AnswerForm extends Widget {
  readonly spec: FormSpec;
  private state: AnswerState = emptyState();
  private readonly onChange: (state: AnswerState) => void;
  private readonly onToggleText: (show: boolean) => void;
  private readonly status: HTMLParagraphElement;
  private readonly toggle: HTMLButtonElement;
  private readonly body: HTMLDivElement;
  /** Sets each control from the state; rebuilt per kind. */
  private sync: () => void = () => undefined;
  private message: string | null = null;

  constructor(options: AnswerFormOptions) {
    super();
    this.spec = options.spec;
    this.onChange = options.onChange;
    this.onToggleText = options.onToggleText;
    this.addClass('bm-AnswerForm');
    this.node.dataset.variable = this.spec.variable;
    this.node.dataset.itemType = this.spec.type;

    const legendId = uid('legend');
    const hintId = uid('hint');
    const fieldset = el('fieldset', { class: 'bm-AnswerForm-fieldset', 'aria-describedby': hintId });
    fieldset.append(
      el('legend', { id: legendId, class: 'bm-AnswerForm-legend' }, this.spec.legend),
      el('p', { id: hintId, class: 'bm-AnswerForm-hint' }, this.hint())
    );
    this.body = el('div', { class: 'bm-AnswerForm-body' });
    fieldset.append(this.body);
    this.status = el('p', { class: 'bm-AnswerForm-status', role: 'status' });
    this.toggle = el(
      'button',
      { type: 'button', class: 'bm-AnswerForm-toggle', 'aria-expanded': 'false' },
      'Show the answer as text'
    );
    this.toggle.addEventListener('click', () => this.setTextShown(!this.textShown));
    this.node.append(fieldset, this.status, this.toggle);
    this.build();
    this.render(emptyState());
  }

  get textShown(): boolean {
    return this.toggle.getAttribute('aria-expanded') === 'true';
  }

  setTextShown(show: boolean): void {
    this.toggle.setAttribute('aria-expanded', String(show));
    this.toggle.textContent = show ? 'Hide the answer as text' : 'Show the answer as text';
    this.onToggleText(show);
  }

  /** Redraw every control from `state` (read from the cell). */
  render(state: AnswerState): void {
    this.state = state;
    this.message = null;
    this.sync();
    this.updateStatus();
  }

  private hint(): string {
    const spec = this.spec;
    switch (spec.kind) {
      case 'letter':
        return 'Choose one answer.';
      case 'letters':
        return spec.max ? `Choose ${spec.max} answers.` : 'Select all that apply.';
      case 'choices':
        return spec.type === 'matrix'
          ? 'Choose one answer in each row.'
          : 'Choose one option in each drop-down list.';
      case 'groups':
        return 'Choose in each of the three groups as many as it asks for.';
      case 'grid':
        return 'In each row, tick every column that applies (one, several or none).';
      case 'phrases':
        return 'Select every phrase in the passage that is a cue. Select a phrase again to clear it.';
      case 'order':
        return 'Put the items in order, first at the top, with the Move up and Move down buttons.';
      case 'number':
        return 'Type a number.';
    }
  }

  private updateStatus(): void {
    let text: string;
    const state = this.state;
    this.node.classList.toggle('bm-mod-problem', state.problem !== null);
    if (this.message) {
      text = this.message;
    } else if (state.problem !== null) {
      text =
        'The answer written in this cell cannot be read for this question, so it counts as ' +
        'not answered. Choose here to replace it, or correct the text.';
    } else if (this.spec.kind === 'phrases') {
      const chosen = state.parts[''] ?? [];
      text = chosen.length ? `Phrases chosen: ${chosen.join(', ')}.` : 'Not answered yet.';
    } else if (this.spec.kind === 'choices' || this.spec.kind === 'groups' || this.spec.kind === 'grid') {
      const rows = this.spec.rows ?? [];
      const done = rows.filter(r => (state.parts[r.id] ?? []).length > 0).length;
      text = done === 0 ? 'Not answered yet.' : `Answered ${done} of ${rows.length} parts.`;
    } else if (this.spec.kind === 'order') {
      text = state.order ? 'Order recorded.' : 'Not answered yet: move the items, or keep this order.';
    } else if (this.spec.kind === 'number') {
      text = state.number === null ? 'Not answered yet.' : 'Answer recorded.';
    } else {
      text = (state.parts[''] ?? []).length ? 'Answer recorded.' : 'Not answered yet.';
    }
    this.status.textContent = text;
  }

  private changed(state: AnswerState, message: string | null = null): void {
    this.state = state;
    this.onChange(state);
    this.message = message;
    this.updateStatus();
  }

  private copyState(): AnswerState {
    return {
      parts: Object.fromEntries(Object.entries(this.state.parts).map(([k, v]) => [k, [...v]])),
      order: this.state.order ? [...this.state.order] : null,
      number: this.state.number,
      problem: null
    };
  }

  // --- builders per kind -------------------------------------------------------------

  private build(): void {
    const spec = this.spec;
    switch (spec.kind) {
      case 'letter':
      case 'letters':
        this.buildChoices(this.body, '', spec.options ?? [], spec.kind === 'letter' ? 1 : spec.max);
        break;
      case 'choices':
        if (spec.type === 'matrix') this.buildMatrix(false);
        else this.buildDropdowns();
        break;
      case 'groups':
        this.buildGroups();
        break;
      case 'grid':
        this.buildMatrix(true);
        break;
      case 'phrases':
        this.buildPhrases();
        break;
      case 'order':
        this.buildOrder();
        break;
      case 'number':
        this.buildNumber();
        break;
    }
  }

  /** Radio buttons (limit 1) or check boxes (limit N or none) for one part. */
  private buildChoices(
    parent: HTMLElement,
    part: string,
    options: FormOption[],
    limit: number | undefined
  ): void {
    const single = limit === 1;
    const name = uid('choice');
    const inputs: HTMLInputElement[] = [];
    const list = el('div', { class: 'bm-AnswerForm-choices' });
    for (const option of options) {
      const input = el('input', { type: single ? 'radio' : 'checkbox', name, value: option.id });
      const label = el(
        'label',
        { class: 'bm-AnswerForm-choice' },
        input,
        el('span', { class: 'bm-AnswerForm-letter' }, `${option.id}.`),
        el('span', { class: 'bm-AnswerForm-text' }, option.text)
      );
      input.addEventListener('change', () => {
        const state = this.copyState();
        let chosen = inputs.filter(i => i.checked).map(i => i.value);
        let message: string | null = null;
        if (!single && limit !== undefined && chosen.length > limit) {
          input.checked = false;
          chosen = chosen.filter(letter => letter !== input.value);
          message = `You can choose only ${limit} here. Clear one of your choices first.`;
        }
        state.parts[part] = chosen;
        this.changed(state, message);
      });
      inputs.push(input);
      list.append(label);
    }
    parent.append(list);
    const previous = this.sync;
    this.sync = () => {
      previous();
      const chosen = this.state.parts[part] ?? [];
      for (const input of inputs) input.checked = chosen.includes(input.value);
    };
  }

  /**
   * A grid: one fieldset per row, columns labelled in every cell. A matrix row is a radio
   * group (one letter); a multiple-response row is a set of check boxes (any letters).
   */
  private buildMatrix(multiple: boolean): void {
    const columns = this.spec.options ?? [];
    const kind = multiple ? 'bm-AnswerForm-matrix bm-AnswerForm-grid' : 'bm-AnswerForm-matrix';
    const grid = el('div', { class: kind });
    grid.style.setProperty('--bm-columns', String(columns.length));
    const head = el('div', { class: 'bm-AnswerForm-matrixHead', 'aria-hidden': 'true' });
    head.append(el('span', {}, ''), ...columns.map(c => el('span', {}, optionLabel(c))));
    grid.append(head);
    const syncs: (() => void)[] = [];
    for (const row of this.spec.rows ?? []) {
      const name = uid('row');
      const fieldset = el('fieldset', { class: 'bm-AnswerForm-matrixRow' });
      fieldset.append(el('legend', {}, `${row.id}. ${row.text}`));
      const inputs: HTMLInputElement[] = [];
      for (const column of columns) {
        const input = multiple
          ? el('input', { type: 'checkbox', value: column.id })
          : el('input', { type: 'radio', name, value: column.id });
        input.addEventListener('change', () => {
          const state = this.copyState();
          state.parts[row.id] = inputs.filter(i => i.checked).map(i => i.value);
          this.changed(state);
        });
        inputs.push(input);
        fieldset.append(
          el(
            'label',
            { class: 'bm-AnswerForm-cell' },
            input,
            el('span', { class: 'bm-AnswerForm-cellText' }, optionLabel(column))
          )
        );
      }
      grid.append(fieldset);
      syncs.push(() => {
        const chosen = this.state.parts[row.id] ?? [];
        for (const input of inputs) input.checked = chosen.includes(input.value);
      });
    }
    this.body.append(grid);
    this.sync = () => syncs.forEach(s => s());
  }

  /** Highlight: the passage, each numbered phrase a toggle button (aria-pressed). */
  private buildPhrases(): void {
    const passage = el('p', { class: 'bm-AnswerForm-passage' });
    const buttons: HTMLButtonElement[] = [];
    for (const phrase of this.spec.options ?? []) {
      const button = el(
        'button',
        {
          type: 'button',
          class: 'bm-AnswerForm-phrase',
          'aria-pressed': 'false',
          'data-phrase': phrase.id
        },
        el('span', { class: 'bm-AnswerForm-phraseNumber' }, `[${phrase.id}]`),
        ' ',
        phrase.text
      );
      button.addEventListener('click', () => {
        const state = this.copyState();
        const chosen = new Set(state.parts[''] ?? []);
        if (chosen.has(phrase.id)) chosen.delete(phrase.id);
        else chosen.add(phrase.id);
        state.parts[''] = [...chosen].sort((a, b) => Number(a) - Number(b));
        this.changed(state);
        this.sync();
      });
      buttons.push(button);
      passage.append(button, ' ');
    }
    this.body.append(passage);
    this.sync = () => {
      const chosen = this.state.parts[''] ?? [];
      for (const button of buttons) {
        button.setAttribute('aria-pressed', String(chosen.includes(button.dataset.phrase ?? '')));
      }
    };
  }

  /** A labelled drop-down per blank (cloze) or per half (rationale). */
  private buildDropdowns(): void {
    const syncs: (() => void)[] = [];
    for (const row of this.spec.rows ?? []) {
      const id = uid('select');
      const select = el('select', { id, class: 'bm-AnswerForm-select' });
      select.append(el('option', { value: '' }, 'Choose…'));
      for (const option of rowOptions(this.spec, row)) {
        select.append(el('option', { value: option.id }, optionLabel(option)));
      }
      select.addEventListener('change', () => {
        const state = this.copyState();
        state.parts[row.id] = select.value ? [select.value] : [];
        this.changed(state);
      });
      this.body.append(
        el(
          'div',
          { class: 'bm-AnswerForm-blank' },
          el('label', { for: id }, `[${row.id}] ${row.text}`),
          select
        )
      );
      syncs.push(() => {
        select.value = (this.state.parts[row.id] ?? [])[0] ?? '';
      });
    }
    this.sync = () => syncs.forEach(s => s());
  }

  /** Bow-tie: three labelled groups, each with its own limit. */
  private buildGroups(): void {
    for (const row of this.spec.rows ?? []) {
      const max = row.max ?? 1;
      const title = row.id.charAt(0).toUpperCase() + row.id.slice(1);
      const fieldset = el('fieldset', { class: 'bm-AnswerForm-group' });
      // The row text says how many to choose ("choose 2"); the limit is enforced below.
      fieldset.append(el('legend', {}, `${title}: ${row.text}`));
      this.buildChoices(fieldset, row.id, rowOptions(this.spec, row), max);
      this.body.append(fieldset);
    }
  }

  /** An ordered list; each item has Move up and Move down buttons (never drag only). */
  private buildOrder(): void {
    const options = this.spec.options ?? [];
    const list = el('ol', { class: 'bm-AnswerForm-order' });
    const keep = el('button', { type: 'button', class: 'bm-AnswerForm-keep' }, 'Keep this order');
    keep.addEventListener('click', () => {
      const state = this.copyState();
      state.order = this.currentOrder();
      this.changed(state, 'Order recorded as shown.');
    });
    this.body.append(list, keep);
    const byId = new Map(options.map(o => [o.id, o] as [string, FormOption]));
    const draw = (focus?: { id: string; dir: 'up' | 'down' }): void => {
      const order = this.currentOrder();
      list.replaceChildren();
      order.forEach((letter, index) => {
        const option = byId.get(letter) as FormOption;
        const text = optionLabel(option);
        const item = el(
          'li',
          { class: 'bm-AnswerForm-orderItem', 'data-letter': letter },
          el('span', { class: 'bm-AnswerForm-orderPos', 'aria-hidden': 'true' }, `${index + 1}.`),
          el('span', { class: 'bm-AnswerForm-orderText' }, text)
        );
        for (const dir of ['up', 'down'] as const) {
          const edge = dir === 'up' ? index === 0 : index === order.length - 1;
          const button = el(
            'button',
            {
              type: 'button',
              class: `bm-AnswerForm-move bm-AnswerForm-move-${dir}`,
              'aria-label': `Move ${text} ${dir}`,
              'aria-disabled': String(edge),
              'data-dir': dir
            },
            dir === 'up' ? 'Move up' : 'Move down'
          );
          button.addEventListener('click', () => {
            if (edge) return;
            const next = [...order];
            const to = dir === 'up' ? index - 1 : index + 1;
            [next[index], next[to]] = [next[to], next[index]];
            const state = this.copyState();
            state.order = next;
            this.changed(state, `${option.id} is now number ${to + 1} of ${order.length}.`);
            draw({ id: letter, dir });
          });
          item.append(button);
        }
        list.append(item);
      });
      keep.hidden = this.state.order !== null;
      if (focus) {
        const target = list.querySelector<HTMLButtonElement>(
          `li[data-letter="${focus.id}"] button[data-dir="${focus.dir}"]`
        );
        target?.focus();
      }
    };
    this.sync = () => {
      const active = document.activeElement;
      const inList = active instanceof HTMLElement && list.contains(active);
      const letter = inList ? active.closest('li')?.getAttribute('data-letter') : null;
      const dir = inList ? (active.getAttribute('data-dir') as 'up' | 'down' | null) : null;
      draw(letter && dir ? { id: letter, dir } : undefined);
    };
  }

  private currentOrder(): string[] {
    return this.state.order ?? (this.spec.options ?? []).map(o => o.id);
  }

  /** A number field with its unit beside it. */
  private buildNumber(): void {
    const id = uid('number');
    const unitId = uid('unit');
    const input = el('input', {
      id,
      type: 'text',
      inputmode: 'decimal',
      autocomplete: 'off',
      class: 'bm-AnswerForm-number'
    });
    const parts: (Node | string)[] = [el('label', { for: id }, 'Your answer'), input];
    if (this.spec.unit) {
      input.setAttribute('aria-describedby', unitId);
      parts.push(el('span', { id: unitId, class: 'bm-AnswerForm-unit' }, this.spec.unit));
    }
    this.body.append(el('div', { class: 'bm-AnswerForm-numberRow' }, ...parts));
    const parse = (text: string): number | null | undefined => {
      const clean = text.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
      if (clean === '') return null;
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(clean)) return undefined;
      return Number(clean);
    };
    input.addEventListener('input', () => {
      const value = parse(input.value);
      const state = this.copyState();
      state.number = value ?? null;
      input.setAttribute('aria-invalid', String(value === undefined));
      this.changed(state, value === undefined ? 'Type a number, such as 12 or 7.5.' : null);
    });
    this.sync = () => {
      const shown = parse(input.value);
      // A half-typed value (shown undefined) stays while the cell holds no number.
      const keepTyping = shown === undefined && this.state.number === null;
      if (shown !== this.state.number && !keepTyping) {
        input.value = this.state.number === null ? '' : String(this.state.number);
        input.setAttribute('aria-invalid', 'false');
      }
    };
  }
}
