// The PostgreSQL migrations' names in order, without their classes: opening checks what is pending
// with these and loads the migrator only when something is. Regenerated with index.ts by
// `node --import tsx source/db/create-migration.ts <name>`.
export const migrationNames: readonly string[] = [
	'Migration20261207185728_postgresql_schema',
	'Migration20261207185800_history_search_trigram',
	'Migration20261207190921_execution_user_host',
	'Migration20261207190935_ServerAllowApiKey',
	'Migration20261207190941_WorkflowChecks',
	'Migration20261208031007_executions_dry_run',
];
