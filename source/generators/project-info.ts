/** What the generators need to know about the user's Phoenix project (filled by the tool servers). */

export interface ScopeConfig {
	/** the scope's key in `config :my_app, :scopes`, e.g. "user" */
	name: string;
	default: boolean;
	/** e.g. "MyApp.Accounts.Scope" */
	module: string;
	/** e.g. "current_scope" */
	assignKey: string;
	/** e.g. ["user", "id"] */
	accessPath: string[];
	/** e.g. "user_id" */
	schemaKey: string;
	schemaType: 'id' | 'binary_id';
	/** e.g. "users"; empty when the scope key is not a foreign key */
	schemaTable: string;
}

/** The name scoped code uses for the scope (`alias MyApp.Accounts.Scope` -> `Scope`): its module's last segment. */
export function scopeAlias(scope: Pick<ScopeConfig, 'module'>): string {
	return scope.module.slice(scope.module.lastIndexOf('.') + 1);
}

export interface ProjectInfo {
	/** the OTP app, e.g. "my_app" */
	app: string;
	/** the base module, e.g. "MyApp" */
	base: string;
	/** e.g. "MyApp.Repo" */
	repo: string;
	/** from `config :my_app, :generators, timestamp_type:` */
	timestampType?: string;
	/** from `config :my_app, :generators, binary_id:` */
	binaryId: boolean;
	/** from `config :my_app, :generators, migration_dir:` if any */
	migrationDir?: string;
	scopes: ScopeConfig[];
}
