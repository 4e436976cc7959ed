/**
 * The parent of each reference, as the project has it (issue 16 item 2): the schema module over
 * the referenced table and a fixture that makes one with no argument. generate_schema and
 * generate_context look them up the same way, so the schema and the context they write agree;
 * the generators set the references from the parents only when every one is found.
 */
import {parseAttrs} from '../generators/attributes.js';
import {underscore} from '../generators/naming.js';
import type {ParentSchema} from '../generators/references.js';
import {projectModules} from '../phoenix-project/read-project.js';
import {readExisting} from './write/safe-writer.js';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The parents found for `attrs` (tool syntax); none for a table of its own or one without a schema. */
export async function referenceParents(root: string, base: string, app: string, attrs: string[], ownTable: string): Promise<ParentSchema[]> {
	let references;
	try {
		references = parseAttrs(attrs).filter(attr => attr.type === 'references' && attr.table !== ownTable);
	} catch {
		// The generator reports bad attributes itself.
		return [];
	}

	if (references.length === 0) return [];
	const {modules} = await projectModules(root, base, `lib/${app}`);
	const parents: ParentSchema[] = [];
	for (const attr of references) {
		const owners = modules.filter(found => found.kind === 'schema' && found.table === attr.table);
		if (owners.length !== 1) continue;
		const module = owners[0]!.module;
		const segments = module.startsWith(`${base}.`) ? module.slice(base.length + 1).split('.') : [];
		if (segments.length < 2) continue;
		const context = segments.slice(0, -1).join('.');
		const fixture = `${underscore(segments.at(-1)!)}_fixture`;
		const text = await readExisting(root, `test/support/fixtures/${underscore(context)}_fixtures.ex`).catch(() => undefined);
		// A fixture callable with no argument: `def post_fixture(attrs \\ %{}) do` or `def post_fixture do`.
		const callable = new RegExp(`^\\s*def ${escapeRegExp(fixture)}(?:\\(\\s*\\w+\\s*\\\\\\\\\\s*%\\{\\}\\s*\\))?\\s+do\\b`, 'm');
		if (text === undefined || !callable.test(text)) continue;
		parents.push({field: attr.name, module, fixturesModule: `${base}.${context}Fixtures`, fixture});
	}

	return parents;
}

/**
 * Whether an existing schema file has Phoenix's form (a follow-up regenerating it with overwrite,
 * whose context stays Phoenix's): it keeps that form, so schema and context still agree. A file of
 * ours (foreign_key_constraint, or a changeset without attrs) keeps ours.
 */
export async function hasPhoenixForm(root: string, file: string): Promise<boolean> {
	const text = await readExisting(root, file).catch(() => undefined);
	return text !== undefined && !/\|> foreign_key_constraint\(|def changeset\(\w+\) do/.test(text);
}
