import { afterAll, beforeAll, expect, it } from 'vitest';
import { advisoryLockSet } from '../../src/db/advisory-lock';
import { insertTogether } from '../../src/db/bulk-insert';
import { runStatement } from '../../src/db/driver-sql';
import { Event, Identity, Workspace } from '../../src/db/entities';
import type { Em } from '../../src/db/orm';
import { scopeToWorkspace } from '../../src/db/workspace-filter';
import { IdentityBook } from '../../src/modules/identity/identity-book';
import { identityKeyString, type IdentityKey } from '../../src/modules/identity/identity-key';
import { startTestApp, testDialect, type TestApp } from '../harness';

// PostgreSQL's identity locks (`IdentityBook.lockUnheld`, the `identity_locks` migration). SQLite
// has one writer at a time and takes no locks: nothing to race there.
const onPostgres = testDialect === 'postgres';

let t: TestApp;
let ws: { id: string; key: string; writeKey: string };

beforeAll(async () => {
  t = await startTestApp();
  ws = await t.workspace('Locks');
});
afterAll(() => t.close());

function fork(): Em {
  const em = t.app.orm.em.fork();
  scopeToWorkspace(em, ws.id);
  return em;
}

async function bookIn(tx: Em): Promise<IdentityBook> {
  const workspace = await tx.findOneOrFail(Workspace, { id: ws.id }, { filters: false });
  return new IdentityBook(tx, workspace);
}

/** Resolves once `count` sessions of this database wait for an advisory lock. */
async function waitersOnAdvisoryLocks(count: number): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const rows = await t.app.orm.em.getConnection().execute<Array<{ n: string }>>(
      `select count(*) as n from pg_locks l join pg_database d on d.oid = l.database
       where l.locktype = 'advisory' and not l.granted and d.datname = current_database()`,
    );
    if (Number(rows[0]!.n) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`fewer than ${count} sessions waited for an advisory lock within 5 s`);
}

/**
 * Holds the identity locks on `keys` in a transaction of its own, creating a profile holding them,
 * until `release` is called; then commits. Resolves `created` with the profile's id once it holds
 * the locks and has written the rows (uncommitted).
 */
function creatorHolding(keys: readonly IdentityKey[]) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let created!: (id: string) => void;
  const profileId = new Promise<string>((resolve) => (created = resolve));
  const done = fork().transactional(async (tx) => {
    const book = await bookIn(tx);
    expect(await book.lockUnheld(keys, [])).toBe(true);
    const profile = book.createProfile(new Date());
    for (const key of keys) book.attach(profile, key);
    await insertTogether(tx, book.takeRows(new Date()));
    created(profile.id);
    await released;
  });
  return { profileId, release, done };
}

it.skipIf(!onPostgres)(
  'a batch that waited for an identity lock sees the identity the batch before committed',
  async () => {
    const key: IdentityKey = { kind: 'email', source: '', value: 'first-come@example.com' };
    const creator = creatorHolding([key]);
    const creatorId = await creator.profileId;
    const waiter = fork().transactional(async (tx) => {
      const book = await bookIn(tx);
      expect(book.holderOf(key)).toBeUndefined();
      expect(await book.lockUnheld([key], [key])).toBe(true);
      // The profile holding it comes with it (read after the locks too): the batch attaches to it.
      const owner = book.ownerOf(key);
      return {
        holder: book.holderOf(key),
        owner: owner && { id: owner.id, email: owner.email, traits: owner.traits },
      };
    });
    await waitersOnAdvisoryLocks(1);
    creator.release();
    await creator.done;
    expect(await waiter).toEqual({
      holder: creatorId,
      owner: { id: creatorId, email: key.value, traits: {} },
    });
  },
);

it.skipIf(!onPostgres)(
  'a single plain statement that waits for the lock misses that identity (why the function)',
  async () => {
    // The control of the test above: READ COMMITTED gives a statement the snapshot of its start,
    // before its locks are granted, so the row committed while it waited is not in it.
    const key: IdentityKey = { kind: 'email', source: '', value: 'snapshot@example.com' };
    const creator = creatorHolding([key]);
    await creator.profileId;
    const { space, hashes } = advisoryLockSet('identities', [
      `${ws.id}\u0000${identityKeyString(key)}`,
    ]);
    const waiter = fork().transactional(async (tx) => {
      const plain = await runStatement<{ customer_id: string }>(
        tx,
        {
          sqlite: '',
          postgres: `with l as (select pg_advisory_xact_lock($1, k) from unnest($2::int[]) as k)
            select i."customer_id" from l, "identities" i
            where i."workspace_id" = $3 and i."kind" = $4 and i."source" = $5 and i."value" = $6`,
        },
        () => [],
        () => [space, hashes, ws.id, key.kind, key.source, key.value],
      );
      const book = await bookIn(tx);
      await book.load([key], []);
      return { plain: plain.rows.length, after: book.holderOf(key) };
    });
    await waitersOnAdvisoryLocks(1);
    creator.release();
    await creator.done;
    const seen = await waiter;
    expect(seen.plain).toBe(0);
    // The next statement has a new snapshot and sees it.
    expect(seen.after).toBe(await creator.profileId);
  },
);

it.skipIf(!onPostgres)(
  'two batches racing on the same new identifiers, released together, make one profile',
  async () => {
    const email = 'racing@example.com';
    const keys: IdentityKey[] = [
      { kind: 'email', source: '', value: email },
      { kind: 'anonymousId', source: '', value: 'racing-device' },
    ];
    // A third transaction holds the locks while both batches start, so both find the identifiers
    // new, both wait for the locks, and both go on at once when it ends (it creates nothing).
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const holder = fork().transactional(async (tx) => {
      await (await bookIn(tx)).lockUnheld(keys, []);
      await released;
    });
    const batch = (n: number) =>
      Array.from({ length: 10 }, (_, i) => ({
        messageId: `racing-${n}-${i}`,
        event: 'Raced Again',
        email,
        anonymousId: 'racing-device',
      }));
    const sent = [1, 2].map((n) => t.events(ws.writeKey, batch(n)));
    await waitersOnAdvisoryLocks(2);
    release();
    await holder;
    const results = await Promise.all(sent);
    for (const r of results) expect(r.body.accepted).toBe(10);
    const ids = new Set(results.flatMap((r) => r.body.results.map((x) => x.customerId)));
    expect(ids.size).toBe(1);
    expect(await fork().count(Identity, { value: { $in: [email, 'racing-device'] } })).toBe(2);
    expect(await fork().count(Event, { name: 'Raced Again' })).toBe(20);
  },
);
