/**
 * What the project's migrations already do to a table: whether one creates it, and which columns
 * they add (create/alter blocks, minus removed and renamed ones). Read with patterns that match
 * what generators and people write (`create table(:posts) do ... end`); a migration written some
 * other way (execute "ALTER ...") is simply not seen, so this only ever refuses what it has found.
 */
export interface TableColumns {
	/** Migration paths that create the table. */
	creators: string[];
	/** Column name → the migration that added it. */
	columns: Map<string, string>;
}

function escapeRegExp(value: string): string {
	return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const COLUMN = `:"?([a-z_][A-Za-z0-9_?!-]*)"?`;

/** `migrations`: path and text, in the order they run (by stamp). */
export function tableColumns(table: string, migrations: Array<{path: string; text: string}>): TableColumns {
	const name = escapeRegExp(table);
	const tableRef = String.raw`table\(\s*(?::${name}|"${name}")\s*[,)]`;
	const block = new RegExp(String.raw`^\s*(create|create_if_not_exists|alter)\s+${tableRef}[^\n]*\bdo\s*\n([\s\S]*?)^\s*end\b`, 'gm');
	const add = new RegExp(String.raw`^\s*(?:add|add_if_not_exists)\s+${COLUMN}`, 'gm');
	const remove = new RegExp(String.raw`^\s*(?:remove|remove_if_exists)\s+${COLUMN}`, 'gm');
	const rename = new RegExp(String.raw`^\s*rename\s+${tableRef}[^\n]*?,\s*${COLUMN}\s*,\s*to:\s*${COLUMN}`, 'gm');
	const result: TableColumns = {creators: [], columns: new Map()};
	for (const {path, text} of migrations) {
		for (const match of text.matchAll(block)) {
			if (match[1] !== 'alter') result.creators.push(path);
			for (const column of match[2]!.matchAll(add)) result.columns.set(column[1]!, path);
			for (const column of match[2]!.matchAll(remove)) result.columns.delete(column[1]!);
		}
		for (const match of text.matchAll(rename)) {
			result.columns.delete(match[1]!);
			result.columns.set(match[2]!, path);
		}
	}
	return result;
}
