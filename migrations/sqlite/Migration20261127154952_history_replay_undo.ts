import { Migration } from '@mikro-orm/migrations';

export class Migration20261127154952_history_replay_undo extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`executions\` add column \`max_turns\` integer null;`);
    this.addSql(`alter table \`executions\` add column \`undone_at\` datetime null;`);
    this.addSql(`create index \`executions_target_project_path_index\` on \`executions\` (\`target_project_path\`);`);

    this.addSql(`alter table \`messages\` add column \`prompt_tokens\` integer null;`);
    this.addSql(`alter table \`messages\` add column \`output_tokens\` integer null;`);
    this.addSql(`alter table \`messages\` add column \`total_tokens\` integer null;`);
    this.addSql(`alter table \`messages\` add column \`tool_server\` text null;`);
    this.addSql(`alter table \`messages\` add column \`read_only\` integer null;`);
  }

}
