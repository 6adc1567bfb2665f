/** One thing wrong with a plan document: where (dotted path, '' for the whole document) and why. */
export interface PlanProblem {
  path: string;
  message: string;
}
