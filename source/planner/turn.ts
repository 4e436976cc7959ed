/**
 * The planner's side of the function-call protocol: from the history to the next turn. First
 * turn: the plan table and inspect_project; then, in one turn, per entity generate_schema,
 * generate_migration and generate_context (a model makes parallel calls the same way; one call per
 * turn would run a description of more than a few entities into the workflow's turn limit); last, a
 * summary of the files the tools reported. It keeps no state: each turn is derived from the history.
 */
import type {FunctionResult, ModelTurn, NextTurnRequest, ToolSpec} from '../llm/provider.js';
import {readCheckResult, stepLine} from '../tool-results/check-result.js';
import {summarizeRun} from '../tool-results/run-summary.js';
import {wouldHeadline} from './dry-run-words.js';
import {buildPlan, type Plan, type PlannedCall, type PlanOptions} from './plan.js';
import {isTool, type Progress, projectFacts, readProgress} from './progress.js';
import {isFailure, pairResults, remainingCalls, type Steered, steer} from './steer.js';

const LABEL = 'Offline planner';

/** The offered tool for `name`: exact, else the first `server__name`. */
function findTool(tools: ToolSpec[], name: string): ToolSpec | undefined {
	return tools.find(tool => tool.name === name) ?? tools.find(tool => isTool(tool.name, name));
}

/** The run's summary (the one the renderers show too), from the tool results so far. */
function runSummary(results: FunctionResult[]) {
	return summarizeRun(results.map(result => ({name: result.name, isError: result.response.isError, structuredContent: result.response.structuredContent})));
}

function fileLines(results: FunctionResult[]): string[] {
	return runSummary(results).files.map(file => `- ${file.action} ${file.path}`);
}

/** The headline and lines of what the declines did, when there were any. */
function steeredLines(plan: Plan, progress: Progress, steered: Steered): {headline: string; lines: string[]} {
	if (steered.declined.length === 0 && steered.corrected.length === 0) return {headline: plan.headline, lines: []};
	const lines = steered.corrected.length > 0 ? [`Corrected from your notes:\n${steered.corrected.map(line => `- ${line}`).join('\n')}`] : [];
	if (steered.declined.length === 0) return {headline: plan.headline, lines};
	const made = pairResults(progress.calls, progress.results)
		.filter(({call, result}) => isTool(call.name, 'generate_schema') && result !== undefined && !result.response.isError)
		.map(({call}) => `${String(call.args['schema'])} (${String(call.args['plural'])})`);
	lines.push(`Declined: ${steered.declined.join(', ')}.`);
	for (const root of steered.declined) {
		const because = steered.skipped.filter(entry => entry.because === root).map(entry => entry.plural);
		if (because.length > 0) lines.push(`Skipped because ${root} was declined: ${because.join(', ')}.`);
	}

	return {headline: made.length > 0 ? `Generated ${[...new Set(made)].join(', ')}.` : 'Nothing was generated.', lines};
}

function summary(plan: Plan, progress: Progress, steered: Steered): string {
	const files = fileLines(progress.results);
	const {nextSteps: steps, dryRun} = runSummary(progress.results);
	const {headline, lines} = steeredLines(plan, progress, steered);
	return [
		`${LABEL}: ${dryRun ? wouldHeadline(headline) : headline}`,
		files.length > 0 ? `${dryRun ? 'Files it would write' : 'Files'}:\n${files.join('\n')}` : 'The tools reported no files.',
		...lines,
		...plan.notes,
		...(steps.length > 0 ? [`Next steps:\n${steps.map(step => `- ${step}`).join('\n')}`] : []),
	].join('\n\n');
}

function failure(call: PlannedCall | undefined, result: FunctionResult, progress: Progress): string {
	const files = fileLines(progress.results);
	const what = call ? `${call.tool} (${call.say.replace(/\.$/, '')})` : result.name;
	return [
		`${LABEL}: stopped. The ${what} call failed:\n${result.response.text}`,
		files.length > 0 ? `Files written before it:\n${files.join('\n')}` : 'Nothing was written.',
		'Fix the cause and run again; the offline planner does not retry.',
	].join('\n\n');
}

