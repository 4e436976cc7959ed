/**
 * What `servers` and `workflows` share: opening the configuration store on the database, turning a
 * field's validation problem into the flag that set it, and printing untrusted text safely.
 */
import {openRecords} from '../app/open-records.js';
import {ConfigStore} from '../config/config-store.js';
import {ConfigValidationError} from '../config/entry-fields.js';
import {UsageError} from '../errors.js';

/** Field name -> the flag that sets it (a problem names what the user typed). */
const FLAG_OF: Record<string, string> = {
	name: 'the name',
	command: '--command',
	args: '--arg',
	env: '--env',
	cwd: '--cwd',
	url: '--url',
	timeoutMs: '--timeout',
	includeTools: '--include-tool',
	excludeTools: '--exclude-tool',
	llmModel: '--model',
	initialPromptTemplate: '--template',
	maxConversationTurns: '--max-turns',
	checks: '--checks',
	serverNames: '--server',
	description: '--description',
};

export async function withStore<T>(db: string | undefined, work: (store: ConfigStore) => Promise<T>): Promise<T> {
	const records = await openRecords(db === undefined ? {} : {db});
	try {
		return await work(new ConfigStore(records.orm.em));
	} catch (error) {
		if (error instanceof ConfigValidationError) {
			const problems = Object.entries(error.problems).map(([field, problem]) => `${FLAG_OF[field] ?? field} ${problem}`);
			throw new UsageError(`${error.what}: ${problems.join('; ')}`);
		}

		throw error;
	} finally {
		await records.close();
	}
}

/** The one positional a subcommand needs, or a usage error naming it. */
export function needName(args: string[], what: string, usage: string): string {
	const [name, ...extra] = args;
	if (name === undefined || name.trim() === '') throw new UsageError(`Missing ${what}. Usage: ectosmith ${usage}`);
	if (extra.length > 0) throw new UsageError(`Unexpected argument(s) after "${name}": ${extra.join(' ')}. Usage: ectosmith ${usage}`);
	return name;
}

export function write(text: string): void {
	process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** JSON with Dates as ISO strings, for --json. */
export function writeJson(value: unknown): void {
	write(JSON.stringify(value, null, 2));
}
