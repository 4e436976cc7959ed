/**
 * The workflow a run takes when none is named, one rule for `ectosmith run` and the TUI: the only
 * workflow, else the one named elixir_crud_generator (the seeded one, our "default"); else none,
 * and the user chooses (never silently the first of the list).
 */
import {EctosmithError} from '../errors.js';

/** The workflow picked when several exist and none is named. */
export const DEFAULT_WORKFLOW_NAME = 'elixir_crud_generator';

/** There is no workflow to take without the user's choice; the message says how to choose. */
export class NoDefaultWorkflowError extends EctosmithError {}

export function defaultWorkflowOf<T extends {name: string}>(workflows: readonly T[]): T | undefined {
	if (workflows.length === 1) return workflows[0];
	return workflows.find(workflow => workflow.name === DEFAULT_WORKFLOW_NAME);
}

/** Why no workflow was taken; `choose` says how to pick one here (a flag, a pane). */
export function noDefaultWorkflowMessage(names: readonly string[], choose: string): string {
	return names.length === 0
		? 'No workflows in the database; import some with `ectosmith db seed --from DIR`'
		: `Several workflows and none named ${DEFAULT_WORKFLOW_NAME}; ${choose}: ${names.join(', ')}`;
}
