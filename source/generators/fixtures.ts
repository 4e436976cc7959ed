/**
 * The test fixtures of `mix phx.gen.context` (Phoenix 1.8): the fixtures module
 * (fixtures_module.ex) and the block injected per schema (fixtures.ex): unique_* helpers for
 * unique attributes and `<singular>_fixture`.
 */
import {DEFAULT_SAMPLE_NOW, formatterBlankLines, paramAttrs, sampleValue} from './context-test.js';
import {breakAfter, keywordLine, oneLineDef} from './layout.js';
import {parentFixtureCall} from './references.js';
import type {SchemaSpec} from './schema-spec.js';

/** What the fixture templates need to know about the context (a subset of ContextSpec). */
export interface FixtureContextNames {
	schema: SchemaSpec;
	/** MyApp.Blog */
	module: string;
	/** MyApp.BlogFixtures */
	fixturesModule: string;
}

export interface UniqueFixtureFunction {
	attr: string;
	/** unique_post_slug */
	name: string;
	/** the `def`, two-space indented, ending with a newline */
	definition: string;
	/** true when the helper is a stub that raises until the user implements it */
	needsImplementation: boolean;
}

/** fixtures_module.ex: the fixtures module a new context starts with. */
export function renderFixturesModule(context: FixtureContextNames): string {
	return `defmodule ${context.fixturesModule} do
  @moduledoc """
  This module defines test helpers for creating
  entities via the \`${context.module}\` context.
  """
end
`;
}

const byName = (a: {attr: string}, b: {attr: string}): number => (a.attr < b.attr ? -1 : a.attr > b.attr ? 1 : 0);

/** One helper per unique non-reference attribute, sorted by attribute name. */
export function uniqueFixtureFunctions(schema: SchemaSpec): UniqueFixtureFunction[] {
	const s = schema.singular;
	return paramAttrs(schema)
		.filter(attr => attr.unique)
		.map((attr): UniqueFixtureFunction => {
			const name = `unique_${s}_${attr.name}`;
			if (attr.type === 'integer') {
				return {attr: attr.name, name, needsImplementation: false, definition: `${oneLineDef(name, 'System.unique_integer([:positive])')}\n`};
			}
			if (attr.type === 'string' || attr.type === 'text') {
				return {
					attr: attr.name,
					name,
					needsImplementation: false,
					definition: `${oneLineDef(name, `"some ${attr.name}#{System.unique_integer([:positive])}"`)}\n`,
				};
			}
			return {
				attr: attr.name,
				name,
				needsImplementation: true,
				definition: `  def ${name} do\n    raise "implement the logic to generate a unique ${s} ${attr.name}"\n  end\n`,
			};
		})
		.sort(byName);
}

/** The default params of the fixture, sorted by name: a unique helper call or the create sample. */
export function fixtureParams(schema: SchemaSpec, now: Date = DEFAULT_SAMPLE_NOW): Array<{name: string; code: string}> {
	const uniques = new Map(uniqueFixtureFunctions(schema).map(fn => [fn.attr, fn.name]));
	return paramAttrs(schema)
		.map(attr => ({attr: attr.name, name: attr.name, code: uniques.has(attr.name) ? `${uniques.get(attr.name)}()` : sampleValue(attr, 'create', now).code}))
		.sort(byName)
		.map(({name, code}) => ({name, code}));
}

/** fixtures.ex: the block injected into the fixtures module (with Phoenix's prepended newline). */
export function renderFixtures(context: FixtureContextNames, now: Date = DEFAULT_SAMPLE_NOW): string {
	const {schema} = context;
	const s = schema.singular;
	const helpers = uniqueFixtureFunctions(schema)
		.map(fn => `  @doc """\n  Generate a unique ${s} ${fn.attr}.\n  """\n${fn.definition}\n`)
		.join('');
	const params = fixtureParams(schema, now);
	const lines = params.map((param, index) => keywordLine(8, param.name, param.code, index === params.length - 1));
	// Phoenix's template leaves a blank line between the braces when there are no params; mix format writes `%{}`.
	const defaults = (indent: string): string => (lines.length === 0 ? '%{}' : `%{\n${lines.join(',\n')}\n${indent}}`);
	if (schema.parents) return linkedFixture(context, helpers, lines, defaults('      '));
	const body = schema.scope
		? `
    attrs =${lines.length === 0 ? ' Enum.into(attrs, %{})' : `\n      Enum.into(attrs, ${defaults('      ')})`}

${breakAfter(4, `{:ok, ${s}} =`, `${context.module}.create_${s}(scope, attrs)`, 2).replace(/^\n/, '')}`
		: `
    {:ok, ${s}} =
      attrs
      |> Enum.into(${defaults('      ')})
      |> ${context.module}.create_${s}()
`;
	return `
${helpers}  @doc """
  Generate a ${s}.
  """
  def ${s}_fixture(${schema.scope ? 'scope, ' : ''}attrs \\\\ %{}) do${body}
    ${s}
  end
`;
}

/**
 * The fixture of a schema whose references the program sets (references.ts): the parents are
 * made first (by their own fixtures) and passed to create; without plain fields it takes no attrs.
 */
function linkedFixture(context: FixtureContextNames, helpers: string, lines: string[], defaults: string): string {
	const {schema} = context;
	const s = schema.singular;
	const parents = schema.parents ?? [];
	const made = parents.map(parent => `    ${parent.variable} = ${parentFixtureCall(parent, context.fixturesModule)}\n`).join('');
	const withAttrs = paramAttrs(schema).length > 0;
	const args = [...parents.map(parent => parent.variable), ...(withAttrs ? ['attrs'] : [])].join(', ');
	const attrs = withAttrs ? `${made ? '\n' : ''}    attrs =${lines.length === 0 ? ' Enum.into(attrs, %{})' : `\n      Enum.into(attrs, ${defaults})`}\n\n` : '';
	const create = `${context.module}.create_${s}${args ? `(${args})` : '()'}`;
	return formatterBlankLines(`
${helpers}  @doc """
  Generate a ${s}.
  """
  def ${s}_fixture${withAttrs ? '(attrs \\\\ %{})' : ''} do
${made}${attrs}${breakAfter(4, `{:ok, ${s}} =`, create, 2)}
    ${s}
  end
`);
}
