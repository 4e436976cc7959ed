import { Migration } from '@mikro-orm/migrations';

export class Migration20261125101131 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`mcp_servers\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`command\` text not null, \`args\` json not null, \`env\` json not null, \`description\` text not null default '', \`cwd\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create unique index \`mcp_servers_name_unique\` on \`mcp_servers\` (\`name\`);`);

    this.addSql(`create table \`workflows\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`description\` text not null default '', \`llm_model\` text not null, \`initial_prompt_template\` text not null, \`max_conversation_turns\` integer not null default 10, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create unique index \`workflows_name_unique\` on \`workflows\` (\`name\`);`);

    this.addSql(`create table \`executions\` (\`id\` integer not null primary key autoincrement, \`workflow_id\` integer not null, \`user_query\` text not null, \`status\` text check (\`status\` in ('STARTED', 'COMPLETED', 'FAILED', 'CANCELLED', 'INTERRUPTED')) not null, \`start_time\` datetime not null, \`end_time\` datetime null, \`final_response_text\` text null, \`error_message\` text null, \`target_project_path\` text null, \`provider\` text null, \`model\` text null, \`prompt_tokens\` integer not null default 0, \`output_tokens\` integer not null default 0, \`total_tokens\` integer not null default 0, \`turn_count\` integer not null default 0, \`parent_execution_id\` integer null, \`owner_pid\` integer null, \`owner_host\` text null, constraint \`executions_workflow_id_foreign\` foreign key(\`workflow_id\`) references \`workflows\`(\`id\`) on update cascade, constraint \`executions_parent_execution_id_foreign\` foreign key(\`parent_execution_id\`) references \`executions\`(\`id\`) on delete set null on update cascade);`);
    this.addSql(`create index \`executions_workflow_id_index\` on \`executions\` (\`workflow_id\`);`);
    this.addSql(`create index \`executions_status_index\` on \`executions\` (\`status\`);`);
    this.addSql(`create index \`executions_start_time_index\` on \`executions\` (\`start_time\`);`);
    this.addSql(`create index \`executions_parent_execution_id_index\` on \`executions\` (\`parent_execution_id\`);`);

    this.addSql(`create table \`messages\` (\`id\` integer not null primary key autoincrement, \`execution_id\` integer not null, \`turn_number\` integer not null, \`role\` text check (\`role\` in ('user', 'model', 'tool_request', 'tool_response')) not null, \`content_text\` text null, \`function_call_name\` text null, \`function_call_args\` json null, \`function_response_name\` text null, \`function_response_content\` json null, \`timestamp\` datetime not null, \`duration_ms\` integer null, \`is_error\` integer not null default false, \`raw_parts\` json null, constraint \`messages_execution_id_foreign\` foreign key(\`execution_id\`) references \`executions\`(\`id\`) on delete cascade on update cascade);`);
    this.addSql(`create index \`messages_execution_id_index\` on \`messages\` (\`execution_id\`);`);
    this.addSql(`create index \`messages_execution_id_turn_number_index\` on \`messages\` (\`execution_id\`, \`turn_number\`);`);

    this.addSql(`create table \`workflow_mcp_server_associations\` (\`workflow_id\` integer not null, \`mcp_server_id\` integer not null, constraint \`workflow_mcp_server_associations_workflow_id_foreign\` foreign key(\`workflow_id\`) references \`workflows\`(\`id\`) on delete cascade on update cascade, constraint \`workflow_mcp_server_associations_mcp_server_id_foreign\` foreign key(\`mcp_server_id\`) references \`mcp_servers\`(\`id\`) on delete cascade on update cascade, primary key (\`workflow_id\`, \`mcp_server_id\`));`);
    this.addSql(`create index \`workflow_mcp_server_associations_workflow_id_index\` on \`workflow_mcp_server_associations\` (\`workflow_id\`);`);
    this.addSql(`create index \`workflow_mcp_server_associations_mcp_server_id_index\` on \`workflow_mcp_server_associations\` (\`mcp_server_id\`);`);
  }

}
