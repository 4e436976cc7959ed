/**
 * The price table behind the cost estimates of `ectosmith stats`: US dollars per million input and
 * output tokens, per model. Built-in defaults (list prices at the time of writing), overridden model
 * by model by a JSON file the user edits: $ECTOSMITH_PRICES, else $XDG_CONFIG_HOME/ectosmith/prices.json
 * (~/.config/ectosmith/prices.json), e.g. {"gemini-2.5-flash": {"input": 0.3, "output": 2.5}}.
 */
import {existsSync, mkdirSync, readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, isAbsolute, join, resolve} from 'node:path';
import {writeFileAtomicSync} from '../atomic-write.js';
import {EctosmithError} from '../errors.js';
import {isRecord} from '../is-record.js';

export interface Price {
	/** Dollars per million prompt tokens. */
	input: number;
	/** Dollars per million output tokens. */
	output: number;
}

export type PriceTable = Record<string, Price>;

export const DEFAULT_PRICES: PriceTable = {
	'gemini-2.5-pro': {input: 1.25, output: 10},
	'gemini-2.5-flash': {input: 0.3, output: 2.5},
	'gemini-2.5-flash-lite': {input: 0.1, output: 0.4},
	'gemini-2.0-flash': {input: 0.1, output: 0.4},
	'offline-planner': {input: 0, output: 0},
};

/** The file and what is wrong with it, as a phrase that follows the file's name ("is not valid JSON (…)"). */
export class PriceFileError extends EctosmithError {
	constructor(
		readonly file: string,
		readonly problem: string,
	) {
		super(`The price table ${file} ${problem}.`);
	}
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function pricesPath(env: NodeJS.ProcessEnv = process.env): string {
	if (env.ECTOSMITH_PRICES) return resolve(env.ECTOSMITH_PRICES);
	const xdg = env.XDG_CONFIG_HOME;
	const configHome = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.config');
	return join(configHome, 'ectosmith', 'prices.json');
}

/** The defaults with the user's file laid over them; a malformed file is an error naming it. */
export function loadPrices(file: string): PriceTable {
	if (!existsSync(file)) return {...DEFAULT_PRICES};
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		throw new PriceFileError(file, `cannot be read (${reason(error)})`);
	}

	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw new PriceFileError(file, `is not valid JSON (${reason(error)})`);
	}

	if (!isRecord(parsed)) throw new PriceFileError(file, 'is not a JSON object of model names such as {"gemini-2.5-flash": {"input": 0.3, "output": 2.5}}');
	const table: PriceTable = {...DEFAULT_PRICES};
	for (const [model, price] of Object.entries(parsed)) {
		const valid = isRecord(price) && [price['input'], price['output']].every(value => typeof value === 'number' && Number.isFinite(value) && value >= 0);
		if (!valid) throw new PriceFileError(file, `has a bad price for "${model}": it needs {"input": n, "output": n}, dollars per million tokens`);
		table[model] = {input: price['input'] as number, output: price['output'] as number};
	}

	return table;
}

/** The file, written with the built-in prices when it does not exist yet, so an editor opens on something to change. */
export function ensurePriceFile(file: string): string {
	if (existsSync(file)) return file;
	try {
		mkdirSync(dirname(file), {recursive: true});
		// Exclusive: never over a file that appeared meanwhile.
		writeFileAtomicSync(file, `${JSON.stringify(DEFAULT_PRICES, null, '\t')}\n`, {exclusive: true});
	} catch (error) {
		if (!existsSync(file)) throw new PriceFileError(file, `cannot be created (${reason(error)})`);
	}

	return file;
}

/** The price of a model: its own entry, else the longest entry it starts with (gemini-2.5-flash-001). */
export function priceOf(table: PriceTable, model: string): Price | undefined {
	if (table[model]) return table[model];
	const prefix = Object.keys(table)
		.filter(name => model.startsWith(name))
		.sort((a, b) => b.length - a.length)[0];
	return prefix === undefined ? undefined : table[prefix];
}

export function costOf(table: PriceTable, model: string, tokens: {promptTokens: number; outputTokens: number}): number | undefined {
	const price = priceOf(table, model);
	if (!price) return undefined;
	return (tokens.promptTokens * price.input + tokens.outputTokens * price.output) / 1_000_000;
}
