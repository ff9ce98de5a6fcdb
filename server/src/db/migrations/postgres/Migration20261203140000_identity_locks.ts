import { Migration } from '@mikro-orm/migrations';

/**
 * `cairn_lock_identities`: a batch's identity locks and the second look at who holds those
 * identifiers, with the holders' rows (the batch attaches to them), in one round trip
 * (`IdentityBook.lockUnheld`). Both could not be one plain
 * statement: under READ COMMITTED a statement reads from the snapshot taken when it starts,
 * before its locks are granted, so it would miss the identity that the transaction it waited for
 * committed. A VOLATILE PL/pgSQL function takes a new snapshot for each statement it runs, so its
 * second query, run once the locks are held, sees it. SQLite has one writer: no twin.
 */
export class Migration20261203140000_identity_locks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create or replace function cairn_lock_identities(
  lock_space integer, lock_keys integer[],
  workspace varchar, kinds varchar[], sources varchar[], vals varchar[]
) returns table ("kind" varchar, "source" varchar, "value" varchar, "customer_id" varchar, "customer" "customers")
language plpgsql volatile as $fn$
#variable_conflict use_column
begin
  -- In the order given (the caller sorts them), so batches locking overlapping sets never deadlock.
  perform pg_advisory_xact_lock(lock_space, k) from unnest(lock_keys) as k;
  return query
    select i."kind", i."source", i."value", i."customer_id", c
    from unnest(kinds, sources, vals) as w("kind", "source", "value")
    join "identities" i on i."workspace_id" = workspace and i."kind" = w."kind"
      and i."source" = w."source" and i."value" = w."value"
    join "customers" c on c."id" = i."customer_id";
end
$fn$;`);
  }

  override async down(): Promise<void> {
    this.addSql(
      'drop function if exists cairn_lock_identities(integer, integer[], varchar, varchar[], varchar[], varchar[]);',
    );
  }
}
