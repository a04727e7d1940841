/**
 * The form's state for one item, and its two conversions: from the plain value read in the
 * cell (mirroring bonemets/assessment/shapes.py `normalise`), and back to the value's source.
 */
import { PyValue, pyString, readAssignment, Unreadable } from './value';

export interface FormOption {
  id: string;
  text: string;
}

export interface FormRow {
  id: string;
  text: string;
  options?: FormOption[];
  max?: number;
}

/** cell.metadata.bonemets.form, written by bonemets/grading/answer_forms.py (no keys). */
export interface FormSpec {
  version: number;
  variable: string;
  type: string;
  kind: 'letter' | 'letters' | 'choices' | 'groups' | 'grid' | 'phrases' | 'order' | 'number';
  legend: string;
  options?: FormOption[];
  rows?: FormRow[];
  max?: number;
  unit?: string;
  /** Highlight: the phrases are numbered 1..count (their texts are `options`). */
  count?: number;
}

/**
 * Letters chosen per part ('' for single-part kinds), the order (ordering) or the number.
 * `problem` is set when the cell holds something the grader cannot read in this form.
 */
export interface AnswerState {
  parts: Record<string, string[]>;
  order: string[] | null;
  number: number | null;
  problem: string | null;
}

export function emptyState(): AnswerState {
  return { parts: {}, order: null, number: null, problem: null };
}

export function rowOptions(spec: FormSpec, row: FormRow): FormOption[] {
  return row.options ?? spec.options ?? [];
}

function letter(value: PyValue, options: FormOption[]): string {
  const text = value.t === 'str' ? value.v.trim().toUpperCase() : '';
  if (text.length !== 1 || !options.some(o => o.id === text)) {
    throw new Unreadable(`not one of the letters ${options.map(o => o.id).join(', ')}`);
  }
  return text;
}

function letterSet(value: PyValue, options: FormOption[], max?: number): string[] {
  if (value.t !== 'set' && value.t !== 'list' && value.t !== 'tuple') {
    throw new Unreadable('not a set of letters');
  }
  const letters = [...new Set(value.items.map(v => letter(v, options)))].sort();
  if (max !== undefined && letters.length > max) {
    throw new Unreadable(`more than ${max} letters`);
  }
  return letters;
}

/** Highlight: a set of phrase numbers 1..count, as strings in number order. */
function phraseSet(value: PyValue, count: number): string[] {
  if (value.t !== 'set' && value.t !== 'list' && value.t !== 'tuple') {
    throw new Unreadable('not a set of phrase numbers');
  }
  const numbers = value.items.map(v => {
    const n = v.t === 'num' ? v.v : v.t === 'str' && /^\s*\d+\s*$/.test(v.v) ? Number(v.v) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > count) {
      throw new Unreadable(`not a phrase number from 1 to ${count}`);
    }
    return n;
  });
  return [...new Set(numbers)].sort((a, b) => a - b).map(String);
}

function partKey(key: PyValue): string {
  if (key.t === 'num') return String(key.v);
  if (key.t === 'str') return /^\s*\d+\s*$/.test(key.v) ? String(Number(key.v)) : key.v.trim().toLowerCase();
  throw new Unreadable('a part name that is not a number or a word');
}

