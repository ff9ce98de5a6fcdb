import { parseTemplate } from '../../templates';
import type { CompileContext } from '../context';

/**
 * A send names a channel and a template; the template parses, and its variables are traits the
 * workspace has seen (a warning otherwise: the send fails for customers who lack them, unless a
 * fallback is given).
 */
export function sendContentRule(ctx: CompileContext): void {
  for (const node of ctx.graph.nodes) {
    if (node.kind !== 'action' || node.action.type !== 'send') continue;
    const { channel, template } = node.action;
    if (!channel) {
      ctx.atNode(
        node,
        'JOURNEY_SEND_WITHOUT_CHANNEL',
        `${ctx.name(node)} sends on no channel; pick email, SMS, WhatsApp, push or webhook.`,
        ['action', 'channel'],
      );
    }
    if (!template || (template.body.trim() === '' && !template.subject?.trim())) {
      ctx.atNode(
        node,
        'JOURNEY_SEND_WITHOUT_TEMPLATE',
        `${ctx.name(node)} has no message; write the template it sends.`,
        ['action', 'template'],
      );
      continue;
    }
    if (channel === 'email' && !template.subject?.trim()) {
      ctx.atNode(
        node,
        'JOURNEY_SEND_WITHOUT_TEMPLATE',
        `The email of ${ctx.name(node)} has no subject; write one.`,
        ['action', 'template', 'subject'],
      );
    }
    if (channel === 'webhook' && !template.endpoint) {
      ctx.atNode(
        node,
        'JOURNEY_SEND_WITHOUT_TEMPLATE',
        `The webhook of ${ctx.name(node)} names no endpoint; pick one of the workspace's webhook endpoints.`,
        ['action', 'template', 'endpoint'],
      );
    }
    for (const field of ['subject', 'body'] as const) {
      const text = template[field];
      if (text === undefined) continue;
      const { variables, problems } = parseTemplate(text);
      for (const p of problems)
        ctx.atNode(
          node,
          'JOURNEY_TEMPLATE_INVALID',
          `In the ${field} at character ${p.offset + 1}: ${p.message}`,
          ['action', 'template', field],
        );
      const traits = ctx.catalog?.traits;
      if (!traits) continue;
      for (const v of variables) {
        if (v.fallback !== undefined || v.path === 'id' || v.path === 'email') continue;
        if (Object.prototype.hasOwnProperty.call(traits, v.path)) continue;
        ctx.atNode(
          node,
          'JOURNEY_TEMPLATE_UNKNOWN_VARIABLE',
          `No customer in this workspace has "${v.path}" (used in the ${field}); the send will fail for customers without it. Give a fallback: {{ ${v.path} | "…" }}.`,
          ['action', 'template', field],
          'warning',
        );
      }
    }
  }
}
