import { Migration } from '@mikro-orm/migrations';

/**
 * SQL twins of the rule language's pure date functions (schema/src/rules/time.ts), so the rule
 * compiler's SQL agrees with the evaluators on PostgreSQL. On SQLite the same TypeScript functions
 * are registered on the connection instead (db/sqlite-functions.ts). Both return NULL, never an
 * error, for text that is not a date the language accepts.
 */
export class Migration20261123162500_rule_functions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create or replace function cairn_instant(v text) returns double precision
language plpgsql immutable strict parallel safe as $fn$
declare
  m text[];
  y int; mo int; d int; h int; mi int; s int; frac text; off text;
  oh int; om int; ms double precision;
begin
  m := regexp_match(v, '^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.([0-9]{1,9}))?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$');
  if m is null then return null; end if;
  y := m[1]::int; mo := m[2]::int; d := m[3]::int;
  h := coalesce(m[4], '00')::int; mi := coalesce(m[5], '00')::int; s := coalesce(m[6], '00')::int;
  frac := coalesce(m[7], ''); off := coalesce(m[8], 'Z');
  if y < 1 or mo < 1 or mo > 12 or d < 1 then return null; end if;
  if d > extract(day from (make_date(y, mo, 1) + interval '1 month' - interval '1 day'))::int then return null; end if;
  if h > 23 or mi > 59 or s > 59 then return null; end if;
  ms := (make_date(y, mo, d) - date '1970-01-01')::double precision * 86400000
        + ((h * 60 + mi) * 60 + s) * 1000.0
        + rpad(left(frac, 3), 3, '0')::int;
  if off <> 'Z' then
    oh := substr(off, 2, 2)::int; om := substr(off, 5, 2)::int;
    if oh > 23 or om > 59 then return null; end if;
    ms := ms - (case when left(off, 1) = '-' then -1 else 1 end) * (oh * 60 + om) * 60000.0;
  end if;
  return ms;
end
$fn$;`);

    this.addSql(`
create or replace function cairn_anniversary_days(v text, now_ms double precision, tz text) returns integer
language plpgsql stable strict parallel safe as $fn$
declare
  inst double precision; src_month int; src_day int; today date; y int; dd int; nxt date;
begin
  inst := cairn_instant(v);
  if inst is null then return null; end if;
  if length(v) = 10 then
    src_month := substr(v, 6, 2)::int; src_day := substr(v, 9, 2)::int;
  else
    select extract(month from t)::int, extract(day from t)::int into src_month, src_day
      from (select timezone(tz, to_timestamp(inst / 1000.0)) as t) local;
  end if;
  today := timezone(tz, to_timestamp(now_ms / 1000.0))::date;
  for y in extract(year from today)::int .. extract(year from today)::int + 1 loop
    dd := least(src_day, extract(day from (make_date(y, src_month, 1) + interval '1 month' - interval '1 day'))::int);
    nxt := make_date(y, src_month, dd);
    if nxt >= today then return nxt - today; end if;
  end loop;
  return null;
end
$fn$;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop function if exists cairn_anniversary_days(text, double precision, text);');
    this.addSql('drop function if exists cairn_instant(text);');
  }
}
