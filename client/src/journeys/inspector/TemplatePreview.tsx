import { renderTemplate, type MessageChannel, type MessageTemplate } from '@cairn/schema';
import { useState } from 'react';
import { useInspectorData } from './InspectorContext';

/** A fallback customer when the workspace has none yet. */
const NOBODY = { id: 'sample', email: 'ada@example.com', traits: { first_name: 'Ada' } };

/**
 * The template rendered for a sample customer with `renderTemplate` (the runtime's own
 * function), escaped as the channel will escape it; missing variables are named.
 */
export function TemplatePreview(props: {
  readonly channel: MessageChannel;
  readonly template: MessageTemplate;
}) {
  const { customers } = useInspectorData();
  const [customerId, setCustomerId] = useState(customers[0]?.id ?? NOBODY.id);
  const customer = customers.find((c) => c.id === customerId) ?? customers[0] ?? NOBODY;
  const facts = { id: customer.id, email: customer.email ?? undefined, traits: customer.traits };
  const escaping =
    props.channel === 'email' ? 'html' : props.channel === 'webhook' ? 'json' : 'none';
  const subject = props.template.subject
    ? renderTemplate(props.template.subject, facts as never, 'none')
    : undefined;
  const body = renderTemplate(props.template.body, facts as never, escaping);
  const missing = [
    ...(subject && !subject.ok ? subject.missing : []),
    ...(body.ok ? [] : body.missing),
  ];
  return (
    <section className="preview" aria-label="Preview" data-testid="template-preview">
      <div className="preview__head">
        <span className="field__label">Preview for</span>
        <select
          className="input"
          aria-label="Sample customer"
          value={customer.id}
          onChange={(e) => setCustomerId(e.target.value)}
        >
          {(customers.length ? customers : [NOBODY]).map((c) => (
            <option key={c.id} value={c.id}>
              {c.email ?? c.id}
            </option>
          ))}
        </select>
      </div>
      {missing.length > 0 ? (
        <p className="field__error">
          This customer lacks {missing.join(', ')}: the send would fail. Add a fallback, e.g.{' '}
          <code>{`{{ ${missing[0]} | "there" }}`}</code>.
        </p>
      ) : (
        <div className="preview__message">
          {subject?.ok && <div className="preview__subject">{subject.text}</div>}
          {props.channel === 'email' && body.ok ? (
            // The body is the template rendered with HTML escaping of every inserted value.
            <div
              className="preview__body"
              dangerouslySetInnerHTML={{ __html: body.ok ? body.text : '' }}
            />
          ) : (
            <pre className="preview__body">{body.ok ? body.text : ''}</pre>
          )}
        </div>
      )}
    </section>
  );
}
