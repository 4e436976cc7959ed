/**
 * The recorded-conversation format the scripted provider plays and RecordingProvider writes:
 *   {"provider": "scripted", "model": "...", "description": "...",
 *    "turns": [{"text": "...", "functionCalls": [{"name": "...", "args": {...}}], "finishReason": "STOP"}]}
 * String values in args may hold "${project_path}", replaced by the run's project path on replay.
 */
import {existsSync, mkdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {writeFileAtomicSync} from '../atomic-write.js';
import {EctosmithError} from '../errors.js';
import {isRecord} from '../is-record.js';
import type {TokenUsage} from './provider.js';

export const PROJECT_PATH_PLACEHOLDER = '${project_path}';

export interface ScriptFunctionCall {
	id?: string;
	name: string;
	args: Record<string, unknown>;
}

export interface ScriptTurn {
	text: string;
	functionCalls: ScriptFunctionCall[];
	finishReason?: string;
	usage?: TokenUsage;
}

export interface ScriptFixture {
	provider: 'scripted';
	model: string;
	description?: string;
	turns: ScriptTurn[];
}

/** A --script file that is missing, not JSON, not a conversation, or that cannot be played in this run. */
export class ScriptFixtureError extends EctosmithError {}

export function loadScriptFixture(file: string): ScriptFixture {
	if (!existsSync(file)) throw new ScriptFixtureError(`Script file not found: ${file}`);
	let parsed: unknown;
	try {
		parsed = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new ScriptFixtureError(`Script file ${file} is not valid JSON: ${(error as Error).message}`);
	}
	return parseScriptFixture(parsed, file);
}

/** Checks the shape, naming the bad part: `blog.json: turns[2].functionCalls[0].name must be ...`. */
export function parseScriptFixture(value: unknown, source = 'script'): ScriptFixture {
	const fail = (where: string, what: string): never => {
		throw new ScriptFixtureError(`${source}: ${where} ${what}`);
	};
	if (!isRecord(value)) fail('the file', 'must hold a JSON object with "provider", "model" and "turns"');
	const record = value as Record<string, unknown>;
	if (record['provider'] !== undefined && record['provider'] !== 'scripted') {
		fail('"provider"', `must be "scripted", got ${JSON.stringify(record['provider'])}`);
	}
	const model = record['model'] ?? 'scripted';
	if (typeof model !== 'string' || model.length === 0) fail('"model"', 'must be a non-empty string');
	const description = record['description'];
	if (description !== undefined && typeof description !== 'string') fail('"description"', 'must be a string');
	if (!Array.isArray(record['turns']) || record['turns'].length === 0) fail('"turns"', 'must be a non-empty array of model turns');

	const turns = (record['turns'] as unknown[]).map((turn, index): ScriptTurn => {
		const at = `turns[${index}]`;
		if (!isRecord(turn)) return fail(at, 'must be an object with "text" and/or "functionCalls"');
		const text = turn['text'] ?? '';
		if (typeof text !== 'string') fail(`${at}.text`, 'must be a string');
		const calls = turn['functionCalls'] ?? [];
		if (!Array.isArray(calls)) fail(`${at}.functionCalls`, 'must be an array');
		const functionCalls = (calls as unknown[]).map((call, callIndex): ScriptFunctionCall => {
			const callAt = `${at}.functionCalls[${callIndex}]`;
			if (!isRecord(call)) return fail(callAt, 'must be an object with "name" and "args"');
			if (typeof call['name'] !== 'string' || call['name'].length === 0) fail(`${callAt}.name`, 'must be a non-empty string');
			const args = call['args'] ?? {};
			if (!isRecord(args)) fail(`${callAt}.args`, 'must be an object');
			if (call['id'] !== undefined && typeof call['id'] !== 'string') fail(`${callAt}.id`, 'must be a string');
			return {
				...(typeof call['id'] === 'string' ? {id: call['id']} : {}),
				name: call['name'] as string,
				args: args as Record<string, unknown>,
			};
		});
		const finishReason = turn['finishReason'];
		if (finishReason !== undefined && typeof finishReason !== 'string') fail(`${at}.finishReason`, 'must be a string');
		const usage = turn['usage'];
		if (usage !== undefined && !isUsage(usage)) {
			fail(`${at}.usage`, 'must be {"promptTokens": n, "outputTokens": n, "totalTokens": n}');
		}
		return {
			text: text as string,
			functionCalls,
			...(typeof finishReason === 'string' ? {finishReason} : {}),
			...(usage ? {usage: usage as TokenUsage} : {}),
		};
	});
	return {provider: 'scripted', model: model as string, ...(description ? {description: description as string} : {}), turns};
}

/** Writes the fixture atomically, so a crash mid-write never leaves half a file. */
export function writeScriptFixture(file: string, fixture: ScriptFixture): void {
	mkdirSync(path.dirname(path.resolve(file)), {recursive: true});
	writeFileAtomicSync(file, `${JSON.stringify(fixture, null, '\t')}\n`);
}

/** Deep copy with every "${project_path}" replaced; undefined projectPath with a placeholder is an error. */
export function fillProjectPath<T>(value: T, projectPath: string | undefined, where: string): T {
	return mapStrings(value, text => {
		if (!text.includes(PROJECT_PATH_PLACEHOLDER)) return text;
		if (projectPath === undefined) {
			throw new ScriptFixtureError(`${where} uses ${PROJECT_PATH_PLACEHOLDER} but the run has no project path.`);
		}
		return text.split(PROJECT_PATH_PLACEHOLDER).join(projectPath);
	});
}

/** The reverse, for recording: the project path in strings becomes "${project_path}". */
export function abstractProjectPath<T>(value: T, projectPath: string | undefined): T {
	if (!projectPath) return structuredClone(value);
	return mapStrings(value, text => text.split(projectPath).join(PROJECT_PATH_PLACEHOLDER));
}

function mapStrings<T>(value: T, map: (text: string) => string): T {
	if (typeof value === 'string') return map(value) as T;
	if (Array.isArray(value)) return value.map(entry => mapStrings(entry, map)) as T;
	if (isRecord(value)) {
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, mapStrings(entry, map)])) as T;
	}
	return value;
}

function isUsage(value: unknown): boolean {
	return isRecord(value) && ['promptTokens', 'outputTokens', 'totalTokens'].every(key => typeof value[key] === 'number');
}
