// The SQLite migrations' names in order, without their classes: opening checks what is pending
// with these and loads the migrator only when something is. Regenerated with index.ts by
// `node --import tsx source/db/create-migration.ts <name>`.
export const migrationNames: readonly string[] = [
	'Migration20261125101131',
	'Migration20261127154924_mcp_server_form_fields',
	'Migration20261127154952_history_replay_undo',
	'Migration20261127161759_tool_call_approval',
	'Migration20261127162727_execution_import_fingerprint',
	'Migration20261127183936_history_search_index',
	'Migration20261127184334_approval_request',
	'Migration20261207185701_ServerAllowApiKey',
	'Migration20261207190921_execution_user_host',
	'Migration20261207190941_WorkflowChecks',
	'Migration20261208031007_executions_dry_run',
];
