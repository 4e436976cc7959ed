/**
 * The context test file of `mix phx.gen.context` (Phoenix 1.8): the test module
 * (context_test.exs) and the `describe` block injected per schema (test_cases.exs, or
 * test_cases_scope.exs when the schema is scoped), with Phoenix's sample values per type.
 */

import {assertEqual, assertList, assertMatch, assertRaise} from './assert-layout.js';
import type {Attr} from './attributes.js';
import {breakAfter, fitOrBreak, layoutCall, spansLines} from './layout.js';
import {inspectAtom, inspectString} from './naming.js';
import type {ScopeConfig} from './project-info.js';
import {requiredAttrs} from './schema.js';
import type {SchemaSpec} from './schema-spec.js';

export type SampleAction = 'create' | 'update';

export interface SampleValue {
	name: string;
	/** the value as Elixir's inspect prints it (in attrs maps and fixtures) */
	code: string;
	/** the right side of the generated `assert post.field == ...` */
	expected: string;
}

/**
 * Phoenix computes date and datetime samples from the clock; callers pass it. Without one we use
 * this fixed instant so the output stays a pure function of the input.
 */
export const DEFAULT_SAMPLE_NOW = new Date(Date.UTC(2025, 0, 15, 14, 0, 0));

const DAY_MS = 24 * 3600 * 1000;
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
const isoDate = (d: Date): string => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
// Phoenix keeps the hour and minute of "now" and zeroes the seconds.
const isoMinute = (d: Date): string => `${isoDate(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;

/** The non-reference attributes, in input order: the ones Phoenix puts in params and fixtures. */
export function paramAttrs(schema: SchemaSpec): Attr[] {
	return schema.attrs.filter(attr => attr.type !== 'references');
}

/** Mix.Phoenix.Schema's type_to_default, printed as inspect would. */
export function sampleValue(attr: Attr, action: SampleAction, now: Date = DEFAULT_SAMPLE_NOW): SampleValue {
	const create = action === 'create';
	const code = sampleCode(attr, create, now);
	return {name: attr.name, code, expected: attr.type === 'decimal' ? `Decimal.new(${code})` : code};
}

function sampleCode(attr: Attr, create: boolean, now: Date): string {
	const minute = new Date(Math.floor(now.getTime() / 60000) * 60000);
	const when = create ? new Date(minute.getTime() - DAY_MS) : minute;
	switch (attr.type) {
		case 'array':
			if (attr.inner === 'string') return create ? '["option1", "option2"]' : '["option1"]';
			if (attr.inner === 'integer') return create ? '[1, 2]' : '[1]';
			return '[]';
		case 'enum': {
			const values = attr.values ?? [];
			const value = create || values.length < 2 ? values[0] : values[1];
			return inspectAtom(value ?? '');
		}
		case 'integer':
			return create ? '42' : '43';
		case 'float':
			return create ? '120.5' : '456.7';
		case 'decimal':
			return create ? '"120.5"' : '"456.7"';
		case 'boolean':
			return create ? 'true' : 'false';
		case 'map':
			return '%{}';
		case 'date':
			return `~D[${isoDate(create ? new Date(now.getTime() - DAY_MS) : now)}]`;
		case 'time':
			return create ? '~T[14:00:00]' : '~T[15:01:01]';
		case 'time_usec':
			return create ? '~T[14:00:00.000000]' : '~T[15:01:01.000000]';
		case 'uuid':
			return create ? '"7488a646-e31f-11e4-aace-600308960662"' : '"7488a646-e31f-11e4-aace-600308960668"';
		case 'utc_datetime':
			return `~U[${isoMinute(when)}Z]`;
		case 'utc_datetime_usec':
			return `~U[${isoMinute(when)}.000000Z]`;
		case 'naive_datetime':
			return `~N[${isoMinute(when)}]`;
		case 'naive_datetime_usec':
			return `~N[${isoMinute(when)}.000000]`;
		default:
			// string, text, binary
			return inspectString(create ? `some ${attr.name}` : `some updated ${attr.name}`);
	}
}

/** The sample params of an action, in input order (see the report on map key order). */
export function sampleParams(schema: SchemaSpec, action: SampleAction, now: Date = DEFAULT_SAMPLE_NOW): SampleValue[] {
	return paramAttrs(schema).map(attr => sampleValue(attr, action, now));
}

/** A map key as inspect prints it: `title: ` or `"odd-name": `. */
export function mapKey(name: string): string {
	const atom = inspectAtom(name);
	return atom.startsWith(':') ? `${atom.slice(1)}: ` : `${inspectString(name)}: `;
}

/**
 * Mix.Phoenix.to_text of an atom-keyed map: `%{title: "some title", views: 42}`, after `head`
 * (`valid_attrs = `) on a line indented `indent`; broken one entry a line when too long for it.
 */
export function inspectMap(entries: Array<{name: string; code: string}>, indent = 0, head = ''): string {
	return fitOrBreak(
		indent,
		`${head}%{`,
		entries.map(entry => mapKey(entry.name) + entry.code),
		'}',
	);
}

/**
 * The line `name = %{...}`, indented `indent`, with the blank lines mix format puts around it
 * once it spans lines.
 */
export function attrsAssignment(name: string, entries: SampleValue[], indent: number, blank: {before: boolean; after: boolean}): string {
	const code = ' '.repeat(indent) + inspectMap(entries, indent, `${name} = `);
	if (!spansLines(code)) return code;
	return `${blank.before ? '\n' : ''}${code}${blank.after ? '\n' : ''}`;
}

/** The module of the scope's test fixtures (`test_data_fixture:` that phx.gen.auth writes). */
export function scopeFixturesModule(scope: ScopeConfig): string {
	const configured = (scope as ScopeConfig & {testDataFixture?: string}).testDataFixture;
	if (configured) return configured;
	// phx.gen.auth sets it to <Auth context>Fixtures: MyApp.Accounts.Scope -> MyApp.AccountsFixtures.
	return scope.module.split('.').slice(0, -1).join('.') + 'Fixtures';
}

/** What the test templates need to know about the context (a subset of ContextSpec). */
export interface TestContextNames {
	schema: SchemaSpec;
	/** MyApp.Blog */
	module: string;
	/** Blog */
	alias: string;
	/** MyApp.BlogTest */
	testModule: string;
}

/** context_test.exs: the test module a new context starts with. */
export function renderContextTestModule(context: TestContextNames): string {
	return `defmodule ${context.testModule} do
  use ${context.schema.project.base}.DataCase

  alias ${context.module}
end
`;
}

/** test_cases.exs / test_cases_scope.exs: the block injected into the test module. */
export function renderTestCases(context: TestContextNames, now: Date = DEFAULT_SAMPLE_NOW): string {
	const cases = context.schema.scope ? scopedTestCases(context, context.schema.scope, now) : plainTestCases(context, now);
	return everyFieldOptional(context.schema) ? withoutInvalidDataTests(cases) : cases;
}

/** Our `:optional` extension can leave nothing required; then no attrs are invalid (Phoenix never gets here). */
export function everyFieldOptional(schema: SchemaSpec): boolean {
	return schema.attrs.some(attr => attr.optional) && requiredAttrs(schema).length === 0;
}

export function withoutInvalidDataTests(cases: string): string {
	return cases.replace(/\n {4}@invalid_attrs (?:%\{\n[\s\S]*?\n {4}\}|[^\n]*)\n/, '\n').replace(/\n {4}test "[^"]+ with invalid data returns error changeset" do\n[\s\S]*?\n {4}end\n/g, '');
}

export function assertions(singular: string, values: SampleValue[]): string {
	return values.map(value => `\n${assertEqual(6, `${singular}.${value.name}`, value.expected)}`).join('');
}

export function invalidAttrs(schema: SchemaSpec): string {
	return inspectMap(
		paramAttrs(schema).map(attr => ({name: attr.name, code: 'nil'})),
		4,
		'@invalid_attrs ',
	);
}

/** mix format keeps one blank line at most, none opening or closing a block. */
export function formatterBlankLines(code: string): string {
	return code
		.replace(/\n{3,}/g, '\n\n')
		.replace(/ do\n\n/g, ' do\n')
		.replace(/\n\n( *end\n)/g, '\n$1');
}

// The tests the plain and the linked blocks share, each opening with its blank line.

/** list_ and get_! of one fixture. */
export function readCases(context: TestContextNames): string {
	const {schema, alias: ctx} = context;
	const {singular: s, plural: p} = schema;
	const pk = schema.primaryKey ?? 'id';
	return `
    test "list_${p}/0 returns all ${p}" do
      ${s} = ${s}_fixture()
${assertList(6, `${ctx}.list_${p}()`, s)}
    end

    test "get_${s}!/1 returns the ${s} with given id" do
      ${s} = ${s}_fixture()
${assertEqual(6, `${ctx}.get_${s}!(${s}.${pk})`, `${s}`)}
    end
`;
}

/** update_ with valid and with invalid attrs. */
export function updateCases(context: TestContextNames, now: Date = DEFAULT_SAMPLE_NOW): string {
	const {schema, alias: ctx} = context;
	const {singular: s, alias: a} = schema;
	const pk = schema.primaryKey ?? 'id';
	const update = sampleParams(schema, 'update', now);
	return `
    test "update_${s}/2 with valid data updates the ${s}" do
      ${s} = ${s}_fixture()
${attrsAssignment('update_attrs', update, 6, {before: true, after: false})}

${assertMatch(6, `{:ok, %${a}{} = ${s}}`, `${ctx}.update_${s}(${s}, update_attrs)`)}${assertions(s, update)}
    end

    test "update_${s}/2 with invalid data returns error changeset" do
      ${s} = ${s}_fixture()
${assertMatch(6, '{:error, %Ecto.Changeset{}}', `${ctx}.update_${s}(${s}, @invalid_attrs)`)}
${assertEqual(6, `${s}`, `${ctx}.get_${s}!(${s}.${pk})`)}
    end
`;
}

/** delete_ and change_. */
export function deleteAndChangeCases(context: TestContextNames): string {
	const {schema, alias: ctx} = context;
	const {singular: s, alias: a} = schema;
	const pk = schema.primaryKey ?? 'id';
	return `
    test "delete_${s}/1 deletes the ${s}" do
      ${s} = ${s}_fixture()
${assertMatch(6, `{:ok, %${a}{}}`, `${ctx}.delete_${s}(${s})`)}
${assertRaise(6, 'Ecto.NoResultsError', `${ctx}.get_${s}!(${s}.${pk})`)}
    end

    test "change_${s}/1 returns a ${s} changeset" do
      ${s} = ${s}_fixture()
${assertMatch(6, `%Ecto.Changeset{}`, `${ctx}.change_${s}(${s})`)}
    end
`;
}

function plainTestCases(context: TestContextNames, now: Date): string {
	const {schema, alias: ctx} = context;
	const {singular: s, plural: p, alias: a} = schema;
	const create = sampleParams(schema, 'create', now);
	return formatterBlankLines(`
  describe "${p}" do
    alias ${schema.module}

    import ${context.module}Fixtures

    ${invalidAttrs(schema)}
${readCases(context)}
    test "create_${s}/1 with valid data creates a ${s}" do
${attrsAssignment('valid_attrs', create, 6, {before: false, after: false})}

${assertMatch(6, `{:ok, %${a}{} = ${s}}`, `${ctx}.create_${s}(valid_attrs)`)}${assertions(s, create)}
    end

    test "create_${s}/1 with invalid data returns error changeset" do
${assertMatch(6, '{:error, %Ecto.Changeset{}}', `${ctx}.create_${s}(@invalid_attrs)`)}
    end
${updateCases(context, now)}${deleteAndChangeCases(context)}  end
`);
}

function scopedTestCases(context: TestContextNames, scope: ScopeConfig, now: Date): string {
	const {schema, alias: ctx} = context;
	const {singular: s, plural: p, alias: a} = schema;
	const pk = schema.primaryKey ?? 'id';
	const scopeFixture = `${scope.name}_scope_fixture`;
	const access = scope.accessPath.join('.');
	const create = sampleParams(schema, 'create', now);
	const update = sampleParams(schema, 'update', now);
	return formatterBlankLines(`
  describe "${p}" do
    alias ${schema.module}

    import ${scopeFixturesModule(scope)}, only: [${scopeFixture}: 0]
    import ${context.module}Fixtures

    ${invalidAttrs(schema)}

    test "list_${p}/1 returns all scoped ${p}" do
      scope = ${scopeFixture}()
      other_scope = ${scopeFixture}()
      ${s} = ${s}_fixture(scope)
${breakAfter(6, `other_${s} =`, `${s}_fixture(other_scope)`, 2)}
${assertList(6, `${ctx}.list_${p}(scope)`, s)}
${assertList(6, `${ctx}.list_${p}(other_scope)`, `other_${s}`)}
    end

    test "get_${s}!/2 returns the ${s} with given id" do
      scope = ${scopeFixture}()
      ${s} = ${s}_fixture(scope)
      other_scope = ${scopeFixture}()
${assertEqual(6, `${ctx}.get_${s}!(scope, ${s}.${pk})`, `${s}`)}
${assertRaise(6, 'Ecto.NoResultsError', `${ctx}.get_${s}!(other_scope, ${s}.${pk})`)}
    end

    test "create_${s}/2 with valid data creates a ${s}" do
${attrsAssignment('valid_attrs', create, 6, {before: false, after: true})}
      scope = ${scopeFixture}()

${assertMatch(6, `{:ok, %${a}{} = ${s}}`, `${ctx}.create_${s}(scope, valid_attrs)`)}${assertions(s, create)}
      assert ${s}.${scope.schemaKey} == scope.${access}
    end

    test "create_${s}/2 with invalid data returns error changeset" do
      scope = ${scopeFixture}()
${assertMatch(6, '{:error, %Ecto.Changeset{}}', `${ctx}.create_${s}(scope, @invalid_attrs)`)}
    end

    test "update_${s}/3 with valid data updates the ${s}" do
      scope = ${scopeFixture}()
      ${s} = ${s}_fixture(scope)
${attrsAssignment('update_attrs', update, 6, {before: true, after: false})}

${assertMatch(6, `{:ok, %${a}{} = ${s}}`, `${ctx}.update_${s}(scope, ${s}, update_attrs)`)}${assertions(s, update)}
    end

    test "update_${s}/3 with invalid scope raises" do
      scope = ${scopeFixture}()
      other_scope = ${scopeFixture}()
      ${s} = ${s}_fixture(scope)

      assert_raise MatchError, fn ->
        ${layoutCall(8, `${ctx}.update_${s}(other_scope, ${s}, %{})`)}
      end
    end

    test "update_${s}/3 with invalid data returns error changeset" do
      scope = ${scopeFixture}()
      ${s} = ${s}_fixture(scope)
${assertMatch(6, '{:error, %Ecto.Changeset{}}', `${ctx}.update_${s}(scope, ${s}, @invalid_attrs)`)}
${assertEqual(6, `${s}`, `${ctx}.get_${s}!(scope, ${s}.${pk})`)}
    end

    test "delete_${s}/2 deletes the ${s}" do
      scope = ${scopeFixture}()
      ${s} = ${s}_fixture(scope)
${assertMatch(6, `{:ok, %${a}{}}`, `${ctx}.delete_${s}(scope, ${s})`)}
${assertRaise(6, 'Ecto.NoResultsError', `${ctx}.get_${s}!(scope, ${s}.${pk})`)}
    end

    test "delete_${s}/2 with invalid scope raises" do
      scope = ${scopeFixture}()
      other_scope = ${scopeFixture}()
      ${s} = ${s}_fixture(scope)
${assertRaise(6, 'MatchError', `${ctx}.delete_${s}(other_scope, ${s})`)}
    end

    test "change_${s}/2 returns a ${s} changeset" do
      scope = ${scopeFixture}()
      ${s} = ${s}_fixture(scope)
${assertMatch(6, `%Ecto.Changeset{}`, `${ctx}.change_${s}(scope, ${s})`)}
    end
  end
`);
}
