/** The pane sizes of the Run screen, which the Replay screen draws in too. */
export interface RunLayout {
	left: number;
	right: number;
	workflow: number;
	project: number;
	description: number;
	schema: number;
	conversation: number;
	tools: number;
}

/** Pane sizes for a body of width x height (80x21 at the smallest terminal). */
export function runLayout(width: number, height: number): RunLayout {
	const left = Math.max(26, Math.min(48, Math.floor(width * 0.34)));
	const right = Math.max(20, width - left - 1);
	const workflow = 4;
	const project = 4;
	const description = height >= 30 ? 6 : 5;
	const schema = Math.max(3, height - workflow - project - description);
	const tools = Math.max(4, Math.floor(height * 0.38));
	const conversation = Math.max(3, height - tools);
	return {left, right, workflow, project, description, schema, conversation, tools};
}
