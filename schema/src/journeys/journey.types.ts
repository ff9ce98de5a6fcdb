/**
 * The journey graph: what the editor draws and the API stores. Nodes and edges with named output
 * handles; every node kind is a member of a discriminated union on `kind`. Every decision in a
 * journey is a rule tree of the rule language (`../rules`), so one engine evaluates segments,
 * conditions, splits and goals alike. The compiler (`compile/`) turns a graph into a `JourneyPlan`.
 */
import type { Duration, FilterNode, RuleDocument } from '../rules/rule.types';

export const JOURNEY_GRAPH_VERSION = 1;

export interface JourneyGraph {
  readonly version: typeof JOURNEY_GRAPH_VERSION;
  readonly nodes: readonly JourneyNode[];
  readonly edges: readonly JourneyEdge[];
  readonly settings: JourneySettings;
}

/** A connection from one node's named output handle to another node. */
export interface JourneyEdge {
  readonly id: string;
  readonly source: string;
  readonly sourceHandle: string;
  readonly target: string;
}

/** Where the editor drew a node; the compiler ignores it. */
export interface NodePosition {
  readonly x: number;
  readonly y: number;
}

interface NodeBase {
  readonly id: string;
  /** The marketer's name for the step ("Reminder email"). */
  readonly label?: string;
  readonly position?: NodePosition;
}

export type JourneyNode =
  | TriggerNode
  | WaitNode
  | ConditionNode
  | SplitNode
  | RandomSplitNode
  | ActionNode
  | GoalNode
  | ExitNode;

export type JourneyNodeKind = JourneyNode['kind'];

/** Every node kind, once (checked complete at compile time below). */
export const JOURNEY_NODE_KINDS = [
  'trigger',
  'wait',
  'condition',
  'split',
  'randomSplit',
  'action',
  'goal',
  'exit',
] as const satisfies readonly JourneyNodeKind[];
const kindsAreComplete: Exclude<JourneyNodeKind, (typeof JOURNEY_NODE_KINDS)[number]> extends never
  ? true
  : never = true;
void kindsAreComplete;

// ── trigger ───────────────────────────────────────────────────────────────────────────────────

/** Local time of day, `HH:MM` on a 24-hour clock, in the customer's time zone. */
export type TimeOfDay = string;
/** ISO weekday: 1 Monday … 7 Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type TriggerSpec =
  /** An ingested event by name, optionally filtered on its properties. */
  | { readonly type: 'event'; readonly event: string; readonly where?: FilterNode }
  /** The customer enters (or leaves) a segment. */
  | { readonly type: 'segmentEntered' | 'segmentExited'; readonly segmentId: string }
  /** A lead score crosses a threshold upwards (`above`) or downwards (`below`). */
  | {
      readonly type: 'scoreThreshold';
      readonly model: string;
      readonly threshold: number;
      readonly direction: 'above' | 'below';
    }
  /**
   * A date: every day (or on the given weekdays) at a local time, for the members of a segment
   * (everyone when omitted); or yearly on a date trait (birthdays, renewals) shifted by `offsetDays`.
   */
  | {
      readonly type: 'schedule';
      readonly time: TimeOfDay;
      readonly weekdays?: readonly Weekday[];
      readonly segmentId?: string;
    }
  | {
      readonly type: 'dateTrait';
      readonly path: string;
      readonly offsetDays: number;
      readonly time: TimeOfDay;
    }
  /** An explicit `enrollInJourney` call through the API. */
  | { readonly type: 'api' };

export type TriggerType = TriggerSpec['type'];
export const TRIGGER_TYPES = [
  'event',
  'segmentEntered',
  'segmentExited',
  'scoreThreshold',
  'schedule',
  'dateTrait',
  'api',
] as const satisfies readonly TriggerType[];

export interface TriggerNode extends NodeBase {
  readonly kind: 'trigger';
  readonly trigger: TriggerSpec;
}

// ── wait ──────────────────────────────────────────────────────────────────────────────────────

export type WaitSpec =
  /** A fixed delay. */
  | { readonly type: 'duration'; readonly duration: Duration }
  /** Until the next local time of day, on allowed weekdays (all when omitted). */
  | { readonly type: 'until'; readonly time: TimeOfDay; readonly weekdays?: readonly Weekday[] }
  /** Until an event happens (output `event`) or the timeout passes (output `timeout`). */
  | {
      readonly type: 'event';
      readonly event: string;
      readonly where?: FilterNode;
      readonly timeout?: Duration;
    };

export type WaitType = WaitSpec['type'];
export const WAIT_TYPES = ['duration', 'until', 'event'] as const satisfies readonly WaitType[];

