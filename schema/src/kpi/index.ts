export {
  BASE_METRIC_IDS,
  BASE_METRICS,
  isBaseMetricId,
  type BaseMetricId,
  type BaseMetricSpec,
  type MetricValues,
} from './base-metrics';
export {
  KPI_DIRECTIONS,
  KPI_UNITS,
  unitDimension,
  type KpiDimension,
  type KpiDirection,
  type KpiUnit,
  type MetricUnit,
} from './units';
export {
  f as formulaBuilders,
  FORMULA_FUNCTIONS,
  FORMULA_NODE_KINDS,
  withoutSpans,
  type BinaryOperator,
  type FormulaFunction,
  type FormulaNode,
  type FormulaSpan,
} from './formula/ast';
export { parseFormula, type ParsedFormula } from './formula/parse';
export { printFormula } from './formula/print';
export { validateFormula, type FormulaValidation } from './formula/validate';
export { evaluateFormula } from './formula/evaluate';
export { didYouMean } from './formula/suggest';
export {
  FORMULA_LIMITS,
  KPI_PROBLEM_CODES,
  type KpiProblem,
  type KpiProblemCode,
} from './problems';
export {
  isKpiId,
  KPI_DEFINITIONS,
  KPI_IDS,
  kpiDefinition,
  recommendedKpis,
  type KpiDefinition,
  type KpiDefinitionSpec,
  type KpiId,
} from './kpis';
export { isObjective, OBJECTIVE_IDS, OBJECTIVES, type Objective } from './objectives';
export {
  targetStatus,
  targetTransition,
  type KpiTarget,
  type TargetStatus,
  type TargetTransition,
} from './target';
export { computeKpi, type KpiValue } from './kpi-value';
export { validateCustomKpi, type CustomKpiInput, type CustomKpiValidation } from './custom-kpi';
export {
  bucketOf,
  bucketsBetween,
  MAX_TIME_BUCKETS,
  startOfLocalDay,
  type BucketUnit,
  type TimeBucket,
} from './time-buckets';
export {
  ACTIVE_CUSTOMER_DAYS,
  BOUNCE_TYPE_PROPERTY,
  CONTENT_CHANNEL_PROPERTY,
  CONTENT_ENGAGEMENT,
  CONTENT_EVENTS,
  CONTENT_IMPRESSION,
  CSAT_SATISFIED_MIN,
  HARD_BOUNCE,
  LEAD_BECAME_MQL,
  LEAD_BECAME_SQL,
  MESSAGE_EVENTS,
  MESSAGE_ID_PROPERTY,
  METRIC_GROUPS,
  NPS_DETRACTOR_MAX,
  NPS_PROMOTER_MIN,
  ORDER_COST_PROPERTY,
  readContentChannel,
  readSurveyAnswer,
  SCOPE_METRIC_GROUPS,
  scopeMetrics,
  SURVEY_ANSWERED,
  SURVEY_SCALES,
  type KpiScopeKind,
  type MessageEventKind,
  type MetricGroup,
  type SurveyKind,
} from './metric-events';
