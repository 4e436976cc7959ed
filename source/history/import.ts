/**
 * `ectosmith import FILE.json`: brings an exported execution chain into this database, messages in
 * order, ids remapped, in one transaction. The file is read and checked whole first (size, nesting
 * depth, the versioned schema, relative file paths in tool results) so a bad one changes nothing;
 * the same file imported twice is refused by the hash of its record.
 */

import {createHash} from 'node:crypto';
import {readFile, stat} from 'node:fs/promises';
import type {MikroORM} from '@mikro-orm/core';
import {Execution, type IExecution, type IWorkflow, Message, Workflow} from '../db/entities/index.js';
import {EctosmithError} from '../errors.js';
import {isRecord} from '../is-record.js';
import {executionRow, messageRow} from '../records/row-mapping.js';
import {reportedFiles} from '../tool-results/read-result.js';
import {assertRelativePath} from '../tools/write/safe-writer.js';
import {EXPORT_FORMAT, EXPORT_VERSION, type ExportFile, exportFile, IMPORT_LIMITS} from './export-format.js';

export class ImportRefusedError extends EctosmithError {}

/** Deeper than `limit` levels of arrays and objects (checked without recursion). */
function tooDeep(value: unknown, limit: number): boolean {
	const stack: Array<[unknown, number]> = [[value, 0]];
	while (stack.length > 0) {
		const [item, depth] = stack.pop()!;
		if (item === null || typeof item !== 'object') continue;
		if (depth >= limit) return true;
		for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1]);
	}

	return false;
}

function fingerprint(file: ExportFile): string {
	return createHash('sha256').update(JSON.stringify(file.executions)).digest('hex');
}

