export * from './journey.types';
export * from './plan.types';
export { outputHandles, acceptsInput, NEXT, YES, NO, ELSE, ON_EVENT, ON_TIMEOUT } from './handles';
export {
  compileJourney,
  COMPILE_RULES,
  type CompileJourneyOptions,
  type JourneyCompilation,
} from './compile/compile-journey';
export type { JourneyCatalog } from './compile/context';
export {
  JOURNEY_LIMITS,
  JOURNEY_PROBLEM_CODES,
  type JourneyProblem,
  type JourneyProblemCode,
  type ProblemSeverity,
} from './compile/problems';
export { constantValue } from './compile/rules/constant-conditions.rule';
export {
  advance,
  resumeOnEvent,
  resumeOnTimer,
  waitAt,
  MAX_STEPS_PER_MOVE,
  type Advance,
  type Effect,
  type ExitReason,
  type Position,
  type StepContext,
  type TraceEntry,
} from './runtime/advance';
export {
  eventTriggers,
  goalReached,
  mayEnter,
  type EntryDecision,
  type EntryHistory,
} from './runtime/entry';
export {
  decideSend,
  CONSENT_CHANNELS,
  type SendCheck,
  type SendDecision,
} from './runtime/send-policy';
export { nextLocalTime, inLocalWindow, localClock, TIME_OF_DAY } from './local-time';
export {
  parseTemplate,
  renderTemplate,
  type RenderResult,
  type TemplateVariable,
} from './templates';
export {
  simulateJourney,
  type SimulatedSend,
  type Simulation,
  type SimulationOptions,
} from './simulate';
export {
  crossesThreshold,
  triggerInstants,
  triggerOccurrences,
  type SegmentTransitionFact,
} from './runtime/trigger-times';
export {
  backtestJourney,
  MAX_BACKTEST_ENTRIES,
  type Backtest,
  type BacktestCustomer,
  type BacktestNodeCounts,
  type BacktestWindow,
  type ProjectedSends,
} from './backtest';
export { JOURNEY_EXAMPLES, type JourneyExampleName } from './examples';
export { describeChanges } from './diff';
