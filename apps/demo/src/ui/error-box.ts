import type { ErrorInfo } from '../worker/protocol.js';
import { h } from './dom.js';

/** A readable error: the sentence, where (column/row), what to do, and the stable code. */
export function showError(box: HTMLElement, error: ErrorInfo): void {
  const where = [
    error.column !== undefined ? `column "${error.column}"` : '',
    error.row !== undefined ? `row ${error.row}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const parts = [
    h(
      'p',
      { class: 'error-message' },
      error.message,
      where && !error.message.includes(where) ? ` (${where})` : '',
    ),
    error.hint ? h('p', { class: 'error-hint' }, error.hint) : null,
    h('p', { class: 'error-code' }, h('code', {}, error.code)),
  ];
  box.replaceChildren(...parts.filter((p): p is HTMLParagraphElement => p !== null));
  box.hidden = false;
}

export function clearBox(box: HTMLElement): void {
  box.replaceChildren();
  box.hidden = true;
}

export function showNotices(box: HTMLElement, notices: readonly string[]): void {
  box.replaceChildren(...notices.map((n) => h('p', {}, n)));
  box.hidden = notices.length === 0;
}
