export { normalCdf, normalPdf, normalQuantile, normalUpperTail } from './normal';
export {
  checkCounts,
  proportion,
  uplift,
  zForConfidence,
  type ArmCounts,
  type ConfidenceInterval,
  type Uplift,
} from './proportions';
export { wilsonInterval } from './wilson';
export { newcombeInterval } from './newcombe';
export { twoProportionZTest, type ZTest } from './z-test';
export {
  minimumDetectableEffect,
  sampleSizePerArm,
  type EffectPlan,
  type PowerPlan,
  type VarianceMethod,
} from './sample-size';
export {
  decideWinner,
  PEEKING_WARNING,
  type ArmComparison,
  type ExperimentPlan,
  type WinnerDecision,
} from './decide-winner';
