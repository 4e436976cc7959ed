import { Migration } from '@mikro-orm/migrations';

/**
 * History search: a trigram full-text index over executions.user_query (case-insensitive substring
 * search of 3+ characters without reading every row), kept in step by triggers for every writer (the
 * recorder, `ectosmith import`, deletes) and filled here for the rows that exist. It stores no text
 * of its own (content='executions'). A later migration that rebuilds the executions table drops
 * these triggers with it and must create them again (test/history/queries.test.ts would fail).
 * Also an index on (status, start_time), so a status filter reads its rows newest first unsorted.
 */
export class Migration20261127183936_history_search_index extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index \`executions_status_start_time_index\` on \`executions\` (\`status\`, \`start_time\`);`);
    this.addSql(`create virtual table \`executions_search\` using fts5(\`user_query\`, content='executions', content_rowid='id', tokenize='trigram');`);
    this.addSql(`create trigger \`executions_search_insert\` after insert on \`executions\` begin
      insert into \`executions_search\` (rowid, \`user_query\`) values (new.\`id\`, new.\`user_query\`);
    end;`);
    this.addSql(`create trigger \`executions_search_delete\` after delete on \`executions\` begin
      insert into \`executions_search\` (\`executions_search\`, rowid, \`user_query\`) values ('delete', old.\`id\`, old.\`user_query\`);
    end;`);
    this.addSql(`create trigger \`executions_search_update\` after update of \`user_query\` on \`executions\` begin
      insert into \`executions_search\` (\`executions_search\`, rowid, \`user_query\`) values ('delete', old.\`id\`, old.\`user_query\`);
      insert into \`executions_search\` (rowid, \`user_query\`) values (new.\`id\`, new.\`user_query\`);
    end;`);
    this.addSql(`insert into \`executions_search\` (\`executions_search\`) values ('rebuild');`);
  }

}
