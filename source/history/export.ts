/**
 * `ectosmith export`: one execution with its follow-up chain as a self-contained record: JSON in
 * the versioned format of export-format.ts, or a Markdown transcript for a pull request. Secrets
 * never leave: MCP server env values are masked, and every string of the record is scrubbed of the
 * known secret values (API keys, every server's env and header values). Only those: recorded file
 * text that merely looks like a secret (`password: "x"`) is kept, or undo would restore a corruption.
 */
import path from 'node:path';
import type {MikroORM} from '@mikro-orm/core';
import {writeFileAtomic} from '../atomic-write.js';
import {knownSecretValues} from '../config/known-secrets.js';
import {maskValues} from '../config/secrets.js';
import {Workflow} from '../db/entities/index.js';
import {EctosmithError} from '../errors.js';
import {isRecord} from '../is-record.js';
import {scrubSecretStrings} from '../log/redact.js';
import {loadChain} from '../records/chain.js';
import type {ExecutionRecord, RecordedMessage, Recorder} from '../records/recorder.js';
import {terminalSafeJson} from '../terminal/safe-json.js';
import {EXPORT_FORMAT, EXPORT_VERSION, type ExportedExecution, type ExportedMessage, type ExportedWorkflow, type ExportFile} from './export-format.js';
import {fileChanges} from './file-changes.js';

function exportedMessage(message: RecordedMessage): ExportedMessage {
	return {
		id: message.id,
		turnNumber: message.turnNumber,
		role: message.role,
		timestamp: message.timestamp.toISOString(),
		...(message.contentText === undefined ? {} : {contentText: message.contentText}),
		...(message.functionCallName === undefined ? {} : {functionCallName: message.functionCallName}),
		...(message.functionCallArgs === undefined ? {} : {functionCallArgs: message.functionCallArgs}),
		...(message.functionResponseName === undefined ? {} : {functionResponseName: message.functionResponseName}),
		...(message.functionResponseContent === undefined ? {} : {functionResponseContent: message.functionResponseContent}),
		...(message.rawParts === undefined ? {} : {rawParts: message.rawParts}),
		...(message.durationMs === undefined ? {} : {durationMs: message.durationMs}),
		isError: message.isError === true,
		...(message.usage === undefined ? {} : {usage: message.usage}),
		...(message.toolServer === undefined ? {} : {toolServer: message.toolServer}),
		...(message.readOnly === undefined ? {} : {readOnly: message.readOnly}),
		...(message.approval === undefined ? {} : {approval: message.approval}),
		...(message.approvalRequest === undefined ? {} : {approvalRequest: message.approvalRequest}),
	};
}

function exportedExecution(execution: ExecutionRecord, messages: RecordedMessage[]): ExportedExecution {
	const optional = <K extends keyof ExecutionRecord>(key: K, map: (value: NonNullable<ExecutionRecord[K]>) => unknown = value => value) =>
		execution[key] === undefined ? {} : {[key]: map(execution[key] as NonNullable<ExecutionRecord[K]>)};
	return {
		id: execution.id,
		workflow: execution.workflowName,
		...optional('parentExecutionId'),
		userQuery: execution.description,
		status: execution.status,
		startTime: execution.startTime.toISOString(),
		...optional('endTime', value => value.toISOString()),
		...optional('finalResponseText'),
		...optional('errorMessage'),
		...optional('targetProjectPath'),
		...optional('provider'),
		...optional('model'),
		promptTokens: execution.promptTokens,
		outputTokens: execution.outputTokens,
		totalTokens: execution.totalTokens,
		turnCount: execution.turnCount,
		...optional('maxTurns'),
		...optional('undoneAt', value => value.toISOString()),
		...(execution.dryRun ? {dryRun: true} : {}),
		...optional('userName'),
		...optional('hostName'),
		messages: messages.map(message => exportedMessage(message)),
	} as ExportedExecution;
}

/** The record of `executionId` and its ancestors, secrets removed. */
export async function buildExport(orm: MikroORM, recorder: Recorder, executionId: number, env: NodeJS.ProcessEnv = process.env): Promise<ExportFile> {
	const chain = await loadChain(recorder, executionId);
	const executions: ExportedExecution[] = [];
	for (const execution of chain) executions.push(exportedExecution(execution, await recorder.listMessages(execution.id)));

	const em = orm.em.fork();
	const names = [...new Set(chain.map(execution => execution.workflowName))];
	const rows = await em.find(Workflow, {name: {$in: names}}, {populate: ['servers'], orderBy: {name: 'asc'}});
	const secrets = await knownSecretValues(em, env);
	const workflows: ExportedWorkflow[] = rows.map(row => ({
		name: row.name,
		description: row.description,
		llmModel: row.llmModel,
		initialPromptTemplate: row.initialPromptTemplate,
		maxConversationTurns: row.maxConversationTurns,
		servers: row.servers.getItems().map(server => {
			return {name: server.name, command: server.command, args: [...server.args], env: maskValues(server.env ?? {})};
		}),
	}));

	const file: ExportFile = {format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), workflows, executions};
	return scrubSecretStrings(file, secrets);
}

const fence = (text: string, language = '') => {
	const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map(match => match[0].length));
	const ticks = '`'.repeat(longest + 1);
	return `${ticks}${language}\n${text}\n${ticks}`;
};

function toolText(message: ExportedMessage): string {
	const content = message.functionResponseContent;
	if (isRecord(content) && typeof content['text'] === 'string') return content['text'];
	return message.contentText ?? '';
}

