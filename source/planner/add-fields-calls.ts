/**
 * The calls that add fields to a schema the conversation wrote: the schema regenerated with all
 * its fields, the alter-table migration for the new ones (or the create migration when no
 * migration creates the table yet), and, after an alter migration, its context's code, tests and
 * fixtures updated for them (issue 16 item 3), as a user would update them by hand.
 */
import {addFieldsMigrationName} from '../generators/migration.js';
import {attrName, isUnique, referencedTable} from './attrs.js';
import type {ProjectFacts} from './progress.js';
import type {PlannedCall} from './types.js';

export interface AddFieldsTarget {
	schema: string;
	plural: string;
	/** The fields it has now. */
	attrs: string[];
}

export interface AddFieldsOptions {
	projectPath: string;
	facts: ProjectFacts;
	inspected: boolean;
	/** The arguments of the conversation's generate_context call for it, when there was one. */
	context?: Record<string, unknown> | undefined;
}

export interface AddFieldsCalls {
	calls: PlannedCall[];
	resolution: string[];
	/** What was done, for the headline. */
	done: string;
	notes: string[];
}

/** What the add-fields migration does, for the summary. */
function addedNote(migrationName: string, table: string, added: string[]): string {
	const names = added.map(attrName);
	const unique = added.filter(attr => isUnique(attr)).map(attrName);
	const referencing = added.filter(attr => !isUnique(attr) && referencedTable(attr) !== undefined).map(attrName);
	const parts = [
		...(unique.length > 0 ? [`${unique.length > 1 ? 'unique indexes' : 'a unique index'} on ${unique.join(', ')}`] : []),
		...(referencing.length > 0 ? [`${referencing.length > 1 ? 'indexes' : 'an index'} on ${referencing.join(', ')}`] : []),
	];
	const indexes = parts.length > 0 ? ` and ${parts.join(' and ')}` : '';
	return `The ${migrationName} migration adds the ${names.join(', ')} column${names.length > 1 ? 's' : ''} to ${table}${indexes}: run mix ecto.migrate to apply it.`;
}

/** The context call again, with all fields, replacing the code generated for the earlier ones. */
function contextCall(target: AddFieldsTarget, attrs: string[], options: AddFieldsOptions, names: string): PlannedCall | undefined {
	const earlier = options.context;
	const previous = earlier?.['attrs'];
	if (!earlier || !Array.isArray(previous)) return undefined;
	const {overwrite: _overwrite, dry_run: _dryRun, migration_stamp: _stamp, ...kept} = earlier;
	return {
		tool: 'generate_context',
		args: {...kept, project_path: options.projectPath, attrs, no_schema: true, previous_attrs: previous},
		say: `Updating the ${String(earlier['context'])} context's ${target.plural} code, tests and fixtures for ${names}.`,
	};
}

/** The options of the earlier call that shape the table and its keys (binary ids, its name, prefix), kept by `keys`. */
function shapeOf(earlier: Record<string, unknown> | undefined, keys: readonly string[]): Record<string, unknown> {
	return Object.fromEntries(keys.filter(key => earlier?.[key] !== undefined).map(key => [key, earlier![key]]));
}

const SCHEMA_SHAPE = ['table', 'binary_id', 'primary_key', 'prefix', 'scope', 'no_scope', 'unique_indexes'] as const;
const MIGRATION_SHAPE = ['table', 'binary_id', 'prefix'] as const;

export function addFieldsCalls(target: AddFieldsTarget, added: string[], options: AddFieldsOptions): AddFieldsCalls {
	const {projectPath, facts, inspected} = options;
	const names = added.map(attrName).join(', ');
	const attrs = [...target.attrs, ...added];
	// Regenerated as first generated: without binary_id a binary-id schema would lose its key types.
	const schemaShape = shapeOf(options.context, SCHEMA_SHAPE);
	const schemaCall: PlannedCall = {
		tool: 'generate_schema',
		args: {project_path: projectPath, schema: target.schema, plural: target.plural, attrs, ...schemaShape, overwrite: true},
		say: `Regenerating the ${target.schema} schema with ${names}.`,
	};
	const context = contextCall(target, attrs, options, names);
	const contextNote = context ? [] : [`The context, its tests and fixtures were not updated: add ${names} to them by hand (the test attrs and the fixture's defaults), or generate the context again.`];
	// A table exists for a migration only when a migration creates it (not because a schema file does).
	if (inspected && facts.created && !facts.created.has(target.plural)) {
		return {
			calls: [
				schemaCall,
				{
					tool: 'generate_migration',
					args: {project_path: projectPath, schema: target.schema, plural: target.plural, attrs, ...schemaShape},
					say: `Writing the migration that creates ${target.plural} with all its fields.`,
				},
			],
			resolution: [`No migration creates ${target.plural} yet, so the migration creates the table with all its fields.`],
			done: `added ${names} to ${target.schema} (${target.plural}); no migration created ${target.plural} yet, so it is created with all its fields`,
			// The earlier run wrote nothing (a dry run): its context is not there to update.
			notes: [`The context, its tests and fixtures were not updated: add ${names} to them by hand (the test attrs and the fixture's defaults), or generate the context again.`],
		};
	}

	const migrationName = addFieldsMigrationName(target.plural, added.map(attrName));
	return {
		calls: [
			schemaCall,
			{
				tool: 'generate_add_fields_migration',
				args: {project_path: projectPath, schema: target.schema, plural: target.plural, attrs: added, ...shapeOf(options.context, MIGRATION_SHAPE)},
				say: `Writing the ${migrationName} migration, which adds ${names} to ${target.plural}.`,
			},
			...(context ? [context] : []),
		],
		resolution: [],
		done: `added ${names} to ${target.schema} (${target.plural})`,
		notes: [addedNote(migrationName, target.plural, added), ...contextNote],
	};
}
