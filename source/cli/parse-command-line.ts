/**
 * Turns argv into a command of the table, its positional arguments and its flags, refusing what
 * it cannot honour: an unknown command, an unknown flag (a typo such as --dryrun must not be
 * ignored while the run writes files), a flag that means nothing to the command, a number flag
 * without a number. meow parses the flags and prints help and version.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import meow, {type AnyFlags} from 'meow';
import {type CliFlags, FLAGS, type FlagName, flagText} from '../commands/flags.js';
import {UsageError} from '../errors.js';
import {packageRoot} from '../package-root.js';
import {COMMANDS, type CommandSpec, findCommand, GLOBAL_FLAGS} from './commands.js';

export type CommandLine =
	| {kind: 'command'; command: CommandSpec; args: string[]; flags: CliFlags}
	/** --help (of the program or of a command) and --version: text to print, exit 0. */
	| {kind: 'print'; text: string};

const flagNames = Object.keys(FLAGS) as FlagName[];
const byShort = new Map(
	flagNames.flatMap(name => {
		const short = (FLAGS[name] as {shortFlag?: string}).shortFlag;
		return short ? [[short, name] as const] : [];
	}),
);

/** `--dry-run`, `--dry-run=x`, `--no-dry-run` and `-p` name a declared flag; undefined otherwise. */
function declaredFlag(token: string): FlagName | undefined {
	if (/^-[A-Za-z]$/.test(token)) return byShort.get(token.slice(1));
	const long = /^--(?:no-)?([a-z][a-z0-9-]*)(?:=.*)?$/s.exec(token);
	if (!long) return undefined;
	const camel = long[1]!.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()) as FlagName;
	return flagNames.includes(camel) ? camel : undefined;
}

/**
 * meow's parser strips the quotes around a value (`"quoted arg"` becomes `quoted arg`, `""` becomes
 * nothing): a value that starts and ends with a quote is marked so the parser leaves it alone, and
 * the mark is taken off after. A flag means what was typed.
 */
