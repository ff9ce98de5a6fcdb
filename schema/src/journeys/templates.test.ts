import { describe, expect, it } from 'vitest';
import { parseTemplate, renderTemplate } from './templates';

const facts = {
  id: 'c1',
  email: 'a@b.co',
  traits: { first_name: 'Zoë', company: { name: 'A&B "Co"' }, n: 0 },
};

describe('templates', () => {
  it('lists variables with fallbacks and offsets', () => {
    expect(parseTemplate('Hi {{ traits.first_name | "there" }}, {{email}}').variables).toEqual([
      { path: 'traits.first_name', fallback: 'there', offset: 3 },
      { path: 'email', offset: 38 },
    ]);
  });

  it('reports placeholders that are not variables and unclosed braces', () => {
    const { problems } = parseTemplate('{{ first_name }} and {{ traits.x');
    expect(problems.map((p) => p.offset)).toEqual([0, 21]);
    expect(problems[0]?.message).toContain('traits.<name>');
  });

  it('escapes for HTML and JSON, and leaves plain text alone', () => {
    const t = '{{ traits.company.name }}';
    expect(renderTemplate(t, facts, 'html')).toEqual({ ok: true, text: 'A&amp;B &quot;Co&quot;' });
    expect(renderTemplate(t, facts, 'json')).toEqual({ ok: true, text: 'A&B \\"Co\\"' });
    expect(renderTemplate(t, facts, 'none')).toEqual({ ok: true, text: 'A&B "Co"' });
    expect(renderTemplate('{{ traits.n }} {{ id }}', facts, 'none')).toEqual({
      ok: true,
      text: '0 c1',
    });
  });

  it('fails with the names of missing variables unless a fallback is given', () => {
    expect(
      renderTemplate('{{ traits.city }} {{ traits.zip }} {{ traits.city }}', facts, 'html'),
    ).toEqual({ ok: false, missing: ['traits.city', 'traits.zip'] });
    expect(renderTemplate('{{ traits.city | "your city" }}', facts, 'html')).toEqual({
      ok: true,
      text: 'your city',
    });
  });

  it('never evaluates the template as code', () => {
    const hostile = '{{ traits.x | "${process.exit()}" }}<script>';
    expect(renderTemplate(hostile, facts, 'none')).toEqual({
      ok: true,
      text: '${process.exit()}<script>',
    });
  });
});
