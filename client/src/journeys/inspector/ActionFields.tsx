import { ACTION_TYPES, MESSAGE_CHANNELS, type ActionSpec, type ActionType } from '@cairn/schema';
import type { StepBody } from '../editor/flow.types';
import { Field, NumberField, SelectField, TextField } from './fields';
import { TemplatePreview } from './TemplatePreview';

type Step = Extract<StepBody, { kind: 'action' }>;

const LABELS: Record<ActionType, string> = {
  send: 'Send a message',
  setTrait: 'Update a trait',
  addScore: 'Add score',
  notifySales: 'Alert sales',
  addTag: 'Add a tag',
};

function actionOf(type: ActionType): ActionSpec {
  switch (type) {
    case 'send':
      return { type, channel: 'email', template: { subject: '', body: '' } };
    case 'setTrait':
      return { type, path: 'traits.', value: '' };
    case 'addScore':
      return { type, model: 'lead', points: 10 };
    case 'notifySales':
      return { type, message: '' };
    case 'addTag':
      return { type, tag: '' };
  }
}

/** Channel, template with a live preview, or the other actions' settings. */
export function ActionFields({ step, onChange }: { step: Step; onChange: (s: Step) => void }) {
  const a = step.action;
  const set = (action: ActionSpec) => onChange({ ...step, action });
  return (
    <>
      <SelectField
        label="Action"
        value={a.type}
        options={ACTION_TYPES.map((t) => [t, LABELS[t]] as const)}
        onChange={(t) => set(actionOf(t))}
      />
      {a.type === 'send' && (
        <>
          <SelectField
            label="Channel"
            value={a.channel ?? 'email'}
            options={MESSAGE_CHANNELS.map((c) => [c, c] as const)}
            onChange={(channel) => set({ ...a, channel })}
            testId="action-channel"
          />
          {a.channel === 'webhook' && (
            <TextField
              label="Endpoint"
              value={a.template?.endpoint ?? ''}
              onChange={(endpoint) =>
                set({ ...a, template: { body: '', ...a.template, endpoint } })
              }
            />
          )}
          {(a.channel === 'email' || a.channel === 'push') && (
            <TextField
              label={a.channel === 'email' ? 'Subject' : 'Title'}
              value={a.template?.subject ?? ''}
              onChange={(subject) => set({ ...a, template: { body: '', ...a.template, subject } })}
              testId="action-subject"
            />
          )}
          <Field label="Body" hint='Insert profile values with {{ traits.first_name | "there" }}.'>
            {(id) => (
              <textarea
                id={id}
                className="input input--area"
                rows={5}
                value={a.template?.body ?? ''}
                data-testid="action-body"
                onChange={(e) => set({ ...a, template: { ...a.template, body: e.target.value } })}
              />
            )}
          </Field>
          {a.template && <TemplatePreview channel={a.channel ?? 'email'} template={a.template} />}
        </>
      )}
      {a.type === 'setTrait' && (
        <>
          <TextField label="Trait" value={a.path} onChange={(path) => set({ ...a, path })} />
          <TextField
            label="Value"
            value={String(a.value)}
            onChange={(value) => set({ ...a, value })}
          />
        </>
      )}
      {a.type === 'addScore' && (
        <>
          <TextField
            label="Score model"
            value={a.model}
            onChange={(model) => set({ ...a, model })}
          />
          <NumberField
            label="Points"
            value={a.points}
            onChange={(v) => set({ ...a, points: v ?? 0 })}
          />
        </>
      )}
      {a.type === 'notifySales' && (
        <TextField
          label="Message to sales"
          value={a.message}
          onChange={(message) => set({ ...a, message })}
        />
      )}
      {a.type === 'addTag' && (
        <TextField label="Tag" value={a.tag} onChange={(tag) => set({ ...a, tag })} />
      )}
    </>
  );
}
