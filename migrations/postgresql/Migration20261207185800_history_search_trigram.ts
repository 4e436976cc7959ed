import { Migration } from '@mikro-orm/migrations';

/**
 * History search, as SQLite's trigram index serves it: a GIN trigram index over
 * executions.user_query (pg_trgm), which PostgreSQL uses for `ilike '%text%'` of 3+ characters.
 * pg_trgm ships with PostgreSQL and is a trusted extension (PostgreSQL 13+: a database owner may
 * create it). Where it cannot be created (a server without the contrib package, a user without
 * the right) the migration still succeeds without the index, and history's search reads rows in
 * start order instead (the fallback README "Configuration and data" describes); once pg_trgm is
 * installed, the two statements below, run by hand, add the index.
 */
export class Migration20261207185800_history_search_trigram extends Migration {

  override async up(): Promise<void> {
    this.addSql(`do $$
begin
  begin
    create extension if not exists pg_trgm;
  exception when others then
    raise notice 'pg_trgm is not available (%); history search reads rows without an index', sqlerrm;
  end;
  if exists (select 1 from pg_extension where extname = 'pg_trgm') then
    create index if not exists "executions_user_query_trgm_index" on "executions" using gin ("user_query" gin_trgm_ops);
  end if;
end $$;`);
  }

}
