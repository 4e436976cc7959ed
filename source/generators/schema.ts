/** The schema file, as Phoenix 1.8's priv/templates/phx.gen.schema/schema.ex writes it. */
import type {Attr} from './attributes.js';
import {fitOrBreak} from './layout.js';
import {inspectAtom} from './naming.js';
import type {GeneratedFile, SchemaSpec} from './schema-spec.js';

/** The type part of a schema field line (text is :string, uuid is Ecto.UUID). */
export function schemaType(type: string): string {
	if (type === 'text') return ':string';
	if (type === 'uuid') return 'Ecto.UUID';
	return ':' + type;
}

function fieldTypeAndOptions(attr: Attr): string {
	if (attr.type === 'enum') return `Ecto.Enum, values: [${attr.values!.map(inspectAtom).join(', ')}]`;
	if (attr.type === 'array') return `{:array, ${schemaType(attr.inner!)}}`;
	return schemaType(attr.type);
}

/** Attributes that are plain fields (references are written as `_id` fields after them). */
export function plainAttrs(spec: SchemaSpec): Attr[] {
	return spec.attrs.filter(attr => attr.type !== 'references');
}

export function referenceAttrs(spec: SchemaSpec): Attr[] {
	return spec.attrs.filter(attr => attr.type === 'references');
}

/** Fields validate_required lists: every plain field but maps and the ones marked optional. */
export function requiredAttrs(spec: SchemaSpec): Attr[] {
	return plainAttrs(spec).filter(attr => attr.type !== 'map' && !attr.optional);
}

/**
 * The Elixir literal of an attribute's `:default:VALUE` (the grammar has checked it against the
 * type): a schema field holds the Elixir value (an atom for an enum, a Decimal), a migration
 * column the database's (the enum's string).
 */
export function defaultLiteral(attr: Attr, where: 'schema' | 'migration'): string | undefined {
	const value = attr.default;
	if (value === undefined) return attr.type === 'boolean' ? 'false' : undefined;
	switch (attr.type) {
		case 'integer':
		case 'boolean':
			return value;
		case 'float':
			return value.includes('.') ? value : `${value}.0`;
		case 'decimal':
			return where === 'schema' ? `Decimal.new(${JSON.stringify(value)})` : value;
		case 'enum':
			return where === 'schema' ? inspectAtom(value) : JSON.stringify(value);
		default:
			return JSON.stringify(value).replaceAll('#{', '\\#{');
	}
}

/** Unique flags in Phoenix's order: reverse input order. */
export function uniqueNames(spec: SchemaSpec): string[] {
	return spec.attrs
		.filter(attr => attr.unique)
		.map(attr => attr.name)
		.reverse();
}

/** `timestamps()` or `timestamps(type: :utc_datetime)`, shared with the migration. */
export function timestampsCall(spec: SchemaSpec): string {
	const type = spec.timestampType;
	return type === undefined || type === 'naive_datetime' ? 'timestamps()' : `timestamps(type: ${inspectAtom(type)})`;
}

function moduleAttributes(spec: SchemaSpec): string {
	let out = '';
	if (spec.prefix !== undefined) out += `\n  @schema_prefix :${spec.prefix}`;
	if (spec.primaryKey !== undefined) out += `\n  @derive {Phoenix.Param, key: :${spec.primaryKey}}`;
	if (spec.binaryId) {
		out += `\n  @primary_key {:${spec.primaryKey ?? 'id'}, :binary_id, autogenerate: true}\n  @foreign_key_type :binary_id`;
	} else if (spec.primaryKey !== undefined) {
		out += `\n  @primary_key {:${spec.primaryKey}, :id, autogenerate: true}`;
	}
	return out;
}

function fieldLines(spec: SchemaSpec): string[] {
	const lines = plainAttrs(spec).map(attr => {
		const literal = defaultLiteral(attr, 'schema');
		const defaults = literal === undefined ? '' : `, default: ${literal}`;
		const redact = attr.redact ? ', redact: true' : '';
		return `    field ${inspectAtom(attr.name)}, ${fieldTypeAndOptions(attr)}${defaults}${redact}`;
	});
	for (const attr of referenceAttrs(spec)) lines.push(`    field ${inspectAtom(attr.name)}, ${spec.binaryId ? ':binary_id' : ':id'}`);
	if (spec.scope) lines.push(`    field :${spec.scope.schemaKey}, :${spec.scope.schemaType}`);
	return lines;
}

export function renderSchema(spec: SchemaSpec): GeneratedFile {
	const names = (attrs: Attr[]): string[] => attrs.map(attr => inspectAtom(attr.name));
	const scopeArg = spec.scope ? `, ${spec.scope.name}_scope` : '';
	const fields = fieldLines(spec);
	// Phoenix's template writes the blank line before timestamps even with no fields; mix format
	// removes a blank line that opens a block, so it goes with them.
	const body = fields.length > 0 ? fields.map(line => `${line}\n`).join('') + '\n' : '';
	const uniques =
		uniqueNames(spec)
			.map(name => `    |> unique_constraint(${inspectAtom(name)})\n`)
			.join('') + spec.uniqueIndexes.map(columns => `    |> unique_constraint([${columns.map(inspectAtom).join(', ')}])\n`).join('');
	const scopeChange = spec.scope ? `    |> put_change(:${spec.scope.schemaKey}, ${spec.scope.name}_scope.${spec.scope.accessPath.join('.')})\n` : '';
	const content =
		`defmodule ${spec.module} do\n` +
		'  use Ecto.Schema\n' +
		'  import Ecto.Changeset\n' +
		moduleAttributes(spec) +
		`\n  schema "${spec.table}" do\n` +
		body +
		`    ${timestampsCall(spec)}\n` +
		'  end\n' +
		'\n' +
		'  @doc false\n' +
		(spec.parents
			? linkedChangeset(spec, uniques)
			: `  def changeset(${spec.singular}, attrs${scopeArg}) do\n` +
				`    ${spec.singular}\n` +
				`    ${fitOrBreak(4, '|> cast(attrs, [', names(plainAttrs(spec)), '])')}\n` +
				`    ${fitOrBreak(4, '|> validate_required([', names(requiredAttrs(spec)), '])')}\n` +
				uniques +
				scopeChange +
				'  end\n') +
		'end\n';
	return {path: spec.file, content};
}

/**
 * The changeset of a schema whose references the program sets (references.ts): the ids are
 * required and checked against their tables, never cast. Without plain fields there is nothing
 * to cast, so it takes no attrs.
 */
function linkedChangeset(spec: SchemaSpec, uniques: string): string {
	const s = spec.singular;
	const references = referenceAttrs(spec).map(attr => inspectAtom(attr.name));
	if (plainAttrs(spec).length === 0 && references.length === 0) return `  def changeset(${s}) do\n    change(${s})\n  end\n`;
	const required = [...requiredAttrs(spec).map(attr => inspectAtom(attr.name)), ...references];
	const head =
		plainAttrs(spec).length === 0
			? `  def changeset(${s}) do\n    ${s}\n    |> change()\n`
			: `  def changeset(${s}, attrs) do\n    ${s}\n    ${fitOrBreak(
					4,
					'|> cast(attrs, [',
					plainAttrs(spec).map(attr => inspectAtom(attr.name)),
					'])',
				)}\n`;
	const constraints = references.map(name => `    |> foreign_key_constraint(${name})\n`).join('');
	return `${head}    ${fitOrBreak(4, '|> validate_required([', required, '])')}\n${uniques}${constraints}  end\n`;
}
