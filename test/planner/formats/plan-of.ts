/** The planner's reading of a pasted schema, as table → attrs, for the format tests. */
import {describe} from '../../../source/planner/resolve.js';

export interface Planned {
	tables: Record<string, string>;
	pairs: Record<string, string[][]>;
	assumptions: string[];
	binaryId: boolean;
	contexts: Record<string, string>;
	/** Referenced tables left to the project, which has them. */
	undescribed: string[];
}

export function planOf(text: string, existingTables?: Set<string>): Planned | {refused: string} {
	const described = describe(text, existingTables);
	if (!described.ok) return {refused: described.message};
	const {entities, binaryId, undescribed} = described.value;
	return {
		tables: Object.fromEntries(entities.map(entity => [entity.plural, entity.attrs.join(' ')])),
		pairs: Object.fromEntries(entities.filter(entity => entity.uniquePairs.length > 0).map(entity => [entity.plural, entity.uniquePairs])),
		assumptions: entities.flatMap(entity => entity.assumptions),
		binaryId,
		contexts: Object.fromEntries(entities.map(entity => [entity.plural, entity.context])),
		undescribed,
	};
}

export function tablesOf(text: string): Record<string, string> | string {
	const planned = planOf(text);
	return 'refused' in planned ? planned.refused : planned.tables;
}

/** table → attrs of a description that must be planned (a refusal fails the test with its message). */
export function plannedTables(text: string): Record<string, string> {
	const planned = planOf(text);
	if ('refused' in planned) throw new Error(planned.refused);
	return planned.tables;
}
