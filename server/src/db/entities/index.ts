import { ApiKey } from './api-key.entity';
import { Campaign } from './campaign.entity';
import { CampaignSpend } from './campaign-spend.entity';
import { CampaignTouch } from './campaign-touch.entity';
import { KpiAlert } from './kpi-alert.entity';
import { CatalogEvent, CatalogEventProperty, CatalogTrait } from './catalog.entities';
import { ConsentRecord } from './consent-record.entity';
import { Customer } from './customer.entity';
import { CustomerMerge } from './customer-merge.entity';
import { ErasedIdentity } from './erased-identity.entity';
import { Event } from './event.entity';
import { Identity } from './identity.entity';
import { LeadNotification } from './lead-notification.entity';
import { Journey } from './journey.entity';
import { JourneyEnrollment } from './journey-enrollment.entity';
import { JourneyInbox } from './journey-inbox.entity';
import { JourneySchedule } from './journey-schedule.entity';
import { JourneyStep } from './journey-step.entity';
import { JourneyTimer } from './journey-timer.entity';
import { JourneyVersion } from './journey-version.entity';
import { OutboxMessage } from './outbox-message.entity';
import { Order } from './order.entity';
import { ScoreEntry } from './score-entry.entity';
import { ScoringModel } from './scoring-model.entity';
import { ScoringRecheck } from './scoring-recheck.entity';
import { Segment } from './segment.entity';
import { SegmentMembership } from './segment-membership.entity';
import { SegmentRecheck } from './segment-recheck.entity';
import { SegmentTransition } from './segment-transition.entity';
import { SegmentVersion } from './segment-version.entity';
import { Workspace } from './workspace.entity';

export {
  ApiKey,
  Campaign,
  CampaignSpend,
  CampaignTouch,
  KpiAlert,
  LeadNotification,
  ScoringModel,
  ScoringRecheck,
  CatalogEvent,
  CatalogEventProperty,
  CatalogTrait,
  ConsentRecord,
  Customer,
  CustomerMerge,
  ErasedIdentity,
  Event,
  Identity,
  Journey,
  JourneyEnrollment,
  JourneyInbox,
  JourneySchedule,
  JourneyStep,
  JourneyTimer,
  JourneyVersion,
  Order,
  OutboxMessage,
  ScoreEntry,
  Segment,
  SegmentMembership,
  SegmentRecheck,
  SegmentTransition,
  SegmentVersion,
  Workspace,
};
export type { ApiKeyScope } from './api-key.entity';
export type { CampaignTarget } from './campaign.entity';
export type { ObservedType } from './catalog.entities';
export type { Traits } from './customer.entity';
export type { IdentityKind } from './identity.entity';
export { JOURNEY_STATUSES, type JourneyStatus } from './journey.entity';
export type { EnrollmentStatus } from './journey-enrollment.entity';
export type { OutboxStatus } from './outbox-message.entity';
export type { OrderItem } from './order.entity';
export type { ScoreRuleSpec } from './scoring-model.entity';
export type { TransitionCause, TransitionKind } from './segment-transition.entity';

/** Every entity the ORM knows. Adding one: create `x.entity.ts`, list it here, then run `pnpm --filter @cairn/server migration:create`. */
export const entities = [
  Workspace,
  ApiKey,
  Customer,
  Identity,
  Event,
  Order,
  ConsentRecord,
  CustomerMerge,
  ErasedIdentity,
  CatalogTrait,
  CatalogEvent,
  CatalogEventProperty,
  ScoreEntry,
  Segment,
  SegmentVersion,
  SegmentMembership,
  SegmentTransition,
  SegmentRecheck,
  Journey,
  JourneyVersion,
  JourneyEnrollment,
  JourneyStep,
  JourneyTimer,
  JourneyInbox,
  JourneySchedule,
  OutboxMessage,
  ScoringModel,
  ScoringRecheck,
  LeadNotification,
  Campaign,
  CampaignSpend,
  CampaignTouch,
  KpiAlert,
];
