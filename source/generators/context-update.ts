/**
 * After fields are added to a schema (issue 16 item 3): the context, test and fixtures blocks
 * generated for the schema's earlier fields are replaced with the blocks for all its fields, as a
 * user would update them by hand, so the project's tests still pass. Only a block found exactly as
 * generated is replaced; one edited since is refused, never overwritten.
 */
import {type ContextFile, renderFixturesBlock, renderSchemaAccess, renderTestBlock} from './context.js';
import type {ContextSpec} from './context-spec.js';
import {DEFAULT_SAMPLE_NOW} from './context-test.js';
import {GeneratorError} from './errors.js';

/** The three files' blocks for `previous` replaced by `spec`'s; a file that is missing is refused. */
export function updateContextFiles(
	spec: ContextSpec,
	previous: ContextSpec,
	existing: {context?: string; test?: string; fixtures?: string},
	now: Date = DEFAULT_SAMPLE_NOW,
): {context: ContextFile; test: ContextFile; fixtures: ContextFile} {
	const fields = previous.schema.attrs.map(attr => attr.name).join(', ') || 'no fields';
	const replace = (path: string, current: string | undefined, before: string, after: string): ContextFile => {
		if (current === undefined) {
			throw new GeneratorError(`The file ${path} does not exist, so its ${spec.schema.plural} code cannot be updated; generate the context without previous_attrs to create it.`);
		}

		if (current.includes(after)) return {path, content: current, action: 'unchanged'};
		const at = current.indexOf(before);
		if (at === -1 || current.indexOf(before, at + 1) !== -1) {
			throw new GeneratorError(
				`The file ${path} does not hold the ${spec.schema.plural} code as generated for ${fields} (edited since?), so it is not replaced; update it by hand for the new fields, or check previous_attrs.`,
			);
		}

		return {path, content: current.slice(0, at) + after + current.slice(at + before.length), action: 'injected'};
	};
	return {
		// The context's text decides which parent aliases a linked block adds, as when it was generated.
		context: replace(spec.file, existing.context, renderSchemaAccess(previous, existing.context), renderSchemaAccess(spec, existing.context)),
		test: replace(spec.testFile, existing.test, renderTestBlock(previous, now), renderTestBlock(spec, now)),
		fixtures: replace(spec.fixturesFile, existing.fixtures, renderFixturesBlock(previous, now), renderFixturesBlock(spec, now)),
	};
}