/** The summary, then the last check's result exactly: its sentence and one line per step. */
function checkReport(text: string, progress: Progress): string {
	const checked = progress.results
		.map(result => readCheckResult(result.response.structuredContent))
		.filter(result => result !== undefined)
		.at(-1);
	return checked ? `${text}\n\nCheck: ${checked.summary}\n${checked.steps.map(stepLine).join('\n')}` : text;
}

function answer(text: string): ModelTurn {
	return {text, functionCalls: [], finishReason: 'STOP'};
}

/** A final answer saying the request could not be done: the run ends FAILED, not COMPLETED. */
function giveUp(text: string, reason: string): ModelTurn {
	return {...answer(text), failure: `Offline planner: ${reason}.`};
}

export function nextPlannerTurn(request: NextTurnRequest, options: PlanOptions = {}): ModelTurn {
	const progress = readProgress(request.history);
	if (!progress) return giveUp(`${LABEL}: there is no request to work on.`, 'there is no request to work on');
	if (!request.projectPath) return giveUp(`${LABEL}: no target project was given, so there is nothing to generate into.`, 'no target project was given');

	const planned = buildPlan(progress, request.projectPath, options);
	if (!planned.ok) return giveUp(`${LABEL}: ${planned.message}`, 'could not read or plan the request (see its answer)');
	let plan = planned.value;

	const missing = [...new Set(plan.calls.map(call => call.tool))].filter(tool => !findTool(request.tools, tool));
	if (missing.length > 0) {
		const offered = request.tools.map(tool => tool.name).join(', ') || 'none';
		return giveUp(
			`${LABEL}: I cannot do this: the tool${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
				`${missing.length > 1 ? 'are' : 'is'} not available (tools offered: ${offered}). Add the MCP server that provides ${missing.length > 1 ? 'them' : 'it'} to the workflow.`,
			`the workflow offers no ${missing.join(', ')} tool`,
		);
	}

	const failed = pairResults(progress.calls, progress.results).find(({result}) => result !== undefined && isFailure(result));
	if (failed) {
		const call = plan.calls.find(candidate => isTool(failed.call.name, candidate.tool) && candidate.args['plural'] === failed.call.args['plural']);
		return giveUp(failure(call, failed.result!, progress), `the ${failed.call.name} call failed and the offline planner does not retry`);
	}

	// Declines steer (steer.ts): what is left to call is derived from the history, like the plan.
	const last = request.history.at(-1);
	const newest = last?.role === 'tool' ? last.results : [];
	const tables = new Set([...(projectFacts(progress.results[0]).tables ?? []), ...plan.calls.map(call => call.args['plural']).filter(plural => typeof plural === 'string')]);
	let steered = steer(plan.calls, {calls: progress.calls, results: progress.results, newest}, tables, options);
	if (steered.edit) {
		// Built again from the corrected fields: the calls' words, the notes and the headline follow them.
		const corrected = buildPlan(progress, request.projectPath, {...options, edit: steered.edit});
		if (corrected.ok) {
			plan = corrected.value;
			const {gone} = steered;
			steered = {...steered, calls: plan.calls.filter(call => !gone.has(typeof call.args['plural'] === 'string' ? call.args['plural'] : ''))};
		}
	}

	const remaining = remainingCalls(steered.calls, progress);
	const done = progress.calls.length;
	if (remaining.length === 0) {
		// Issue 17: after its writes, one check_project when offered; it cannot repair, it reports.
		const check = findTool(request.tools, 'check_project');
		const checked = progress.calls.some(call => isTool(call.name, 'check_project'));
		if (check && !checked && fileLines(progress.results).length > 0) {
			return {
				text: 'Checking the project: compile, migrations, tests, format.',
				functionCalls: [{id: `offline-${done + 1}`, name: check.name, args: {project_path: request.projectPath}}],
				finishReason: 'STOP',
			};
		}

		return answer(checkReport(summary(plan, progress, steered), progress));
	}

	// The inspection comes alone: what it finds (a scope, existing tables) shapes the rest.
	const batch = done === 0 ? remaining.slice(0, 1) : remaining;
	const said = done === 0 ? [plan.statement] : [...(done === 1 ? plan.resolution : []), ...steered.said];
	return {
		text: [...said, ...batch.map(call => call.say)].join('\n'),
		functionCalls: batch.map((call, i) => ({
			id: `offline-${done + i + 1}`,
			name: findTool(request.tools, call.tool)!.name,
			args: call.args,
		})),
		finishReason: 'STOP',
	};
}
