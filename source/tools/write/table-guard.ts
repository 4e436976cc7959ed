/**
 * One schema per table (issue 16 item 6): a new schema module is never written over a table that
 * a schema of the project already maps; giving that table fields or a reference is an add-fields
 * change to its schema. The refusal says how to make it.
 */
import type {DefinedModule} from '../../phoenix-project/module-kind.js';
import {projectModules} from '../../phoenix-project/read-project.js';
import {WriteRefusedError} from './safe-writer.js';

/** The project's schema modules (under lib/) that map `table`. */
export async function schemasOfTable(root: string, base: string, table: string): Promise<DefinedModule[]> {
	const {modules} = await projectModules(root, base, 'lib');
	return modules.filter(module => module.kind === 'schema' && module.table === table);
}

/** Throws WriteRefusedError when another module than `module` maps `table`. */
export async function assertOneSchemaPerTable(root: string, base: string, spec: {module: string; table: string; file: string}): Promise<void> {
	const other = (await schemasOfTable(root, base, spec.table)).find(found => found.module !== spec.module);
	if (!other) return;
	const relative = other.module.startsWith(`${base}.`) ? other.module.slice(base.length + 1) : other.module;
	throw new WriteRefusedError(
		`Table "${spec.table}" already has a schema, ${other.module} (${other.file}); a second one (${spec.module}) is never written. To add fields or a reference to ${spec.table}, call generate_schema with schema "${relative}", all its attrs and overwrite: true, then generate_add_fields_migration with the new attrs only, then generate_context with previous_attrs.`,
		{path: spec.file},
	);
}
