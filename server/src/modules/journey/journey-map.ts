import { wrap } from '@mikro-orm/core';
import type { Simulation } from '@cairn/schema';
import type { Journey, JourneyEnrollment } from '../../db/entities';
import type { BacktestOutcome } from './journey-backtest.service';
import { ProjectedSendsNode, type JourneyBacktestNode } from './journey-backtest.type';
import type { JourneyOutcome } from './journey.service';
import type { JourneyPayload } from './journey.type';
import { type JourneyNode } from './journey.type';
import { JourneyProblemNode } from './journey-problem.type';
import type { JourneyEnrollmentNode, JourneySimulationNode } from './journey-run.type';

export const journeyNode = (j: Journey): JourneyNode => j as unknown as JourneyNode;

export const payload = (o: JourneyOutcome): JourneyPayload => ({
  ok: o.ok,
  journey: o.journey ? journeyNode(o.journey) : null,
  problems: o.problems.map(JourneyProblemNode.of),
});

export const enrollmentNode = (e: JourneyEnrollment): JourneyEnrollmentNode => ({
  id: e.id,
  journeyId: e.journey.id,
  journeyName: wrap(e.journey).isInitialized() ? e.journey.name : '',
  version: e.version,
  entryNumber: e.entryNumber,
  status: e.status,
  nodeId: e.nodeId,
  since: e.since,
  awaiting: e.awaiting,
  enteredAt: e.enteredAt,
  exitedAt: e.exitedAt,
  exitReason: e.exitReason,
  convertedAt: e.convertedAt,
});

const date = (ms: number | undefined) => (ms === undefined ? null : new Date(ms));

export function simulationNode(s: Simulation): JourneySimulationNode {
  return {
    entered: s.entered,
    enteredAt: date(s.enteredAt),
    steps: s.trace.map((t) => ({
      type: t.type,
      nodeId: t.nodeId,
      at: new Date(t.at),
      handle: t.type === 'decide' || t.type === 'resume' ? t.handle : null,
      wakeAt: t.type === 'wait' ? new Date(t.wakeAt) : null,
      reason: t.type === 'exit' ? t.reason : null,
      explanation:
        t.type === 'decide' && t.explanation
          ? (t.explanation as unknown as Record<string, unknown>)
          : null,
    })),
    sends: s.sends.map((m) => ({
      nodeId: m.nodeId,
      channel: m.channel,
      at: new Date(m.at),
      decision: m.decision.type,
      reason: m.decision.type === 'send' ? null : m.decision.reason,
      deferredUntil: m.decision.type === 'defer' ? new Date(m.decision.until) : null,
      subject: m.subject?.ok ? m.subject.text : null,
      body: m.body.ok ? m.body.text : null,
      missingVariables: [
        ...(m.body.ok ? [] : m.body.missing),
        ...(m.subject && !m.subject.ok ? m.subject.missing : []),
      ],
    })),
    status: s.position?.status ?? null,
    nodeId: s.position?.nodeId ?? null,
    convertedAt: date(s.converted?.at),
    problems: [],
  };
}

export function backtestNode(outcome: BacktestOutcome): JourneyBacktestNode {
  if (!outcome.ok)
    return {
      from: null,
      to: null,
      eligibleCustomers: 0,
      sampledCustomers: 0,
      enteredCustomers: 0,
      stats: null,
      sends: [],
      problems: outcome.problems.map(JourneyProblemNode.of),
    };
  const { result } = outcome;
  return {
    from: outcome.from,
    to: outcome.to,
    eligibleCustomers: outcome.eligibleCustomers,
    sampledCustomers: result.customers,
    enteredCustomers: result.enteredCustomers,
    stats: {
      version: null,
      entered: result.entered,
      active: result.active,
      converted: result.converted,
      conversionRate: result.conversionRate,
      nodes: [...result.nodes],
    },
    sends: result.sends.map(ProjectedSendsNode.of),
    problems: [],
  };
}
