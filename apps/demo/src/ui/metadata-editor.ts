/**
 * Shows the detected metadata and lets the user change it: each column's sdtype and its details,
 * the primary key, constraints, or the whole JSON. Validation is the worker's (core's parseMetadata
 * at Generate), so errors read exactly as the CLI's.
 */
import type { ColumnMetadata, ConstraintSpec, Metadata } from '@synthkit/core';
import { h } from './dom.js';

const SDTYPES = ['numerical', 'categorical', 'boolean', 'datetime', 'id', 'pii'] as const;

export class MetadataEditor {
  private detected: Metadata;
  private current: Metadata;

  constructor(
    private readonly root: HTMLElement,
    metadata: Metadata,
    private readonly piiKinds: readonly string[],
  ) {
    this.detected = structuredClone(metadata);
    this.current = structuredClone(metadata);
    this.render();
  }

  /** The edited metadata; throws an Error with a readable message when the constraints JSON is bad. */
  value(): Metadata {
    const text = (this.root.querySelector('#constraints') as HTMLTextAreaElement).value.trim();
    let constraints: ConstraintSpec[] = [];
    if (text !== '') {
      try {
        constraints = JSON.parse(text) as ConstraintSpec[];
      } catch (e) {
        throw new Error(`Constraints are not valid JSON: ${(e as Error).message}`);
      }
      if (!Array.isArray(constraints))
        throw new Error('Constraints must be a JSON array, e.g. [{ "type": "positive", "column": "fare" }]');
    }
    const { constraints: _, ...rest } = this.current;
    return constraints.length > 0 ? { ...rest, constraints } : rest;
  }

  private setColumn(name: string, meta: ColumnMetadata): void {
    this.current.columns[name] = meta;
    if (this.current.primaryKey === name && meta.sdtype !== 'id') delete this.current.primaryKey;
    this.render();
  }

  private defaultFor(name: string, sdtype: ColumnMetadata['sdtype']): ColumnMetadata {
    const detected = this.detected.columns[name];
    if (detected?.sdtype === sdtype) return structuredClone(detected);
    switch (sdtype) {
      case 'numerical':
        return { sdtype, representation: 'float' };
      case 'datetime':
        return { sdtype, format: '%Y-%m-%d' };
      case 'id':
        return { sdtype, style: 'integer' };
      case 'pii':
        return { sdtype, kind: 'email' };
      default:
        return { sdtype };
    }
  }

  private detail(name: string, meta: ColumnMetadata): HTMLElement | string {
    const select = (
      values: readonly string[],
      current: string,
      onChange: (v: string) => void,
      label: string,
    ) =>
      h(
        'select',
        {
          'aria-label': `${label} of ${name}`,
          onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value),
        },
        ...values.map((v) => h('option', { value: v, selected: v === current }, v)),
      );
    switch (meta.sdtype) {
      case 'numerical':
        return h(
          'span',
          {},
          select(
            ['integer', 'float'],
            meta.representation,
            (v) => this.setColumn(name, { ...meta, representation: v as 'integer' | 'float' }),
            'representation',
          ),
          meta.min !== undefined && meta.max !== undefined ? ` ${meta.min} … ${meta.max}` : '',
        );
      case 'datetime':
        return h('input', {
          type: 'text',
          value: meta.format,
          'aria-label': `format of ${name}`,
          onchange: (e: Event) =>
            this.setColumn(name, { ...meta, format: (e.target as HTMLInputElement).value }),
        });
      case 'id':
        return h(
          'span',
          {},
          select(
            ['integer', 'uuid', 'prefixed'],
            meta.style ?? 'integer',
            (v) => this.setColumn(name, { ...meta, style: v as 'integer' }),
            'id style',
          ),
          h(
            'label',
            {},
            h('input', {
              type: 'radio',
              name: 'primary-key',
              checked: this.current.primaryKey === name,
              onchange: () => {
                this.current.primaryKey = name;
                this.render();
              },
            }),
            ' primary key',
          ),
        );
      case 'pii':
        return select(
          this.piiKinds,
          meta.kind,
          (v) => this.setColumn(name, { ...meta, kind: v as 'email' }),
          'kind',
        );
      case 'boolean':
        return meta.trueToken !== undefined ? `${meta.trueToken} / ${meta.falseToken}` : '';
      default:
        return '';
    }
  }

  private render(): void {
    const rows = Object.entries(this.current.columns).map(([name, meta]) =>
      h(
        'tr',
        { 'data-column': name },
        h('td', {}, h('code', {}, name)),
        h(
          'td',
          {},
          h(
            'select',
            {
              'aria-label': `type of ${name}`,
              'data-testid': `sdtype-${name}`,
              onchange: (e: Event) =>
                this.setColumn(
                  name,
                  this.defaultFor(name, (e.target as HTMLSelectElement).value as ColumnMetadata['sdtype']),
                ),
            },
            ...SDTYPES.map((t) => h('option', { value: t, selected: t === meta.sdtype }, t)),
          ),
        ),
        h('td', {}, this.detail(name, meta)),
        h(
          'td',
          { class: 'muted' },
          meta.sdtype === 'id' || meta.sdtype === 'pii' ? 'regenerated, never learned' : 'learned',
        ),
      ),
    );
    const constraintsText =
      this.root.querySelector<HTMLTextAreaElement>('#constraints')?.value ??
      (this.current.constraints?.length ? JSON.stringify(this.current.constraints, null, 1) : '');
    const json = h(
      'textarea',
      { rows: 12, spellcheck: 'false', 'data-testid': 'metadata-json' },
      JSON.stringify(this.current, null, 2),
    );
    this.root.replaceChildren(
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'metadata', 'data-testid': 'metadata-table' },
          h(
            'thead',
            {},
            h('tr', {}, h('th', {}, 'column'), h('th', {}, 'type'), h('th', {}, 'details'), h('th', {}, '')),
          ),
          h('tbody', {}, ...rows),
        ),
      ),
      h(
        'label',
        { class: 'block' },
        'Constraints (JSON array), e.g. ',
        h('code', {}, '[{ "type": "inequality", "low": "pickup", "high": "dropoff" }]'),
        h(
          'textarea',
          { id: 'constraints', rows: 2, spellcheck: 'false', 'data-testid': 'constraints' },
          constraintsText,
        ),
      ),
      h(
        'details',
        {},
        h('summary', {}, 'Metadata as JSON (edit, then apply; also accepts SDV metadata)'),
        json,
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            {
              type: 'button',
              onclick: () => {
                try {
                  const parsed = JSON.parse(json.value) as Metadata;
                  if (typeof parsed !== 'object' || parsed === null || typeof parsed.columns !== 'object')
                    throw new Error('Metadata JSON needs a "columns" object');
                  this.current = parsed;
                  const ta = this.root.querySelector<HTMLTextAreaElement>('#constraints');
                  if (ta)
                    ta.value = parsed.constraints?.length ? JSON.stringify(parsed.constraints, null, 1) : '';
                  this.render();
                } catch (e) {
                  alert((e as Error).message);
                }
              },
            },
            'Apply JSON',
          ),
          h(
            'button',
            {
              type: 'button',
              onclick: () => {
                this.current = structuredClone(this.detected);
                this.render();
              },
            },
            'Reset to detected',
          ),
        ),
      ),
    );
  }
}
