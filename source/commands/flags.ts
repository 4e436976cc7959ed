/**
 * Every flag of the command line, declared once: its type for meow and the line of help that says
 * what it means. Commands list the names they accept (source/cli/commands.ts); one flag name keeps
 * one type and one meaning across all commands. Keep this module free of heavy imports.
 */
type FlagType = 'string' | 'boolean' | 'number';

export interface FlagSpec {
	type: FlagType;
	shortFlag?: string;
	isMultiple?: boolean;
	/** How the flag reads in help: `--project, -p <dir>`. */
	usage: string;
	description: string;
}

export const FLAGS = {
	db: {type: 'string', usage: '--db <path>', description: 'Database file (default $XDG_DATA_HOME/ectosmith/ectosmith.db; env ECTOSMITH_DB)'},
	verbose: {type: 'boolean', usage: '--verbose', description: 'More detail on screen and in the log file'},
	debug: {type: 'boolean', usage: '--debug', description: 'Everything in the log file'},
	from: {type: 'string', usage: '--from <dir|db>', description: 'db seed: folder holding mcp_servers.json and workflows.json; db copy: the database to copy from'},
	to: {type: 'string', usage: '--to <db>', description: 'db copy: the database to copy into (a file or a postgresql:// URL)'},
	workflow: {type: 'string', shortFlag: 'w', usage: '--workflow, -w <name>', description: 'Workflow to run (default: the only or the default one)'},
	project: {type: 'string', shortFlag: 'p', usage: '--project, -p <dir>', description: 'Phoenix project to write into (default: the current folder)'},
	provider: {type: 'string', usage: '--provider <name>', description: 'gemini, offline or scripted (default: gemini with a key, else offline)'},
	model: {type: 'string', usage: '--model <name>', description: "The model: overrides the workflow's for a run; sets it for workflows add/edit"},
	script: {type: 'string', usage: '--script <file>', description: 'Conversation fixture for the scripted provider'},
	record: {type: 'string', usage: '--record <file>', description: 'Save a live Gemini session as a scripted fixture'},
	force: {type: 'boolean', usage: '--force', description: 'Replace or undo even where a file says otherwise'},
	continue: {type: 'number', usage: '--continue <id>', description: 'Continue the conversation of a past execution'},
	dryRun: {type: 'boolean', usage: '--dry-run', description: "Plan without writing files (the tools' dry_run)"},
	strict: {type: 'boolean', usage: '--strict', description: 'Offline planner: refuse a description it would plan with an assumption or with words left out, naming each'},
	json: {type: 'boolean', usage: '--json', description: 'Machine-readable output (one JSON value per line for run)'},
	status: {type: 'string', usage: '--status <S[,S]>', description: 'Only executions with this status: COMPLETED, FAILED, CANCELLED, INTERRUPTED, STARTED'},
	search: {type: 'string', usage: '--search <text>', description: 'Only executions whose query contains this text'},
	user: {type: 'string', usage: '--user <name>', description: 'Only executions this user ran (their ECTOSMITH_USER, else their login name)'},
	limit: {type: 'number', usage: '--limit <n>', description: 'How many executions to list (default 20, at most 500)'},
	since: {type: 'string', usage: '--since <date>', description: 'Only executions started on or after this date (UTC), e.g. 2026-11-01'},
	yes: {type: 'boolean', shortFlag: 'y', usage: '--yes, -y', description: 'Do not ask: approve every write, confirm every prompt'},
	command: {type: 'string', usage: '--command <program>', description: 'The program that starts the MCP server'},
	arg: {
		type: 'string',
		isMultiple: true,
		usage: '--arg <value>',
		description: 'An argument of the command; repeat for each, in order (edit: replaces them all)',
	},
	env: {
		type: 'string',
		isMultiple: true,
		usage: '--env KEY=VALUE',
		description: 'A variable for the server; VALUE may be ${NAME} from your environment; repeat (edit: KEY= removes)',
	},
	cwd: {type: 'string', usage: '--cwd <dir>', description: "The server's working folder ('' for the current one)"},
	url: {type: 'string', usage: '--url <url>', description: 'An HTTP MCP server (streamable HTTP, SSE for older servers), e.g. Tidewave at http://localhost:4000/tidewave/mcp'},
	header: {
		type: 'string',
		isMultiple: true,
		usage: '--header Name=VALUE',
		description: 'An HTTP header for a --url server; VALUE may be ${NAME} from your environment; repeat (edit: Name= removes)',
	},
	description: {type: 'string', usage: '--description <text>', description: 'What the server or workflow is for'},
	timeout: {type: 'number', usage: '--timeout <ms>', description: 'Per-call timeout of the server in milliseconds (0: the default)'},
	includeTool: {type: 'string', isMultiple: true, usage: '--include-tool <name>', description: "Offer only these of the server's tools; repeat ('' clears)"},
	excludeTool: {type: 'string', isMultiple: true, usage: '--exclude-tool <name>', description: "Never offer this tool; repeat ('' clears)"},
	trust: {type: 'boolean', usage: '--trust, --no-trust', description: "The server's writes need no approval"},
	allowApiKey: {
		type: 'boolean',
		usage: '--allow-api-key, --no-allow-api-key',
		description: "The server's env may reference ectosmith's API key (${GEMINI_API_KEY}); without it the server never gets the key",
	},
	rename: {type: 'string', usage: '--rename <name>', description: 'Give the server or workflow a new name'},
	detach: {type: 'boolean', usage: '--detach', description: 'Remove the server from the workflows that use it too'},
	format: {
		type: 'string',
		usage: '--format <name>',
		description: 'export: json (to import elsewhere) or md (a transcript); servers export: claude, cursor, vscode or gemini',
	},
	out: {type: 'string', usage: '--out <file>', description: 'Write to this file instead of stdout (--force replaces one)'},
	showSecrets: {type: 'boolean', usage: '--show-secrets', description: 'Print stored env and header values instead of masking them'},
	maxTurns: {type: 'number', usage: '--max-turns <n>', description: 'Turn limit of the workflow (1 to 1000)'},
	checks: {type: 'string', usage: '--checks <off|compile|full>', description: 'How deep check_project goes after generating (default full; off: not offered)'},
	template: {type: 'string', usage: '--template <text>', description: 'The prompt template ({{schema_description}}, {{project_path}}, {{app_module}})'},
	templateFile: {type: 'string', usage: '--template-file <file>', description: 'Read the prompt template from a file'},
	server: {type: 'string', isMultiple: true, usage: '--server <name>', description: 'An MCP server of the workflow; repeat for each (edit: replaces them)'},
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof FLAGS;

type ValueOf<S extends FlagSpec> = S['type'] extends 'string' ? (S extends {isMultiple: true} ? string[] : string) : S['type'] extends 'number' ? number : boolean;

/** The parsed flags: every one optional, typed by its spec. */
export type CliFlags = {-readonly [K in FlagName]?: ValueOf<(typeof FLAGS)[K]>};

/** `dryRun` -> `--dry-run`, as the user types it. */
export function flagText(name: string): string {
	return `--${name.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}`;
}
