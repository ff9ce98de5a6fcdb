export * from './rule.types';
export type {
  CustomerFacts,
  EvaluationOptions,
  EventAggregates,
  EventFact,
  ScoreFact,
} from './facts';
export { aggregateKey, eventAggregates } from './event-aggregates';
export { OPERATORS_BY_TYPE, operatorAllowed, TRUE_WHEN_MISSING } from './operators';
export { explain, interpret, type Explanation, type ExplainFacts } from './explain';
export { compileRule, type CompiledRule } from './compile/compile-rule';
export {
  affectedBy,
  ruleDependencies,
  type DataChange,
  type ProfileField,
  type RuleDependencies,
} from './dependencies';
export { nextChangeAt } from './next-change';
export { aggregateOf, exactAggregate, type AggregateType } from './aggregate';
export { binaryOf, decimalOf, exactDecimalText, type Decimal } from './exact-number';
export { randomBucket, md5Hex } from './bucket';
export { compileRegex } from './predicate';
export * from './jsonlogic';
export { parseIsoInstant, durationMs, daysUntilAnniversary, isTimeZone } from './time';
export {
  validateRule,
  type RuleValidation,
  type ValidateRuleOptions,
} from './validate/validate-rule';
export type { RuleCatalog } from './validate/catalog';
export {
  RULE_LIMITS,
  RULE_PROBLEM_CODES,
  type RuleProblem,
  type RuleProblemCode,
} from './validate/problems';
