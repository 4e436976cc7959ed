/**
 * What the Servers and Workflows forms edit: every field as the text the user types (lists one item
 * per line), turned back into entry fields with the one validation (config/entry-fields.ts), so the
 * form shows each problem beside its field. Pure.
 */
import {parseEnvLines, type ServerFields, serverProblems, type WorkflowChecks, type WorkflowFields, workflowProblems} from '../../config/entry-fields.js';
import {isPassList} from '../../config/env-pass.js';
import {maskValue} from '../../config/secrets.js';

export interface ServerDraft {
	name: string;
	command: string;
	/** One argument per line, as they will be passed. */
	args: string;
	/** KEY=VALUE lines. */
	env: string;
	cwd: string;
	description: string;
	/** Milliseconds; empty for the default. */
	timeout: string;
	/** One tool per line. */
	includeTools: string;
	excludeTools: string;
	trust: boolean;
	allowApiKey: boolean;
}

export type DraftProblems<T> = Partial<Record<keyof T, string>>;

export function serverDraft(fields: ServerFields): ServerDraft {
	return {
		name: fields.name,
		command: fields.command,
		args: fields.args.join('\n'),
		env: Object.entries(fields.env)
			.map(([key, value]) => `${key}=${value}`)
			.join('\n'),
		cwd: fields.cwd ?? '',
		description: fields.description,
		timeout: fields.timeoutMs === null ? '' : String(fields.timeoutMs),
		includeTools: (fields.includeTools ?? []).join('\n'),
		excludeTools: (fields.excludeTools ?? []).join('\n'),
		trust: fields.trust,
		allowApiKey: fields.allowApiKey,
	};
}

/** The env lines with stored values masked (references and the pass-through list shown). */
export function maskedEnv(env: string): string {
	return env
		.split('\n')
		.map(line => {
			const equals = line.indexOf('=');
			if (equals <= 0) return line;
			const [key, value] = [line.slice(0, equals), line.slice(equals + 1)];
			return `${key}=${isPassList(key, value) ? value : maskValue(value)}`;
		})
		.join('\n');
}

const lines = (text: string) =>
	text
		.split('\n')
		.map(line => line.trim())
		.filter(Boolean);

/** The draft over the entry it edits (keys the form does not show are kept), and its problems. */
export function serverFromDraft(draft: ServerDraft, base: ServerFields, otherNames: string[]): {fields: ServerFields; problems: DraftProblems<ServerDraft>} {
	const problems: DraftProblems<ServerDraft> = {};
	const env = parseEnvLines(draft.env.split('\n'));
	if (env.problem) problems.env = env.problem;
	const timeout = draft.timeout.trim();
	let timeoutMs: number | null = null;
	if (timeout !== '') {
		timeoutMs = /^\d+$/.test(timeout) ? Number(timeout) : Number.NaN;
	}

	const include = lines(draft.includeTools);
	const exclude = lines(draft.excludeTools);
	const fields: ServerFields = {
		...base,
		name: draft.name.trim(),
		command: draft.command.trim(),
		// Arguments are kept as typed (spaces inside one are its own); empty lines are dropped.
		args: draft.args.split('\n').filter(line => line !== ''),
		env: env.env,
		cwd: draft.cwd.trim() === '' ? null : draft.cwd.trim(),
		description: draft.description,
		timeoutMs,
		includeTools: include.length > 0 ? include : null,
		excludeTools: exclude.length > 0 ? exclude : null,
		trust: draft.trust,
		allowApiKey: draft.allowApiKey,
	};
	const found = serverProblems(fields, otherNames);
	const map: Record<string, keyof ServerDraft> = {timeoutMs: 'timeout', url: 'command', transport: 'command'};
	for (const [field, problem] of Object.entries(found)) {
		const key = (map[field] ?? field) as keyof ServerDraft;
		if (problems[key] === undefined && problem) problems[key] = problem;
	}

	if (timeout !== '' && Number.isNaN(timeoutMs)) problems.timeout = 'must be a whole number of milliseconds';
	return {fields, problems};
}

export interface WorkflowDraft {
	name: string;
	description: string;
	model: string;
	maxTurns: string;
	/** off, compile or full. */
	checks: string;
	template: string;
	servers: string[];
}

export function workflowDraft(fields: WorkflowFields): WorkflowDraft {
	return {
		name: fields.name,
		description: fields.description,
		model: fields.llmModel,
		maxTurns: String(fields.maxConversationTurns),
		checks: fields.checks ?? 'full',
		template: fields.initialPromptTemplate,
		servers: [...fields.serverNames],
	};
}

export function workflowFromDraft(draft: WorkflowDraft, knownServers: string[], otherNames: string[]): {fields: WorkflowFields; problems: DraftProblems<WorkflowDraft>} {
	const fields: WorkflowFields = {
		name: draft.name.trim(),
		description: draft.description,
		llmModel: draft.model.trim(),
		initialPromptTemplate: draft.template,
		maxConversationTurns: /^\d+$/.test(draft.maxTurns.trim()) ? Number(draft.maxTurns.trim()) : Number.NaN,
		checks: draft.checks.trim() as WorkflowChecks,
		serverNames: draft.servers,
	};
	const found = workflowProblems(fields, knownServers, otherNames);
	const map: Record<keyof WorkflowFields, keyof WorkflowDraft> = {
		name: 'name',
		description: 'description',
		llmModel: 'model',
		initialPromptTemplate: 'template',
		maxConversationTurns: 'maxTurns',
		checks: 'checks',
		serverNames: 'servers',
	};
	const problems: DraftProblems<WorkflowDraft> = {};
	for (const [field, problem] of Object.entries(found)) if (problem) problems[map[field as keyof WorkflowFields]] = problem;
	return {fields, problems};
}