export interface WaitNode extends NodeBase {
  readonly kind: 'wait';
  readonly wait: WaitSpec;
}

// ── decisions ─────────────────────────────────────────────────────────────────────────────────

/** A yes/no question: outputs `yes` and `no`. */
export interface ConditionNode extends NodeBase {
  readonly kind: 'condition';
  readonly rule: RuleDocument;
}

/** One branch of a split: its output handle is `handle`. */
export interface SplitBranch {
  readonly handle: string;
  readonly name: string;
  readonly rule: RuleDocument;
}

/** Ordered branches, the first that holds wins; otherwise output `else`. */
export interface SplitNode extends NodeBase {
  readonly kind: 'split';
  readonly branches: readonly SplitBranch[];
}

export interface RandomArm {
  readonly handle: string;
  readonly name: string;
  /** Percent of the customers, whole numbers; the arms of a node add up to 100. */
  readonly weight: number;
  /** The control arm (holdout): counted in experiments, usually sent nothing. */
  readonly control?: boolean;
}

/** Weighted arms by the deterministic random bucket of the customer id and `salt`. */
export interface RandomSplitNode extends NodeBase {
  readonly kind: 'randomSplit';
  readonly salt?: string;
  readonly arms: readonly RandomArm[];
}

// ── actions ───────────────────────────────────────────────────────────────────────────────────

export type MessageChannel = 'email' | 'sms' | 'whatsapp' | 'push' | 'webhook';
export const MESSAGE_CHANNELS = [
  'email',
  'sms',
  'whatsapp',
  'push',
  'webhook',
] as const satisfies readonly MessageChannel[];

/**
 * A message's content. `{{ traits.first_name }}` inserts a profile value (HTML-escaped in email
 * bodies); `{{ traits.first_name | "there" }}` gives a fallback when it is missing.
 */
export interface MessageTemplate {
  /** Email subject; push title. */
  readonly subject?: string;
  /** The body (HTML for email, text for SMS, WhatsApp and push, JSON text for webhooks). */
  readonly body: string;
  /** Webhooks: the endpoint's name among the workspace's configured ones. */
  readonly endpoint?: string;
}

export type ActionSpec =
  | {
      readonly type: 'send';
      readonly channel?: MessageChannel;
      readonly template?: MessageTemplate;
    }
  | { readonly type: 'setTrait'; readonly path: string; readonly value: string | number | boolean }
  | { readonly type: 'addScore'; readonly model: string; readonly points: number }
  | { readonly type: 'notifySales'; readonly message: string }
  | { readonly type: 'addTag'; readonly tag: string };

export type ActionType = ActionSpec['type'];
export const ACTION_TYPES = [
  'send',
  'setTrait',
  'addScore',
  'notifySales',
  'addTag',
] as const satisfies readonly ActionType[];

export interface ActionNode extends NodeBase {
  readonly kind: 'action';
  readonly action: ActionSpec;
}

// ── goals and exits ───────────────────────────────────────────────────────────────────────────

/**
 * A conversion: the event (optionally filtered) within `within` of entering the journey. A goal is
 * not wired into the flow: it watches every customer in the journey. With `exitOnGoal` set, a
 * customer who converts leaves.
 */
export interface GoalNode extends NodeBase {
  readonly kind: 'goal';
  readonly event: string;
  readonly where?: FilterNode;
  readonly within: Duration;
}

export interface ExitNode extends NodeBase {
  readonly kind: 'exit';
}

// ── settings ──────────────────────────────────────────────────────────────────────────────────

export type ReentryPolicy = 'never' | 'afterExit' | 'always';
export const REENTRY_POLICIES = [
  'never',
  'afterExit',
  'always',
] as const satisfies readonly ReentryPolicy[];

export interface JourneySettings {
  /** Whether a customer may enter again: never, once they have left, or any time (in parallel). */
  readonly reentry: ReentryPolicy;
  /** At most this many entries per customer in the journey's life (unlimited when omitted). */
  readonly maxEntries?: number;
  /** A customer who reaches a goal leaves the journey. */
  readonly exitOnGoal: boolean;
  /** At most `max` messages per customer per `per` across the journey; more are skipped. */
  readonly frequencyCap?: { readonly max: number; readonly per: Duration };
  /** No sends between `start` and `end` local time; a send due then waits until `end`. */
  readonly quietHours?: { readonly start: TimeOfDay; readonly end: TimeOfDay };
}

export const DEFAULT_JOURNEY_SETTINGS: JourneySettings = { reentry: 'afterExit', exitOnGoal: true };