const SHIELD = '\uE000';
const shield = (value: string): string => (/^(["']).*\1$/s.test(value) && value.length >= 2 ? `${SHIELD}${value}` : value);
const unshield = (value: unknown): unknown => (typeof value === 'string' && value.startsWith(SHIELD) ? value.slice(1) : Array.isArray(value) ? value.map(unshield) : value);

/**
 * Splits argv into flag tokens and positional words. A word that merely starts with a dash
 * ("- Author: name, bio", a bullet list, or "-" for stdin) is a positional, not a flag.
 */
function split(argv: string[]): {flagTokens: string[]; positionals: string[]} {
	const flagTokens: string[] = [];
	const positionals: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const token = argv[index]!;
		if (token === '--') {
			positionals.push(...argv.slice(index + 1));
			break;
		}

		const isFlag = /^--?[A-Za-z]/.test(token);
		if (!isFlag) {
			positionals.push(token);
			continue;
		}

		const equals = token.indexOf('=');
		flagTokens.push(token.startsWith('--') && equals > 0 ? `${token.slice(0, equals + 1)}${shield(token.slice(equals + 1))}` : token);
		const name = declaredFlag(token);
		// A string or number flag written as `--db x` takes the next word as its value.
		if (name && FLAGS[name].type !== 'boolean' && !token.includes('=') && !token.startsWith('--no-') && index + 1 < argv.length) {
			const value = shield(argv[++index]!);
			// Joined, so a value that starts with a dash (`--arg -y`) is not read as a flag of its own.
			if (token.startsWith('--')) flagTokens[flagTokens.length - 1] = `${token}=${value}`;
			else flagTokens.push(value);
		}
	}

	return {flagTokens, positionals};
}

function helpFor(command: CommandSpec): string {
	const flagLines = (names: FlagName[]) => names.map(name => `  ${FLAGS[name].usage.padEnd(24)} ${FLAGS[name].description}`);
	if (command.name === '') {
		const commandLines = COMMANDS.flatMap(entry => entry.usage.map((usage, index) => (`  $ ectosmith ${usage}`.padEnd(44) + (index === 0 ? ` ${entry.summary}` : '')).trimEnd()));
		return [
			'Usage',
			...commandLines,
			'',
			'Options of the terminal UI',
			...flagLines(command.flags),
			'',
			'Options of every command',
			...flagLines(GLOBAL_FLAGS),
			'  --help, --version',
			'',
			'`ectosmith <command> --help` lists the options of that command.',
			'',
			'Examples',
			'  $ ectosmith demo my_app',
			'  $ ectosmith run --project my_app "Blog.Post posts title:string body:text published:boolean"',
			'  $ ectosmith run -p my_app "a blog with posts (title, body) and comments (body) that belong to posts"',
		].join('\n');
	}

	return ['Usage', ...command.usage.map(usage => `  $ ectosmith ${usage}`), '', command.summary, '', 'Options', ...flagLines([...command.flags, ...GLOBAL_FLAGS]), '  --help'].join('\n');
}

function version(): string {
	const {version} = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {version: string};
	return version;
}

export function parseCommandLine(argv: string[], importMeta: ImportMeta): CommandLine {
	const {flagTokens, positionals} = split(argv);
	const [word, ...args] = positionals;
	const command = findCommand(word ?? '');
	if (!command) {
		// `--projekt my_app`: the word after a mistyped option is its value, not a command to name.
		const unknown = flagTokens.find(token => /^--?[A-Za-z]/.test(token) && !['--help', '-h', '--version'].includes(token) && declaredFlag(token) === undefined);
		if (unknown !== undefined) throw new UsageError(`Unknown option ${unknown.split('=')[0]}. See ectosmith --help for the options.`);
		const names = COMMANDS.map(entry => entry.name)
			.filter(Boolean)
			.join(', ');
		throw new UsageError(`Unknown command "${word}". Commands: ${names}. See ectosmith --help.`);
	}

	if (flagTokens.some(token => token === '--help' || token === '-h')) return {kind: 'print', text: helpFor(command)};
	if (flagTokens.includes('--version')) return {kind: 'print', text: version()};

	const allowed = [...command.flags, ...GLOBAL_FLAGS];
	const meowFlags: AnyFlags = Object.fromEntries(
		allowed.map(name => {
			const {type, shortFlag, isMultiple} = FLAGS[name] as {type: 'string' | 'boolean' | 'number'; shortFlag?: string; isMultiple?: boolean};
			return [name, {type, ...(shortFlag ? {shortFlag} : {}), ...(isMultiple ? {isMultiple} : {})}];
		}),
	);
	const cli = meow(helpFor(command), {
		importMeta,
		autoHelp: false,
		autoVersion: false,
		argv: [...flagTokens, '--', ...(word === undefined ? [] : [word]), ...args],
		flags: meowFlags,
		// A boolean not given is absent, not false: --no-trust must differ from leaving trust alone.
		booleanDefault: undefined,
		allowUnknownFlags: true,
	});

	const where = command.name === '' ? '`ectosmith` (the terminal UI)' : `\`ectosmith ${command.name}\``;
	const valid = allowed.map(flagText).join(', ');
	for (const key of Object.keys(cli.flags)) {
		if ((allowed as string[]).includes(key)) continue;
		if ((flagNames as string[]).includes(key)) {
			throw new UsageError(`${flagText(key)} means nothing to ${where}. Its options: ${valid}.`);
		}

		throw new UsageError(`Unknown option ${flagText(key)} for ${where}. Its options: ${valid}.`);
	}

	const flags: Record<string, unknown> = {};
	for (const name of allowed) {
		const value = unshield(cli.flags[name]);
		if (FLAGS[name].type === 'number' && value !== undefined && (value === null || !Number.isFinite(value))) {
			throw new UsageError(`${flagText(name)} needs a number.`);
		}

		if (value !== undefined && !(Array.isArray(value) && value.length === 0)) flags[name] = value;
	}

	return {kind: 'command', command, args, flags: flags as CliFlags};
}

/** The help of the program (no command), for a command that wants to show it. */
export function programHelp(): string {
	return helpFor(findCommand('')!);
}