/** Form state from a value (`null` = not answered). Throws Unreadable when it does not fit. */
export function stateFromValue(spec: FormSpec, value: PyValue | null): AnswerState {
  const state = emptyState();
  if (value === null || value.t === 'none') return state;
  const options = spec.options ?? [];
  switch (spec.kind) {
    case 'letter':
      state.parts[''] = [letter(value, options)];
      break;
    case 'letters':
      state.parts[''] = letterSet(value, options, spec.max);
      break;
    case 'phrases':
      state.parts[''] = phraseSet(value, spec.count ?? options.length);
      break;
    case 'grid': {
      if (value.t !== 'dict') throw new Unreadable('not a dict of rows');
      for (const [rawKey, partValue] of value.entries) {
        const key = partKey(rawKey);
        if (!(spec.rows ?? []).some(r => r.id === key)) throw new Unreadable(`no row ${key}`);
        state.parts[key] = letterSet(partValue, options);
      }
      break;
    }
    case 'choices':
    case 'groups': {
      if (value.t !== 'dict') throw new Unreadable('not a dict of parts');
      const rows = spec.rows ?? [];
      for (const [rawKey, partValue] of value.entries) {
        const key = partKey(rawKey);
        const row = rows.find(r => r.id === key);
        if (!row) throw new Unreadable(`no part ${key}`);
        const opts = rowOptions(spec, row);
        if (spec.kind === 'choices' || (row.max ?? 1) === 1) {
          let single = partValue;
          if (spec.kind === 'groups' && partValue.t !== 'str' && 'items' in partValue) {
            if (partValue.items.length !== 1) throw new Unreadable(`${key} needs one letter`);
            single = partValue.items[0];
          }
          state.parts[key] = [letter(single, opts)];
        } else {
          state.parts[key] = letterSet(partValue, opts, row.max);
        }
      }
      break;
    }
    case 'order': {
      if (value.t !== 'list' && value.t !== 'tuple') throw new Unreadable('not a list in order');
      const letters = value.items.map(v => letter(v, options));
      const all = options.map(o => o.id);
      if ([...letters].sort().join() !== [...all].sort().join()) {
        throw new Unreadable('does not use every letter once');
      }
      state.order = letters;
      break;
    }
    case 'number':
      if (value.t !== 'num' || !Number.isFinite(value.v)) throw new Unreadable('not a number');
      state.number = value.v;
      break;
  }
  return state;
}

/** Read the cell's source into a form state; a problem is recorded, never thrown. */
export function stateFromSource(spec: FormSpec, source: string): AnswerState {
  try {
    return stateFromValue(spec, readAssignment(source, spec.variable));
  } catch (error) {
    const state = emptyState();
    state.problem = error instanceof Error ? error.message : String(error);
    return state;
  }
}

function letterSetSource(letters: string[]): string {
  return '{' + [...letters].sort().map(pyString).join(', ') + '}';
}

/** The plain value's source for a state ("None" when nothing is chosen yet). */
export function valueSource(spec: FormSpec, state: AnswerState): string {
  switch (spec.kind) {
    case 'letter': {
      const chosen = state.parts['']?.[0];
      return chosen ? pyString(chosen) : 'None';
    }
    case 'letters': {
      const chosen = state.parts[''] ?? [];
      return chosen.length ? letterSetSource(chosen) : 'None';
    }
    case 'choices':
    case 'groups': {
      const entries: string[] = [];
      for (const row of spec.rows ?? []) {
        const chosen = state.parts[row.id] ?? [];
        if (!chosen.length) continue;
        const key = spec.kind === 'choices' ? row.id : pyString(row.id);
        const single = spec.kind === 'choices' || (row.max ?? 1) === 1;
        entries.push(`${key}: ${single ? pyString(chosen[0]) : letterSetSource(chosen)}`);
      }
      return entries.length ? '{' + entries.join(', ') + '}' : 'None';
    }
    case 'phrases': {
      const chosen = state.parts[''] ?? [];
      return chosen.length ? '{' + [...chosen].sort((a, b) => Number(a) - Number(b)).join(', ') + '}' : 'None';
    }
    case 'grid': {
      const entries: string[] = [];
      for (const row of spec.rows ?? []) {
        const chosen = state.parts[row.id] ?? [];
        if (chosen.length) entries.push(`${row.id}: ${letterSetSource(chosen)}`);
      }
      return entries.length ? '{' + entries.join(', ') + '}' : 'None';
    }
    case 'order':
      return state.order ? '[' + state.order.map(pyString).join(', ') + ']' : 'None';
    case 'number':
      return state.number === null ? 'None' : String(state.number);
  }
}

/** True when the student has given some answer (a partly answered dict counts). */
export function isAnswered(spec: FormSpec, state: AnswerState): boolean {
  return state.problem === null && valueSource(spec, state) !== 'None';
}
