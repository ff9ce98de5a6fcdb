/** Campaign objectives; each recommends a KPI set (see `recommendedKpis`). */
export const OBJECTIVES = {
  awareness: 'Be seen and remembered: reach and engage people who do not know the brand yet.',
  acquisition: 'Turn prospects into first-time customers at a sustainable cost.',
  nurture: 'Move leads and new customers along with relevant messages until they are ready to buy.',
  retention: 'Keep customers buying and satisfied; lose fewer of them.',
  reactivation: 'Win back customers who stopped buying or engaging.',
} as const satisfies Record<string, string>;

export type Objective = keyof typeof OBJECTIVES;

export const OBJECTIVE_IDS = Object.keys(OBJECTIVES) as Objective[];

export function isObjective(value: string): value is Objective {
  return Object.prototype.hasOwnProperty.call(OBJECTIVES, value);
}
