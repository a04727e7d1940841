/**
 * The short answer: a markdown cell the student writes in, marked by the instructor.
 *
 * nbgrader calls it a "manually graded answer": a markdown cell whose `nbgrader` metadata has
 * `solution` and `grade` both true (bonemets/grading/source_builder.py writes it from the item
 * bank). Without help it reads like course text; here it gets a labelled box, in edit mode and
 * rendered, and a line saying how to write in it and how to finish. The label sits outside
 * the cell's source, so the student cannot delete it and the sanitiser never sees it.
 */
import { Cell, ICellModel } from '@jupyterlab/cells';
import { PanelLayout, Widget } from '@lumino/widgets';

export const SHORT_ANSWER_CLASS = 'bm-ShortAnswer';
const LABEL_CLASS = 'bm-ShortAnswer-label';

interface NbgraderMeta {
  solution?: boolean;
  grade?: boolean;
}

/** Is this cell a student's written answer (nbgrader's manually graded markdown cell)? */
export function isShortAnswer(model: ICellModel): boolean {
  if (model.type !== 'markdown') return false;
  const meta = model.getMetadata('nbgrader') as NbgraderMeta | undefined;
  return meta?.solution === true && meta?.grade === true;
}

function labelWidget(): Widget {
  const node = document.createElement('div');
  node.className = LABEL_CLASS;
  const title = document.createElement('p');
  title.className = `${LABEL_CLASS}Title`;
  title.textContent = 'Your written answer (your instructor marks it)';
  // Two hints; CSS shows the one that fits the cell's state (rendered or being edited).
  const toEdit = document.createElement('p');
  toEdit.className = `${LABEL_CLASS}Hint bm-ShortAnswer-hintRendered`;
  toEdit.textContent =
    'To write or change it, double-click inside the box (or select the box and press Enter).';
  const toFinish = document.createElement('p');
  toFinish.className = `${LABEL_CLASS}Hint bm-ShortAnswer-hintEditing`;
  toFinish.textContent =
    'You are writing in the box. Press Shift+Enter when you have finished, then save (Ctrl+S).';
  node.append(title, toEdit, toFinish);
  return new Widget({ node });
}

/** Box and label one short-answer cell (once). */
export function markShortAnswer(cell: Cell): void {
  const inputWrapper = cell.inputArea?.parent;
  const layout = cell.layout as PanelLayout | null;
  if (!inputWrapper || !layout || cell.node.querySelector(`.${LABEL_CLASS}`)) return;
  cell.addClass(SHORT_ANSWER_CLASS);
  const label = labelWidget();
  layout.insertWidget(layout.widgets.indexOf(inputWrapper), label);
  cell.disposed.connect(() => label.dispose());
}
