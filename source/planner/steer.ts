/**
 * A decline steers the plan instead of ending the run (issue 18). Read from the history on every
 * turn, like the plan: a decline with a note corrects the fields of the declined call's entity
 * (correction.ts) and its calls are offered again; a note that cannot be read is said in one line
 * and the call is offered again unchanged; a plain decline skips the entity and every planned
 * entity that references it, directly or through another.
 */
import type {FunctionCall, FunctionResult} from '../llm/provider.js';
import {isNotRun, readDecline} from '../tool-results/declined.js';
import {referencedTable} from './attrs.js';
import {readCorrection} from './correction.js';
import type {FieldEdit} from './plan.js';
import {isTool} from './progress.js';
import type {DescribeOptions} from './resolve.js';
import type {PlannedCall} from './types.js';

export interface Steered {
	/** The plan's calls, corrected and without the skipped entities' calls. */
	calls: PlannedCall[];
	/** Said with the next calls: what the newest notes changed, or why one could not be read. */
	said: string[];
	/** Plainly declined entities (plurals), in the order declined. */
	declined: string[];
	/** Entities skipped because of a decline, each with the declined one it depends on. */
	skipped: Array<{plural: string; because: string}>;
	/** What the notes changed, per entity, for the summary. */
	corrected: string[];
	/** The notes' corrections of the fields, for the plan to be built again from (undefined: none). */
	edit?: FieldEdit;
	/** The plurals declined or skipped: no call of theirs is made. */
	gone: Set<string>;
}

/** A call's result: by id when the call has one, else by position. */
export function pairResults(calls: FunctionCall[], results: FunctionResult[]): Array<{call: FunctionCall; result: FunctionResult | undefined}> {
	return calls.map((call, i) => ({call, result: (call.id ? results.find(candidate => candidate.id === call.id) : undefined) ?? results[i]}));
}

const pluralOf = (args: Record<string, unknown>) => (typeof args['plural'] === 'string' ? args['plural'] : undefined);

/** An answer that is neither a decline nor a "not run": a real failure. */
export function isFailure(result: FunctionResult): boolean {
	return result.response.isError === true && readDecline(result.response.text) === undefined && !isNotRun(result.response.text);
}

/**
 * The entity a note corrects, with the fields it may change: all of a new entity's; of a table that
 * exists (an add-fields change), only the fields being added, since the others have columns already.
 */
function schemaOf(calls: PlannedCall[], plural: string): {schema: string; plural: string; attrs: string[]} | undefined {
	const of = (tool: string) => calls.find(candidate => candidate.tool === tool && pluralOf(candidate.args) === plural);
	const call = of('generate_schema');
	const attrs = (of('generate_add_fields_migration') ?? call)?.args['attrs'];
	if (!call || !Array.isArray(attrs)) return undefined;
	return {schema: String(call.args['schema']), plural, attrs: attrs.filter((attr): attr is string => typeof attr === 'string')};
}

/** The declined entities and every planned entity that references one of them, transitively. */
function dependents(calls: PlannedCall[], declined: string[]): Array<{plural: string; because: string}> {
	const because = new Map(declined.map(plural => [plural, plural]));
	for (let grew = true; grew; ) {
		grew = false;
		for (const call of calls) {
			const plural = pluralOf(call.args);
			const attrs = call.args['attrs'];
			if (plural === undefined || because.has(plural) || !Array.isArray(attrs)) continue;
			const table = attrs.map(attr => (typeof attr === 'string' ? referencedTable(attr) : undefined)).find(found => found !== undefined && because.has(found));
			if (table === undefined) continue;
			because.set(plural, because.get(table)!);
			grew = true;
		}
	}

	return [...because].filter(([plural]) => !declined.includes(plural)).map(([plural, root]) => ({plural, because: root}));
}

export function steer(planned: PlannedCall[], history: {calls: FunctionCall[]; results: FunctionResult[]; newest: FunctionResult[]}, tables: Set<string>, options: DescribeOptions): Steered {
	let calls = planned;
	const said: string[] = [];
	const declined: string[] = [];
	const corrected: string[] = [];
	const edits: Array<{plural: string; edit: (attrs: string[]) => string[]}> = [];
	for (const {call, result} of pairResults(history.calls, history.results)) {
		const decline = result ? readDecline(result.response.text) : undefined;
		const plural = pluralOf(call.args);
		if (!decline || plural === undefined || declined.includes(plural)) continue;
		const newest = history.newest.includes(result!);
		if (decline.note === undefined) {
			declined.push(plural);
			continue;
		}

		const target = schemaOf(calls, plural) ?? {schema: plural, plural, attrs: Array.isArray(call.args['attrs']) ? (call.args['attrs'] as string[]) : []};
		const read = readCorrection(target, decline.note, tables, options);
		if (!read.ok) {
			if (newest) said.push(`I could not read your note on ${plural} ('${decline.note}'): ${read.message}. Offering it again unchanged: decline without a note to skip ${plural}.`);
			continue;
		}

		const {edit} = read.value;
		calls = calls.map(planCall => {
			const attrs = planCall.args['attrs'];
			if (pluralOf(planCall.args) !== plural || !Array.isArray(attrs)) return planCall;
			return {...planCall, args: {...planCall.args, attrs: edit(attrs as string[])}};
		});
		edits.push({plural, edit});
		corrected.push(`${plural}: ${read.value.said}`);
		if (newest) said.push(`From your note on ${plural}: ${read.value.said}. Offering the corrected ${plural} again.`);
	}

	const skipped = dependents(calls, declined);
	const gone = new Set([...declined, ...skipped.map(entry => entry.plural)]);
	const edit: FieldEdit | undefined = edits.length === 0 ? undefined : (plural, attrs) => edits.filter(each => each.plural === plural).reduce((result, each) => each.edit(result), attrs);
	return {calls: calls.filter(call => !gone.has(pluralOf(call.args) ?? '')), said, declined, skipped, corrected, gone, ...(edit ? {edit} : {})};
}

const key = (tool: string, args: Record<string, unknown>) => {
	const {overwrite: _overwrite, ...rest} = args;
	return `${tool} ${JSON.stringify(rest)}`;
};

/**
 * The planned calls still to make: those no earlier call made successfully with the same
 * arguments. A call of an entity whose earlier version was written (a note corrected it after an
 * approval) replaces that file: overwrite.
 */
export function remainingCalls(calls: PlannedCall[], history: {calls: FunctionCall[]; results: FunctionResult[]}): PlannedCall[] {
	const made = pairResults(history.calls, history.results).filter(({result}) => result !== undefined && !result.response.isError);
	const toolOf = (name: string) => calls.find(call => isTool(name, call.tool))?.tool ?? name;
	const done = new Set(made.map(({call}) => key(toolOf(call.name), call.args)));
	const written = new Set(made.map(({call}) => `${toolOf(call.name)} ${pluralOf(call.args) ?? ''}`));
	return calls
		.filter(call => !done.has(key(call.tool, call.args)))
		.map(call => (written.has(`${call.tool} ${pluralOf(call.args) ?? ''}`) && pluralOf(call.args) !== undefined ? {...call, args: {...call.args, overwrite: true}} : call));
}
