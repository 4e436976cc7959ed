/**
 * The table of subcommands: what each is called, how it is used, which flags mean something to it,
 * and where its code lives (imported only when it runs, so `--help` stays instant). `cli.tsx`
 * parses the command line against this table; a command's module gets its arguments and flags.
 */
import type {CliFlags, FlagName} from '../commands/flags.js';

export type CommandRunner = (args: string[], flags: CliFlags) => Promise<number>;

export interface CommandSpec {
	/** The word after `ectosmith`; '' is the program started without one. */
	name: string;
	/** Usage lines after `ectosmith`, e.g. `run [options] "<description>"`. */
	usage: string[];
	summary: string;
	/** Flags this command accepts besides the global ones (--db, --verbose, --debug). */
	flags: FlagName[];
	load: () => Promise<CommandRunner>;
}

/** Accepted by every command. */
export const GLOBAL_FLAGS: FlagName[] = ['db', 'verbose', 'debug'];

export const COMMANDS: CommandSpec[] = [
	{
		name: '',
		usage: [''],
		summary: 'Start the terminal UI (full screen; needs a terminal)',
		flags: ['project', 'workflow', 'provider', 'model', 'script', 'yes'],
		load: async () => (await import('../commands/tui.js')).tuiCommand,
	},
	{
		name: 'run',
		usage: ['run [options] "<description>"', 'run [options] -   (read the description from stdin)'],
		summary: 'Run a workflow headless on a Phoenix project',
		flags: ['workflow', 'project', 'provider', 'model', 'script', 'record', 'force', 'continue', 'dryRun', 'strict', 'json'],
		load: async () => (await import('../commands/run.js')).runCommand,
	},
	{
		name: 'check',
		usage: ['check [--project DIR] [--json]'],
		summary: "Compile, migrate (up, down, up), test and format-check a project with MIX_ENV=test (runs the project's own code)",
		flags: ['project', 'json'],
		load: async () => (await import('../commands/check.js')).checkCommand,
	},
	{
		name: 'history',
		usage: ['history [--status S] [--workflow W] [--project DIR] [--search TEXT] [--user NAME] [--limit N] [--json]'],
		summary: 'Past executions, newest first',
		flags: ['status', 'workflow', 'project', 'search', 'user', 'limit', 'json'],
		load: async () => (await import('../commands/history.js')).historyCommand,
	},
	{
		name: 'show',
		usage: ['show <id> [--json]'],
		summary: 'The whole transcript of an execution; --json the full record',
		flags: ['json'],
		load: async () => (await import('../commands/show.js')).showCommand,
	},
	{
		name: 'replay',
		usage: ['replay <id>'],
		summary: 'Replay an execution step by step in the terminal UI',
		flags: [],
		load: async () => (await import('../commands/replay.js')).replayCommand,
	},
	{
		name: 'export',
		usage: ['export <id> [--format json|md] [--out FILE]'],
		summary: 'An execution and its follow-ups as JSON (to import) or a Markdown transcript; secrets masked',
		flags: ['format', 'out', 'force'],
		load: async () => (await import('../commands/export.js')).exportCommand,
	},
	{
		name: 'import',
		usage: ['import <file.json>'],
		summary: 'Bring an exported execution into this database',
		flags: [],
		load: async () => (await import('../commands/import.js')).importCommand,
	},
	{
		name: 'undo',
		usage: ['undo <id> [--yes] [--force] [--project DIR]'],
		summary: 'Remove the files an execution created and restore those it changed (an imported one: in --project DIR)',
		flags: ['yes', 'force', 'project'],
		load: async () => (await import('../commands/undo.js')).undoCommand,
	},
	{
		name: 'stats',
		usage: ['stats [--since DATE] [--json]'],
		summary: 'Executions, durations, tokens and costs, tool calls',
		flags: ['since', 'json'],
		load: async () => (await import('../commands/stats.js')).statsCommand,
	},
	{
		name: 'delete',
		usage: ['delete <id> [--yes]'],
		summary: 'Delete an execution from the record (its files stay)',
		flags: ['yes'],
		load: async () => (await import('../commands/delete.js')).deleteCommand,
	},
	{
		name: 'demo',
		usage: ['demo [dir]'],
		summary: 'Create a small demo Phoenix project (default ./ectosmith_demo)',
		flags: [],
		load: async () => (await import('../commands/demo.js')).demoCommand,
	},
	{
		name: 'db',
		usage: ['db path', 'db migrate', 'db seed --from <dir>', 'db copy [--from <db>] --to <db>'],
		summary: 'Where the database lives; apply migrations; import servers and workflows; copy configuration and history between databases',
		flags: ['from', 'to'],
		load: async () => (await import('../commands/db.js')).dbCommand,
	},
	{
		name: 'logs',
		usage: ['logs', 'logs tail [N]'],
		summary: "Print the log file's path, or its last lines",
		flags: [],
		load: async () => (await import('../commands/logs.js')).logsCommand,
	},
	{
		name: 'servers',
		usage: [
			'servers list | show <name>',
			'servers add <name> --command <program> [--arg ...] [--env KEY=VALUE ...] [options]',
			'servers edit <name> [--command ...] [--description ...] [options]',
			'servers remove <name> [--detach] | enable <name> | disable <name>',
			'servers test <name>',
			'servers import <file> [--force]',
			'servers export [--format claude|cursor|vscode|gemini] [--out <file>] [--show-secrets]',
		],
		summary: 'MCP server entries: list, edit, test, and share them with Claude Desktop, Cursor, VS Code and Gemini CLI',
		flags: [
			'command',
			'arg',
			'env',
			'cwd',
			'url',
			'header',
			'description',
			'timeout',
			'includeTool',
			'excludeTool',
			'trust',
			'allowApiKey',
			'rename',
			'detach',
			'format',
			'out',
			'showSecrets',
			'force',
			'yes',
			'json',
		],
		load: async () => (await import('../commands/servers.js')).serversCommand,
	},
	{
		name: 'workflows',
		usage: [
			'workflows list | show <name>',
			'workflows add <name> --model <name> --server <name> ... (--template <text> | --template-file <file>) [--max-turns <n>] [--checks off|compile|full] [--description <text>]',
			'workflows edit <name> [same options] [--rename <name>]',
			'workflows remove <name>',
		],
		summary: 'Workflows: the model, prompt template, turn limit and servers of a run',
		flags: ['model', 'server', 'template', 'templateFile', 'maxTurns', 'checks', 'description', 'rename', 'yes', 'json'],
		load: async () => (await import('../commands/workflows.js')).workflowsCommand,
	},
];

export function findCommand(name: string): CommandSpec | undefined {
	return COMMANDS.find(command => command.name === name);
}
