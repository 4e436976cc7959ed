/**
 * One line that says what a tool call is about, from its arguments: the schema, table, context and
 * fields, not the project path every call repeats. Sanitized: the arguments come from a model.
 */
import {sanitizeLine} from '../../terminal/sanitize.js';

/** Arguments every call carries or that say nothing about what it does. */
const QUIET = new Set(['project_path', 'dry_run', 'overwrite', 'repo', 'migration_dir']);

function show(value: unknown): string {
	if (Array.isArray(value)) return value.map(item => show(item)).join(' ');
	if (value !== null && typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

export function argsSummary(args: Record<string, unknown>): string {
	const parts: string[] = [];
	for (const [name, value] of Object.entries(args)) {
		if (QUIET.has(name) || value === undefined || value === null || value === '') continue;
		// Names of modules and tables read on their own; the rest as name=value.
		parts.push(['schema', 'context', 'plural', 'table', 'attrs', 'fields'].includes(name) ? show(value) : `${name}=${show(value)}`);
	}

	return sanitizeLine(parts.join(' ')).replace(/\s+/g, ' ').trim();
}