/** A Markdown transcript of an export, fit to paste into a pull request. */
export function exportMarkdown(file: ExportFile): string {
	const last = file.executions.at(-1)!;
	const lines: string[] = [`# ectosmith execution #${last.id}`, ''];
	for (const execution of file.executions) {
		const duration = execution.endTime ? `${((Date.parse(execution.endTime) - Date.parse(execution.startTime)) / 1000).toFixed(1)} s` : 'n/a';
		lines.push(
			`## Execution #${execution.id}${execution.parentExecutionId === undefined ? '' : ` (follow-up of #${execution.parentExecutionId})`}`,
			'',
			'| | |',
			'|---|---|',
			`| Workflow | ${execution.workflow} |`,
			`| Status | ${execution.status}${execution.dryRun ? ' (dry run: nothing was written)' : ''}${execution.undoneAt ? ` (undone ${execution.undoneAt})` : ''} |`,
			`| Started | ${execution.startTime} |`,
			`| Duration | ${duration} |`,
			...(execution.userName ? [`| Run by | ${execution.userName}${execution.hostName ? ` on ${execution.hostName}` : ''} |`] : []),
			`| Provider / model | ${execution.provider ?? '?'} / ${execution.model ?? '?'} |`,
			`| Turns | ${execution.turnCount} |`,
			`| Tokens | ${execution.totalTokens} (prompt ${execution.promptTokens}, output ${execution.outputTokens}) |`,
			...(execution.targetProjectPath ? [`| Project | \`${execution.targetProjectPath}\` |`] : []),
			'',
			'**Request**',
			'',
			fence(execution.userQuery),
			'',
		);
		for (const message of execution.messages) {
			switch (message.role) {
				case 'user':
					break;
				case 'model':
					if (message.contentText) lines.push(`**Model** (turn ${message.turnNumber}${message.isError ? ', cut short' : ''})`, '', message.contentText, '');
					break;
				case 'tool_request':
					lines.push(`**Tool call** \`${message.functionCallName ?? '?'}\``, '', fence(JSON.stringify(message.functionCallArgs ?? {}, null, 2), 'json'), '');
					break;
				case 'tool_response':
					lines.push(`**Result**${message.isError ? ' (error)' : ''}${message.durationMs === undefined ? '' : ` in ${message.durationMs} ms`}`, '', fence(toolText(message)), '');
					break;
			}
		}

		const files = fileChanges(execution.messages.map(message => ({...message, executionId: execution.id, timestamp: new Date(message.timestamp)})));
		if (files.length > 0) lines.push('**Files written**', '', ...files.map(change => `- \`${change.path}\` (${change.kind})`), '');
		if (execution.finalResponseText) lines.push('**Final answer**', '', execution.finalResponseText, '');
		if (execution.errorMessage) lines.push(`**Error:** ${execution.errorMessage}`, '');
	}

	return `${lines.join('\n').trimEnd()}\n`;
}

export const EXPORT_FORMATS = ['json', 'md'] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

/** An export that cannot be written as asked: a format we do not write, a file in the way. */
export class ExportRefusedError extends EctosmithError {}

/** The target exists and overwriting it was not asked for. */
export class ExportFileExistsError extends ExportRefusedError {
	constructor(readonly file: string) {
		super(`${file} already exists.`);
	}
}

export function isExportFormat(value: string): value is ExportFormatName {
	return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The format a file name asks for: its extension, .json or .md. */
export function exportFormatOf(file: string): ExportFormatName {
	const extension = path.extname(file).slice(1).toLowerCase();
	if (isExportFormat(extension)) return extension;
	throw new ExportRefusedError(`Cannot export to "${path.basename(file)}": the file name must end in ${EXPORT_FORMATS.map(format => `.${format}`).join(' or ')}.`);
}

/** The export as the text of a file: JSON (terminal-safe) or the Markdown transcript. */
export function renderExport(file: ExportFile, format: ExportFormatName): string {
	return format === 'md' ? exportMarkdown(file) : `${terminalSafeJson(file, 2)}\n`;
}

/**
 * Writes an export file whole or not at all: a temp file beside it, then renamed over it
 * (overwrite) or hard-linked to its name, which fails when the name is taken (no overwrite).
 */
export async function writeExportFile(file: string, text: string, options: {overwrite?: boolean} = {}): Promise<void> {
	try {
		await writeFileAtomic(file, text, {exclusive: options.overwrite !== true});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EEXIST') throw new ExportFileExistsError(file);
		if (code === 'ENOENT' || code === 'ENOTDIR') throw new ExportRefusedError(`Cannot export to ${file}: its folder ${path.dirname(file)} does not exist; create it first or choose another --out.`);
		if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new ExportRefusedError(`Cannot export to ${file}: its folder ${path.dirname(file)} is not writable (${code}).`);
		if (code === 'EISDIR') throw new ExportRefusedError(`Cannot export to ${file}: it is a folder; name a file.`);
		if (code === 'ENOSPC' || code === 'EDQUOT') throw new ExportRefusedError(`Cannot export to ${file}: no space left on the device (${code}); nothing was written.`);
		throw error;
	}
}

/** Builds, renders and writes the export of one execution to `file` (format from its extension). */
export async function exportToFile(
	orm: MikroORM,
	recorder: Recorder,
	executionId: number,
	file: string,
	options: {overwrite?: boolean; format?: ExportFormatName} = {},
): Promise<{file: string; format: ExportFormatName; executions: number}> {
	const format = options.format ?? exportFormatOf(file);
	const built = await buildExport(orm, recorder, executionId);
	await writeExportFile(file, renderExport(built, format), {overwrite: options.overwrite === true});
	return {file, format, executions: built.executions.length};
}
