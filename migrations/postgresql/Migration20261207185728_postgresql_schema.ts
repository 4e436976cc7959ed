import { Migration } from '@mikro-orm/migrations';

export class Migration20261207185728_postgresql_schema extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "mcp_servers" ("id" serial primary key, "name" varchar(255) not null, "command" text not null, "args" jsonb not null, "env" jsonb not null, "description" text not null default '', "cwd" text null, "enabled" boolean not null default true, "timeout_ms" int null, "include_tools" jsonb null, "exclude_tools" jsonb null, "trust" boolean not null default false, "transport" text check ("transport" in ('stdio', 'http', 'sse')) not null default 'stdio', "url" text null, "headers" jsonb null, "client_keys" jsonb null, "client_inputs" jsonb null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "mcp_servers" add constraint "mcp_servers_name_unique" unique ("name");`);

    this.addSql(`create table "workflows" ("id" serial primary key, "name" varchar(255) not null, "description" text not null default '', "llm_model" varchar(255) not null, "initial_prompt_template" text not null, "max_conversation_turns" int not null default 10, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "workflows" add constraint "workflows_name_unique" unique ("name");`);

    this.addSql(`create table "executions" ("id" serial primary key, "workflow_id" int not null, "user_query" text not null, "status" text check ("status" in ('STARTED', 'COMPLETED', 'FAILED', 'CANCELLED', 'INTERRUPTED')) not null, "start_time" timestamptz not null, "end_time" timestamptz null, "final_response_text" text null, "error_message" text null, "target_project_path" text null, "provider" text null, "model" text null, "prompt_tokens" int not null default 0, "output_tokens" int not null default 0, "total_tokens" int not null default 0, "turn_count" int not null default 0, "max_turns" int null, "parent_execution_id" int null, "undone_at" timestamptz null, "import_fingerprint" varchar(255) null, "owner_pid" int null, "owner_host" varchar(255) null);`);
    this.addSql(`create index "executions_workflow_id_index" on "executions" ("workflow_id");`);
    this.addSql(`create index "executions_status_index" on "executions" ("status");`);
    this.addSql(`create index "executions_start_time_index" on "executions" ("start_time");`);
    this.addSql(`create index "executions_target_project_path_index" on "executions" ("target_project_path");`);
    this.addSql(`create index "executions_parent_execution_id_index" on "executions" ("parent_execution_id");`);
    this.addSql(`alter table "executions" add constraint "executions_import_fingerprint_unique" unique ("import_fingerprint");`);
    this.addSql(`create index "executions_status_start_time_index" on "executions" ("status", "start_time");`);

    this.addSql(`create table "messages" ("id" serial primary key, "execution_id" int not null, "turn_number" int not null, "role" text check ("role" in ('user', 'model', 'tool_request', 'tool_response')) not null, "content_text" text null, "function_call_name" text null, "function_call_args" json null, "function_response_name" text null, "function_response_content" json null, "timestamp" timestamptz not null, "duration_ms" int null, "is_error" boolean not null default false, "raw_parts" json null, "approval" text check ("approval" in ('approved', 'auto_approved', 'declined', 'declined_with_note')) null, "approval_request" json null, "prompt_tokens" int null, "output_tokens" int null, "total_tokens" int null, "tool_server" varchar(255) null, "read_only" boolean null);`);
    this.addSql(`create index "messages_execution_id_index" on "messages" ("execution_id");`);
    this.addSql(`create index "messages_execution_id_turn_number_index" on "messages" ("execution_id", "turn_number");`);

    this.addSql(`create table "workflow_mcp_server_associations" ("workflow_id" int not null, "mcp_server_id" int not null, constraint "workflow_mcp_server_associations_pkey" primary key ("workflow_id", "mcp_server_id"));`);

    this.addSql(`alter table "executions" add constraint "executions_workflow_id_foreign" foreign key ("workflow_id") references "workflows" ("id") on update cascade;`);
    this.addSql(`alter table "executions" add constraint "executions_parent_execution_id_foreign" foreign key ("parent_execution_id") references "executions" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "messages" add constraint "messages_execution_id_foreign" foreign key ("execution_id") references "executions" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "workflow_mcp_server_associations" add constraint "workflow_mcp_server_associations_workflow_id_foreign" foreign key ("workflow_id") references "workflows" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "workflow_mcp_server_associations" add constraint "workflow_mcp_server_associations_mcp_server_id_foreign" foreign key ("mcp_server_id") references "mcp_servers" ("id") on update cascade on delete cascade;`);
  }

}
