import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { editorCatalog } from './catalog';
import type { RuleDraft } from './draft.types';
import { RuleEditor } from './RuleEditor';

const catalog = editorCatalog({
  traits: [{ path: 'plan', type: 'string', count: 3, examples: ['pro', 'free'] }],
  events: [
    {
      name: 'Page Viewed',
      properties: [{ path: 'url', type: 'string', count: 5, examples: ['/pricing'] }],
    },
  ],
});

const draft: RuleDraft = {
  version: 1,
  root: {
    kind: 'all',
    id: 'root',
    children: [
      { kind: 'trait', id: 'plan-row', path: 'traits.plan', type: 'string', op: 'in', values: [] },
      {
        kind: 'not',
        id: 'none-box',
        child: {
          kind: 'any',
          id: 'inner',
          children: [
            {
              kind: 'event',
              id: 'viewed',
              event: 'Page Viewed',
              measure: {
                type: 'count',
                window: { type: 'ever' },
                compare: { op: 'gte', value: 1 },
              },
            },
          ],
        },
      },
    ],
  },
};

/** The editor alone, rendered to HTML: no router, no GraphQL client, no page. */
const render = (problems = []) =>
  renderToStaticMarkup(
    createElement(RuleEditor, { value: draft, onChange: () => undefined, catalog, problems }),
  );

/** The HTML of the row with this node id, up to the next row. */
const rowHtml = (html: string, id: string) => {
  const start = html.indexOf(`data-node-id="${id}"`);
  expect(start).toBeGreaterThan(-1);
  const next = html.indexOf('data-testid="re-row"', start + 1);
  return html.slice(start, next === -1 ? undefined : next);
};

describe('RuleEditor', () => {
  it('renders with no page around it, each row under its node id, a not(any) as a "none" box', () => {
    const html = render();
    expect(html).toContain('data-testid="rule-editor"');
    expect(html).toContain('data-node-id="none-box"');
    expect(html).not.toContain('data-node-id="inner"');
    expect(rowHtml(html, 'none-box')).toMatch(/<option value="none" selected="">none<\/option>/);
    expect(rowHtml(html, 'viewed')).toContain('Page Viewed');
  });

  it('puts its own check and the given problems on the rows they name', () => {
    const html = render([
      {
        code: 'RULE_UNKNOWN_EVENT',
        message: 'From the server.',
        path: [],
        nodeId: 'viewed',
        severity: 'warning',
      },
    ] as never);
    expect(rowHtml(html, 'plan-row')).toContain('&quot;values&quot; must hold at least one value.');
    expect(rowHtml(html, 'viewed')).toContain('From the server.');
    expect(rowHtml(html, 'viewed')).not.toContain('at least one value');
  });
});
