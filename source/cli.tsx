#!/usr/bin/env node
import meow from 'meow';

// Keep this module light: --help and --version must not load the ORM, the SDKs or Ink.
// Every command is imported on demand.
const cli = meow(
	`
	Usage
	  $ ectosmith                          Start the terminal UI (later); for now shows this help
	  $ ectosmith run [options] "<description>"
	                                      Run a workflow headless on a Phoenix project
	  $ ectosmith demo [dir]               Create a small demo Phoenix project (default ./ectosmith_demo)
	  $ ectosmith db path                  Print where the database lives
	  $ ectosmith db migrate               Apply pending migrations
	  $ ectosmith db seed --from <dir>     Import mcp_servers.json and workflows.json from a folder
	  $ ectosmith logs                     Print the log file's path

	Options
	  --db <path>            Database file (default $XDG_DATA_HOME/ectosmith/ectosmith.db; env ECTOSMITH_DB)
	  --workflow, -w <name>  Workflow to run (default: the only or the default one)
	  --project, -p <dir>    Phoenix project to write into (default: the current folder)
	  --provider <name>      gemini, offline or scripted (default: gemini with a key, else offline)
	  --model <name>         Override the workflow's model
	  --script <file>        Conversation fixture for the scripted provider
	  --record <file>        Save a live Gemini session as a scripted fixture
	  --force                Let --record replace a file that is not a recording
	  --continue <id>        Continue the conversation of a past execution
	  --dry-run              Plan without writing files (the tools' dry_run)
	  --json                 Print one JSON event per line
	  --verbose, --debug     More detail in the log file
	  --help, --version

	Examples
	  $ ectosmith demo my_app
	  $ ectosmith run --project my_app "Blog.Post posts title:string body:text published:boolean"
	  $ ectosmith run -p my_app "a blog with posts (title, body) and comments (body) that belong to posts"
`,
	{
		importMeta: import.meta,
		flags: {
			db: {type: 'string'},
			from: {type: 'string'},
			workflow: {type: 'string', shortFlag: 'w'},
			project: {type: 'string', shortFlag: 'p'},
			provider: {type: 'string'},
			model: {type: 'string'},
			script: {type: 'string'},
			record: {type: 'string'},
			force: {type: 'boolean', default: false},
			continue: {type: 'number'},
			dryRun: {type: 'boolean', default: false},
			json: {type: 'boolean', default: false},
			verbose: {type: 'boolean', default: false},
			debug: {type: 'boolean', default: false},
		},
	},
);

export type CliFlags = typeof cli.flags;

async function main(): Promise<number> {
	const [command, ...rest] = cli.input;
	if (cli.flags.from !== undefined && !(command === 'db' && rest[0] === 'seed')) {
		process.stderr.write('--from belongs to `ectosmith db seed --from DIR`; it means nothing to other commands.\n');
		return 2;
	}

	switch (command) {
		case undefined: {
			cli.showHelp(0);
			return 0;
		}

		case 'db': {
			const {dbCommand} = await import('./commands/db.js');
			return dbCommand(rest, cli.flags);
		}

		case 'run': {
			const {runCommand} = await import('./commands/run.js');
			return runCommand(rest, cli.flags);
		}

		case 'demo': {
			const {demoCommand} = await import('./commands/demo.js');
			return demoCommand(rest, cli.flags);
		}

		case 'logs': {
			const {logsCommand} = await import('./commands/logs.js');
			return logsCommand(rest, cli.flags);
		}

		default: {
			process.stderr.write(`Unknown command "${command}". Commands: run, demo, db, logs. See ectosmith --help.\n`);
			return 2;
		}
	}
}

process.exitCode = await main().catch((error: unknown) => {
	process.stderr.write(`ectosmith: ${error instanceof Error ? error.message : String(error)}\n`);
	return 1;
});
