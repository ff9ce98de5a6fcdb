import type { CustomerFacts } from '@cairn/schema';
import { scopeToWorkspace } from '../src/db/workspace-filter';
import { loadCustomerFacts } from '../src/rules/customer-facts';
import type { TestApp } from './harness';
import { storeFacts } from './rule-facts-store';

/**
 * A new workspace holding the customers, and the facts the evaluators see of them as loaded
 * back from the database (JSON drops NaN, Infinity and undefined), by customer id.
 */
export async function workspaceWithFacts(
  t: TestApp,
  name: string,
  customers: readonly CustomerFacts[],
): Promise<{ workspaceId: string; facts: Map<string, CustomerFacts> }> {
  const workspaceId = (await t.workspace(name)).id;
  await storeFacts(t.app.orm.em.fork(), workspaceId, customers);
  const reader = t.app.orm.em.fork();
  scopeToWorkspace(reader, workspaceId);
  const facts = await loadCustomerFacts(
    reader,
    customers.map((c) => c.id),
  );
  return { workspaceId, facts };
}
