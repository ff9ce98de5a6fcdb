export { toJsonLogic } from './to-json-logic';
export { fromJsonLogic } from './from-json-logic';
export { TRAIT_FORMS } from './trait-forms';
export {
  JSONLOGIC_PROBLEM_CODES,
  type FromJsonLogicResult,
  type JsonLogic,
  type JsonLogicExportProblem,
  type JsonLogicImportProblem,
  type JsonLogicProblemCode,
  type ToJsonLogicResult,
} from './json-logic.types';
