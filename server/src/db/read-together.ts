import type { Em } from './orm';

type Reads = readonly (() => unknown)[];

/**
 * Runs independent reads of one unit of work and returns their results in order. Outside a
 * transaction they overlap, each on a connection of the pool. Inside one they share its single
 * connection, where overlapping queries only queue in the driver (and node-postgres deprecates
 * that: "Calling client.query() when the client is already executing a query", an error from
 * pg 9), so they run one after the other.
 *
 * @example
 * const [rows, total] = await readTogether(em, [() => em.find(Customer, where), () => em.count(Customer, where)]);
 */
export async function readTogether<const T extends Reads>(
  em: Em,
  reads: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  type Results = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
  if (!em.isInTransaction()) return (await Promise.all(reads.map((read) => read()))) as Results;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results;
}
