/**
 * bonemets-answer-forms: answer graded items by clicking.
 *
 * Every notebook cell whose metadata holds `bonemets.form` (written into source/ by
 * bonemets/grading/answer_forms.py; never the key) gets an accessible form above its code.
 * The cell's source stays the single truth: each change in the form writes the plain value
 * (`q3 = {1: "A"}`) into the cell, and typing in the cell redraws the form. Without this
 * extension the notebook still works: the student types the value.
 * The written (short) answer cell gets a labelled box instead (./shortAnswer.ts).
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { Cell, ICellModel } from '@jupyterlab/cells';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import { PanelLayout } from '@lumino/widgets';

import { AnswerState, FormSpec, stateFromSource, valueSource } from './answer';
import { AnswerForm } from './form';
import { isShortAnswer, markShortAnswer } from './shortAnswer';
import { writeAssignment } from './value';

const FORM_CLASS = 'bm-AnswerForm';
const TEXT_HIDDEN_CLASS = 'bm-mod-answerTextHidden';
const SUPPORTED_VERSION = 1;
const SOLUTION_MARKER = /^\s*#+\s*BEGIN SOLUTION/m;

function formSpec(model: ICellModel): FormSpec | null {
  if (model.type !== 'code') return null;
  const meta = model.getMetadata('bonemets') as { form?: FormSpec } | undefined;
  const spec = meta?.form;
  if (!spec || spec.version !== SUPPORTED_VERSION || !spec.variable || !spec.kind) return null;
  return spec;
}

/** Put a form on one cell (once); keep form and source in step both ways. */
function attach(cell: Cell): void {
  const spec = formSpec(cell.model);
  const inputWrapper = cell.inputArea?.parent;
  const layout = cell.layout as PanelLayout | null;
  if (!spec || !inputWrapper || !layout || cell.node.querySelector(`.${FORM_CLASS}`)) return;

  const shared = cell.model.sharedModel;
  // An instructor's source/ notebook holds the key between nbgrader's solution markers: a
  // form there would show the key and could rewrite the markers, so those cells stay code.
  if (SOLUTION_MARKER.test(shared.getSource())) return;
  let lastWritten: string | null = null;
  const form = new AnswerForm({
    spec,
    onChange: (state: AnswerState) => {
      const source = writeAssignment(shared.getSource(), spec.variable, valueSource(spec, state));
      lastWritten = source;
      shared.setSource(source);
    },
    onToggleText: (show: boolean) => cell.toggleClass(TEXT_HIDDEN_CLASS, !show)
  });
  layout.insertWidget(layout.widgets.indexOf(inputWrapper), form);

  const refresh = (): void => {
    const source = shared.getSource();
    if (source === lastWritten) return; // our own write: the form already shows it
    lastWritten = null;
    form.render(stateFromSource(spec, source));
  };
  refresh();
  // A cell that holds an unreadable answer opens with its text visible, to be fixed.
  form.setTextShown(form.node.classList.contains('bm-mod-problem'));
  const onChanged = (_: unknown, change: { sourceChange?: unknown }): void => {
    if (change.sourceChange) refresh();
  };
  shared.changed.connect(onChanged);
  cell.disposed.connect(() => {
    shared.changed.disconnect(onChanged);
    form.dispose();
  });
}

function watch(panel: NotebookPanel): void {
  const notebook = panel.content;
  const scan = (): void => {
    for (const cell of notebook.widgets) {
      if (formSpec(cell.model)) void cell.ready.then(() => attach(cell));
      else if (isShortAnswer(cell.model)) void cell.ready.then(() => markShortAnswer(cell));
    }
  };
  void panel.context.ready.then(() => {
    scan();
    notebook.model?.cells.changed.connect(() => setTimeout(scan, 0));
  });
  notebook.modelChanged.connect(() => setTimeout(scan, 0));
}

/**
 * JupyterLab runs keyboard shortcuts in the capture phase, before any control sees the key,
 * so in command mode "A" would insert a cell and the arrows would move between cells while a
 * radio group has focus. Keys without Ctrl/Cmd/Alt are kept for the form's own controls
 * (lumino skips shortcuts on a node marked `data-lm-suppress-shortcuts`); Ctrl+S and friends still work.
 */
function protectFormKeys(): void {
  window.addEventListener(
    'keydown',
    event => {
      const target = event.target;
      if (!(target instanceof Element) || !target.closest(`.${FORM_CLASS}`)) return;
      const plain = !(event.ctrlKey || event.metaKey || event.altKey) && event.key !== 'Escape';
      // On the focused control itself: lumino stops at the first node that matches a
      // shortcut's selector (".jp-Notebook.jp-mod-commandMode :focus"), which is the control.
      if (plain) target.setAttribute('data-lm-suppress-shortcuts', 'true');
      else target.removeAttribute('data-lm-suppress-shortcuts');
    },
    true
  );
}

const plugin: JupyterFrontEndPlugin<void> = {
  id: 'bonemets-answer-forms:plugin',
  description: 'Answer graded items by clicking: accessible forms for nbgrader answer cells.',
  autoStart: true,
  requires: [INotebookTracker],
  activate: (_app: JupyterFrontEnd, tracker: INotebookTracker) => {
    protectFormKeys();
    tracker.forEach(watch);
    tracker.widgetAdded.connect((_, panel) => watch(panel));
  }
};

export default plugin;
