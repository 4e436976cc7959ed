/**
 * The data model as a project's files state it, for inspect_project: the fields of a schema file
 * (`field :title, :string`, `belongs_to :post, MyApp.Blog.Post`) and the foreign keys its
 * migrations declare (`add :post_id, references(:posts)`). Read with patterns that match what
 * generators and people write; what they do not match is simply not listed.
 */

export interface SchemaField {
	name: string;
	/** As written, without the leading colon: `string`, `{:array, :string}`, `Ecto.Enum`. */
	type: string;
}

export interface SchemaReference {
	field: string;
	/** The table it points at (from a migration), or the module (from belongs_to). */
	table?: string;
	module?: string;
}

const FIELD = /^\s*field\s*\(?\s*:"?([A-Za-z_][\w?!]*)"?\s*(?:,\s*((?:\{[^}\n]*\})|[^,\n)]+))?/gm;
const BELONGS_TO = /^\s*belongs_to\s*\(?\s*:"?([A-Za-z_]\w*)"?\s*,\s*([A-Z][\w.]*)([^\n]*)/gm;

/** The fields and belongs_to links of one schema file. */
export function schemaFileFields(text: string): {fields: SchemaField[]; references: SchemaReference[]} {
	const fields: SchemaField[] = [];
	const references: SchemaReference[] = [];
	for (const match of text.matchAll(FIELD)) {
		fields.push({name: match[1]!, type: (match[2] ?? ':string').trim().replace(/^:/, '')});
	}

	for (const match of text.matchAll(BELONGS_TO)) {
		const foreignKey = /foreign_key:\s*:"?(\w+)/.exec(match[3] ?? '')?.[1] ?? `${match[1]}_id`;
		if (!fields.some(field => field.name === foreignKey)) fields.push({name: foreignKey, type: 'id'});
		references.push({field: foreignKey, module: match[2]!});
	}

	return {fields, references};
}

const TABLE_BLOCK = /^\s*(?:create|create_if_not_exists|alter)\s+table\(\s*:"?(\w+)"?[^\n]*\bdo\s*\n([\s\S]*?)^\s*end\b/gm;
const REFERENCE = /^\s*(?:add|add_if_not_exists|modify)\s+:"?(\w+)"?\s*,\s*references\(\s*:"?(\w+)"?/gm;

/** table -> column -> the table it references, from migration texts in the order they run. */
export function migrationReferences(texts: string[]): Map<string, Map<string, string>> {
	const found = new Map<string, Map<string, string>>();
	for (const text of texts) {
		for (const block of text.matchAll(TABLE_BLOCK)) {
			const table = block[1]!;
			for (const reference of block[2]!.matchAll(REFERENCE)) {
				if (!found.has(table)) found.set(table, new Map());
				found.get(table)!.set(reference[1]!, reference[2]!);
			}
		}
	}

	return found;
}