/** Reads and checks an export file; throws ImportRefusedError with one line saying what is wrong. */
export async function readExportFile(path: string): Promise<ExportFile> {
	const info = await stat(path).catch(() => undefined);
	if (!info?.isFile()) throw new ImportRefusedError(`${path} is not a file.`);
	if (info.size > IMPORT_LIMITS.bytes) {
		throw new ImportRefusedError(`${path} is ${Math.round(info.size / 1024 / 1024)} MB; an export is at most ${IMPORT_LIMITS.bytes / 1024 / 1024} MB.`);
	}

	let parsed: unknown;
	try {
		parsed = JSON.parse(await readFile(path, 'utf8'));
	} catch (error) {
		throw new ImportRefusedError(`${path} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
	}

	if (!isRecord(parsed) || parsed['format'] !== EXPORT_FORMAT) {
		throw new ImportRefusedError(`${path} is not an ectosmith export (its "format" is not "${EXPORT_FORMAT}").`);
	}

	if (typeof parsed['version'] === 'number' && parsed['version'] > EXPORT_VERSION) {
		throw new ImportRefusedError(`${path} was written by a newer ectosmith (export format version ${parsed['version']}; this one reads version ${EXPORT_VERSION}). Upgrade ectosmith to import it.`);
	}

	if (tooDeep(parsed, IMPORT_LIMITS.depth)) throw new ImportRefusedError(`${path} nests deeper than ${IMPORT_LIMITS.depth} levels; an export never does.`);
	const checked = exportFile.safeParse(parsed);
	if (!checked.success) {
		const issue = checked.error.issues[0]!;
		throw new ImportRefusedError(`${path} is not a valid export: at ${issue.path.join('.') || '(top)'}: ${issue.message}.`);
	}

	const file = checked.data;
	const ids = new Set<number>();
	for (const [index, execution] of file.executions.entries()) {
		if (ids.has(execution.id)) throw new ImportRefusedError(`${path}: execution id ${execution.id} appears twice.`);
		const parent = execution.parentExecutionId;
		if (index > 0 && parent !== file.executions[index - 1]!.id) {
			throw new ImportRefusedError(`${path}: execution ${execution.id} is not the follow-up of the one before it; the chain is broken.`);
		}

		ids.add(execution.id);
		if (execution.endTime !== undefined && Date.parse(execution.endTime) < Date.parse(execution.startTime)) {
			throw new ImportRefusedError(`${path}: execution ${execution.id} ends (${execution.endTime}) before it starts (${execution.startTime}); a record never does.`);
		}

		for (const message of execution.messages) {
			if (message.role !== 'tool_response' || !isRecord(message.functionResponseContent)) continue;
			for (const reported of reportedFiles(message.functionResponseContent['structuredContent'])) {
				try {
					assertRelativePath(reported.path);
				} catch {
					throw new ImportRefusedError(`${path}: execution ${execution.id} reports a file at "${reported.path}", which is not a path inside a project.`);
				}
			}
		}
	}

	return file;
}

const IMPORTED_STARTED = 'Interrupted: it was still running (STARTED) in the database it was exported from; imported as interrupted';

/** Where a record without an end stops: its last message (or its start). */
function lastMessageTime(execution: ExportFile['executions'][number]): Date {
	const times = execution.messages.map(message => Date.parse(message.timestamp)).filter(time => Number.isFinite(time));
	return new Date(Math.max(Date.parse(execution.startTime), ...times));
}

export interface ImportResult {
	/** Old id -> new id, in chain order. */
	ids: Array<{from: number; to: number}>;
	/** Workflows that did not exist here and were created (without servers). */
	createdWorkflows: string[];
}

/** Writes a checked export in one transaction. */
export async function importExport(orm: MikroORM, file: ExportFile): Promise<ImportResult> {
	const key = fingerprint(file);
	return orm.em.fork().transactional(async em => {
		const existing = await em.findOne(Execution, {importFingerprint: key}, {fields: ['id']});
		if (existing) throw new ImportRefusedError(`This export was already imported, as execution ${existing.id}.`);

		const createdWorkflows: string[] = [];
		const workflows = new Map<string, IWorkflow>();
		for (const name of new Set(file.executions.map(execution => execution.workflow))) {
			let workflow = await em.findOne(Workflow, {name});
			if (!workflow) {
				const exported = file.workflows.find(candidate => candidate.name === name);
				workflow = em.create(Workflow, {
					name,
					description: exported?.description ?? 'Created by ectosmith import',
					llmModel: exported?.llmModel ?? 'gemini-2.5-flash',
					initialPromptTemplate: exported?.initialPromptTemplate ?? '{{schema_description}}',
					maxConversationTurns: exported?.maxConversationTurns ?? 10,
				});
				createdWorkflows.push(name);
			}

			workflows.set(name, workflow);
		}

		const ids: ImportResult['ids'] = [];
		let parent: IExecution | undefined;
		for (const [index, exported] of file.executions.entries()) {
			// The export format keeps its published name for the description (userQuery).
			const {startTime, endTime, undoneAt, userQuery: description, ...fields} = exported;
			// No process here runs a STARTED execution of another database: it ended, unrecorded.
			const started = exported.status === 'STARTED';
			const end = endTime ? new Date(endTime) : started ? lastMessageTime(exported) : undefined;
			const row: IExecution = em.create(Execution, {
				workflow: workflows.get(exported.workflow)!,
				...executionRow({
					...fields,
					description,
					startTime: new Date(startTime),
					...(end ? {endTime: end} : {}),
					...(undoneAt ? {undoneAt: new Date(undoneAt)} : {}),
					...(started ? {status: 'INTERRUPTED' as const, errorMessage: IMPORTED_STARTED} : {}),
				}),
				parentExecution: parent ?? null,
				// Every imported row carries it (the chain's last the file's hash itself): it marks
				// the row as imported, so undo trusts neither its project path nor its contents.
				importFingerprint: index === file.executions.length - 1 ? key : `${key}:${index}`,
			});
			for (const message of exported.messages) {
				em.create(Message, {execution: row, ...messageRow(message), timestamp: new Date(message.timestamp)});
			}

			// Flushed per execution so its id exists for the next one's parent link and for the report.
			await em.flush();
			ids.push({from: exported.id, to: row.id});
			parent = row;
		}

		return {ids, createdWorkflows};
	});
}
