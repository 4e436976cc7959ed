/**
 * References the program sets (issue 16 item 2). Phoenix never casts a foreign key, on purpose, and
 * then nothing sets it: `create_comment(%{post_id: id})` stores nil. When the project has a schema
 * and a fixture for every table a schema references, we keep the rule and set the ids from parent
 * structs instead: `create_comment(%Post{} = post, attrs)`, validate_required and
 * foreign_key_constraint on the ids, fixtures that create the parents first. A schema with no
 * plain field at all (a join table, a minimal table) gets a changeset without attrs.
 */
import {RESERVED_WORDS} from './attributes.js';
import {GeneratorError} from './errors.js';
import {isValidModuleName} from './naming.js';

/** What the tool found in the project for one reference: the parent's schema and fixture. */
export interface ParentSchema {
	/** The reference attribute: post_id */
	field: string;
	/** MyApp.Blog.Post */
	module: string;
	/** MyApp.BlogFixtures */
	fixturesModule: string;
	/** post_fixture, callable with no argument */
	fixture: string;
}

export interface LinkedParent extends ParentSchema {
	/** Post */
	alias: string;
	/** post: the parent's variable in the context functions, fixtures and tests */
	variable: string;
}

/** Names the generated functions and tests use themselves: a parent variable must differ. */
const TAKEN_VARIABLES = ['attrs', 'valid_attrs', 'update_attrs', 'changeset', 'scope'];

interface ReferenceAttr {
	name: string;
	type: string;
	optional?: true;
}

/**
 * The parents of a schema, one per reference in input order, when every reference has one
 * (undefined means Phoenix's output). A schema without any attribute has none to find.
 */
export function linkParents(attrs: ReferenceAttr[], singular: string, found: ParentSchema[] | undefined): LinkedParent[] | undefined {
	const references = attrs.filter(attr => attr.type === 'references');
	if (attrs.length === 0) return [];
	if (references.length === 0 || references.some(attr => attr.optional)) return undefined;
	const parents: LinkedParent[] = [];
	for (const attr of references) {
		const parent = found?.find(candidate => candidate.field === attr.name);
		if (!parent) return undefined;
		assertParent(parent);
		const variable = attr.name.endsWith('_id') && attr.name.length > 3 ? attr.name.slice(0, -3) : attr.name;
		const clash = variable === singular || TAKEN_VARIABLES.includes(variable) || RESERVED_WORDS.includes(variable) || parents.some(other => other.variable === variable);
		if (clash) return undefined;
		parents.push({...parent, alias: parent.module.split('.').pop()!, variable});
	}

	return parents;
}

function assertParent(parent: ParentSchema): void {
	if (!isValidModuleName(parent.module) || !isValidModuleName(parent.fixturesModule) || !/^[a-z_]\w*_fixture$/.test(parent.fixture)) {
		throw new GeneratorError(
			`The parent of reference "${parent.field}" is not valid: give its schema module, fixtures module and fixture function (e.g. MyApp.Blog.Post, MyApp.BlogFixtures, post_fixture).`,
		);
	}
}

/** `post, user`: the parents as the context functions take them, in order. */
export function parentArguments(parents: LinkedParent[]): string[] {
	return parents.map(parent => parent.variable);
}

/** `post_fixture()` or `MyApp.AccountsFixtures.user_fixture()`, seen from `fixturesModule`. */
export function parentFixtureCall(parent: LinkedParent, fixturesModule: string): string {
	return parent.fixturesModule === fixturesModule ? `${parent.fixture}()` : `${parent.fixturesModule}.${parent.fixture}()`;
}

/** Words for the parents in docs and test names: "post", "user and post". */
export function parentWords(parents: LinkedParent[]): string {
	const words = parents.map(parent => parent.variable.replaceAll('_', ' '));
	return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
