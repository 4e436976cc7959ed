// Project descriptions shared by the generator tests (not a test file: ava runs *.test.ts only).
import type {ProjectInfo, ScopeConfig} from '../../source/generators/project-info.js';

/** A plain `mix phx.new my_app` project before 1.7.8: no generator config. */
export const plainProject: ProjectInfo = {app: 'my_app', base: 'MyApp', repo: 'MyApp.Repo', binaryId: false, scopes: []};

/** A project made by phx.new 1.8: `timestamp_type: :utc_datetime`. */
export const modernProject: ProjectInfo = {...plainProject, timestampType: 'utc_datetime'};

export const userScope: ScopeConfig = {
	name: 'user',
	default: true,
	module: 'MyApp.Accounts.Scope',
	assignKey: 'current_scope',
	accessPath: ['user', 'id'],
	schemaKey: 'user_id',
	schemaType: 'id',
	schemaTable: 'users',
};

export const orgScope: ScopeConfig = {
	name: 'organization',
	default: false,
	module: 'MyApp.Accounts.Scope',
	assignKey: 'current_scope',
	accessPath: ['organization', 'id'],
	schemaKey: 'org_id',
	schemaType: 'binary_id',
	schemaTable: 'organizations',
};

/** After `mix phx.gen.auth`: a default user scope and a named organization scope. */
export const scopedProject: ProjectInfo = {...modernProject, scopes: [userScope, orgScope]};
