/**
 * Creation order: a migration may only reference a table that exists, so an entity comes after
 * the planned entities it references. Input order is kept otherwise; a cycle is refused.
 */
import {referencedTable} from './attrs.js';
import type {Parsed, PlannedEntity} from './types.js';

function plannedRefs(entity: PlannedEntity, planned: Set<string>): string[] {
	return entity.attrs.map(attr => referencedTable(attr)).filter((table): table is string => table !== undefined && table !== entity.plural && planned.has(table));
}

function findCycle(remaining: PlannedEntity[], planned: Set<string>): string[] {
	const byPlural = new Map(remaining.map(entity => [entity.plural, entity]));
	const path: string[] = [];
	let current = remaining[0]!;
	while (!path.includes(current.plural)) {
		path.push(current.plural);
		const next = plannedRefs(current, planned).find(table => byPlural.has(table));
		if (!next) break;
		current = byPlural.get(next)!;
	}

	return [...path.slice(path.indexOf(current.plural)), current.plural];
}

export function orderEntities(entities: PlannedEntity[]): Parsed<PlannedEntity[]> {
	const planned = new Set(entities.map(entity => entity.plural));
	const placed = new Set<string>();
	const ordered: PlannedEntity[] = [];
	let remaining = [...entities];
	while (remaining.length > 0) {
		const next = remaining.find(entity => plannedRefs(entity, planned).every(table => placed.has(table)));
		if (!next) {
			const cycle = findCycle(remaining, planned);
			return {
				ok: false,
				message:
					`These tables reference each other in a cycle: ${cycle.join(' → ')}. A migration can only reference a table ` +
					'created before it; drop one of the references here and add it later in its own migration.',
			};
		}

		ordered.push(next);
		placed.add(next.plural);
		remaining = remaining.filter(entity => entity !== next);
	}

	return {ok: true, value: ordered};
}
