import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { editorCatalog } from './catalog';
import { PropertyFilterEditor } from './PropertyFilterEditor';

const catalog = editorCatalog({
  traits: [],
  events: [
    {
      name: 'Guide Downloaded',
      properties: [
        { path: 'format', type: 'string', count: 3, examples: ['pdf'] },
        { path: 'pages', type: 'number', count: 3, examples: [12] },
      ],
    },
  ],
});

const render = (value: Parameters<typeof PropertyFilterEditor>[0]['value']) =>
  renderToStaticMarkup(
    createElement(PropertyFilterEditor, {
      event: 'Guide Downloaded',
      value,
      onChange: () => undefined,
      catalog,
    }),
  );

describe('PropertyFilterEditor', () => {
  it('offers to add a filter when the event has none', () => {
    const html = render(undefined);
    expect(html).toContain('data-testid="add-property-filter"');
    expect(html).not.toContain('data-testid="re-row"');
  });

  it('draws the rule editor’s property rows, with the event’s catalog paths to pick from', () => {
    const html = render({
      kind: 'all',
      id: 'g',
      children: [{ kind: 'property', id: 'p', path: 'pages', type: 'string', op: 'eq', value: '' }],
    });
    expect(html).toContain('data-node-id="p"');
    expect(html).toContain('data-kind="property"');
    expect(html).toMatch(/<option value="format">format · /);
    expect(html).toMatch(/<option value="pages" selected="">pages · /);
    // Checked as you type: the catalog says `pages` is a number.
    expect(html).toContain('data-code="RULE_TYPE_MISMATCH"');
    // The filter's own box has no move buttons, only its rows do.
    expect(html).not.toContain('aria-label="Move group up"');
    expect(html).toContain('aria-label="Remove property condition"');
  });
});
