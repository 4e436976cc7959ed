import test from 'ava';
import {COMMANDS} from '../../source/cli/commands.js';
import {parseCommandLine} from '../../source/cli/parse-command-line.js';
import {FLAGS} from '../../source/commands/flags.js';
import {UsageError} from '../../source/errors.js';

const parse = (...argv: string[]) => parseCommandLine(argv, import.meta);

function command(...argv: string[]) {
	const line = parse(...argv);
	if (line.kind !== 'command') throw new Error(`expected a command, got: ${line.text}`);
	return line;
}

test('a command gets its positionals and its flags, typed', t => {
	const line = command('run', '--project', 'my_app', '--dry-run', '--continue', '3', 'Blog.Post', 'posts');
	t.is(line.command.name, 'run');
	t.deepEqual(line.args, ['Blog.Post', 'posts']);
	t.like(line.flags, {project: 'my_app', dryRun: true, continue: 3});
});

test('run takes --strict; a command it means nothing to refuses it', t => {
	t.like(command('run', '--strict', 'x').flags, {strict: true});
	t.throws(() => parse('logs', '--strict'), {instanceOf: UsageError, message: /--strict means nothing to `ectosmith logs`/});
});

test('short flags and global flags before the command', t => {
	const line = command('--db', '/tmp/x.db', 'run', '-p', 'app', 'x');
	t.like(line.flags, {db: '/tmp/x.db', project: 'app'});
	t.deepEqual(line.args, ['x']);
});

test('a mistyped flag is refused with the valid ones, not ignored', t => {
	const error = t.throws(() => parse('run', '--dryrun', 'x'), {instanceOf: UsageError});
	t.regex(error.message, /^Unknown option --dryrun for `ectosmith run`\. Its options: .*--dry-run/);
});

test('a flag of another command means nothing here and is refused', t => {
	const error = t.throws(() => parse('demo', '--json'), {instanceOf: UsageError});
	t.is(error.message, '--json means nothing to `ectosmith demo`. Its options: --db, --verbose, --debug.');
	t.throws(() => parse('logs', '--dry-run'), {instanceOf: UsageError, message: /--dry-run means nothing to `ectosmith logs`/});
});

test('a number flag without a number is refused', t => {
	t.throws(() => parse('run', '--continue', 'abc', 'x'), {instanceOf: UsageError, message: '--continue needs a number.'});
});

test('an unknown command is refused with the list of commands', t => {
	t.throws(() => parse('bogus'), {instanceOf: UsageError, message: /^Unknown command "bogus"\. Commands: run, check, history, show, replay, export, import, undo, stats, delete, demo, db, logs/});
});

test('a mistyped option is named, not the word after it taken for a command', t => {
	t.throws(() => parse('--projekt', 'my_app'), {instanceOf: UsageError, message: 'Unknown option --projekt. See ectosmith --help for the options.'});
	t.throws(() => parse('--projekt=my_app'), {instanceOf: UsageError, message: /^Unknown option --projekt /});
	// Known options before an unknown word still name the word.
	t.throws(() => parse('--project', 'my_app', 'bogus'), {instanceOf: UsageError, message: /^Unknown command "bogus"/});
});

test('a description that starts with a dash is a description, not flags; so is "-" and what follows --', t => {
	t.deepEqual(command('run', '- Author: name, bio\n- Book: title').args, ['- Author: name, bio\n- Book: title']);
	t.deepEqual(command('run', '-').args, ['-']);
	t.deepEqual(command('run', '--', '--not-a-flag').args, ['--not-a-flag']);
});

test('--help and --version print instead of running, per command', t => {
	const help = parse('run', '--help');
	t.is(help.kind, 'print');
	if (help.kind === 'print') t.regex(help.text, /--dry-run\s+Plan without writing/);
	const version = parse('--version');
	t.is(version.kind, 'print');
	if (version.kind === 'print') t.regex(version.text, /^\d+\.\d+\.\d+/);
});

test('every command lists only declared flags', t => {
	for (const entry of COMMANDS) for (const flag of entry.flags) t.true(flag in FLAGS, `${entry.name}: ${flag}`);
});

test('a value wrapped in quotes keeps them: flags mean what was typed', t => {
	const servers = command('servers', 'add', 'x', '--command', 'node', '--arg', '"quoted arg"', "--arg='single'", '--arg', 'plain', '--description', '""');
	t.deepEqual(servers.flags.arg, ['"quoted arg"', "'single'", 'plain']);
	t.is(servers.flags.description, '""');
	t.is(command('history', '--search', '""').flags.search, '""');
	t.is(command('history', '--search="x"').flags.search, '"x"');
	t.is(command('run', '-p', '"app"', 'x').flags.project, '"app"');
	t.deepEqual(command('run', '"Blog.Post"', 'posts').args, ['"Blog.Post"', 'posts']);
});
