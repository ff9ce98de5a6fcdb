import { ruleDependencies, type JourneyCatalog } from '@cairn/schema';
import { Segment } from '../../db/entities';
import type { Em } from '../../db/orm';
import { loadRuleCatalog } from '../catalog/rule-catalog';
import { readTogether } from '../../db/read-together';

/** What the journey compiler checks names against: observed traits and events, and the active segments. */
export async function loadJourneyCatalog(em: Em): Promise<JourneyCatalog> {
  const [observed, segments] = await readTogether(em, [
    () => loadRuleCatalog(em),
    () => em.find(Segment, { archivedAt: null }, { fields: ['name', 'rule'] }),
  ]);
  return {
    ...observed,
    segments: Object.fromEntries(
      segments.map((s) => [
        s.id,
        { name: s.name, references: ruleDependencies(s.rule).segmentIds },
      ]),
    ),
  };
}
