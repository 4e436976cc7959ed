// The one rule for module names a generator may not take, for schemas and contexts alike.
import test from 'ava';
import {buildContextSpec} from '../../source/generators/context.js';
import {GeneratorError} from '../../source/generators/errors.js';
import {FRAMEWORK_MODULES} from '../../source/generators/reserved-names.js';
import {buildSchemaSpec} from '../../source/generators/schema-spec.js';
import {plainProject, scopedProject} from './projects.js';

test('a schema or a context named like a framework module of the project is refused, naming the module', t => {
	for (const name of FRAMEWORK_MODULES) {
		const schema = t.throws(() => buildSchemaSpec(plainProject, {schema: name, plural: 'things', attrs: []}), {instanceOf: GeneratorError});
		t.regex(schema!.message, new RegExp(`^Schema "${name}" would be (the project's repo module MyApp\\.Repo|MyApp\\.${name}, a module Phoenix generates)`));
		const context = t.throws(() => buildContextSpec(plainProject, {context: name, schema: 'Thing', plural: 'things', attrs: []}), {instanceOf: GeneratorError});
		t.regex(context!.message, new RegExp(`^Context "${name}" would be`));
	}
});

test('the configured repo and scope modules are refused too; the same names deeper down are fine', t => {
	const project = {...plainProject, repo: 'MyApp.Data.Store'};
	t.throws(() => buildSchemaSpec(project, {schema: 'Data.Store', plural: 'stores', attrs: []}), {message: /Schema "Data\.Store" would be the project's repo module MyApp\.Data\.Store/});
	t.throws(() => buildSchemaSpec(scopedProject, {schema: 'Accounts.Scope', plural: 'scopes', attrs: [], noScope: true}), {message: /would be the scope module MyApp\.Accounts\.Scope/});
	t.is(buildSchemaSpec(plainProject, {schema: 'Network.Router', plural: 'routers', attrs: []}).module, 'MyApp.Network.Router');
	t.is(buildSchemaSpec(plainProject, {schema: 'Blog.Application', plural: 'applications', attrs: []}).module, 'MyApp.Blog.Application');
});
