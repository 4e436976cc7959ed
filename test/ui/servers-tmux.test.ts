/** The real TUI in a real terminal (tmux): edit a server's description in the form, then read the database. */
import test from 'ava';
import {ConfigStore} from '../../source/config/config-store.js';
import {openDatabase} from '../../source/db/orm.js';
import {packageRoot} from '../../source/package-root.js';
import {cliEnv, seededDb} from '../commands/_cli.js';
import {tempDir} from '../helpers/temp-dir.js';
import {ectosmithCommand, requireTmux, startTerminal} from '../helpers/tmux.js';

test('editing a server description in the Servers form saves it to the database', async t => {
	if (!requireTmux(t)) return;
	const dbPath = await seededDb(t);
	const env = Object.fromEntries(Object.entries(cliEnv(tempDir(t, 'ectosmith-state-'), {TERM: 'xterm-256color'})).filter((entry): entry is [string, string] => entry[1] !== undefined));
	const terminal = startTerminal(t, {
		command: ectosmithCommand('--db', dbPath),
		env,
		// tsx reads the JSX settings from the tsconfig.json of the folder it starts in.
		cwd: packageRoot(),
		width: 120,
		height: 40,
	});
	await terminal.waitFor(/F?1 Run\s+F?2 History\s+F?3 Servers\s+F?4 Workflows/, 'the top bar');
	terminal.keys('Escape');
	// Out of the description field, the screen keys lose their F.
	await terminal.waitFor(/(?:^|\s)1 Run {2}2 History/m, 'the keys outside the field');
	terminal.type('3');
	await terminal.waitFor(/elixir_ecto_gen_tool[\s\S]*used by elixir_crud_generator/, 'the server list');
	terminal.keys('Enter');
	await terminal.waitFor(/Edit MCP server elixir_ecto_gen_tool/, 'the form');
	// The focused field shows its hint: each Tab is seen to land before the next (Description has none).
	const hints = [
		/the program that starts the server/,
		/one argument per line/,
		/values are hidden: Ctrl-R reveals them/,
		/empty: the current folder/,
		/^(?![\s\S]*empty: the current folder)[\s\S]*Description +test server elixir_ecto_gen_tool/,
	];
	for (const hint of hints) {
		terminal.keys('Tab');
		await terminal.waitFor(hint, `the hint after a Tab (${hint.source.slice(0, 30)})`);
	}

	terminal.type(' Edited in tmux.');
	await terminal.waitFor(/Edited in tmux\./, 'the typed text');
	terminal.keys('C-s');
	await terminal.waitFor(/Saved elixir_ecto_gen_tool\./, 'the saved message');
	terminal.type('q');

	const orm = await openDatabase({dbPath, seed: false});
	try {
		const server = await new ConfigStore(orm.em).getServer('elixir_ecto_gen_tool');
		t.is(server.description, 'test server elixir_ecto_gen_tool Edited in tmux.');
		t.true(server.updatedAt.getTime() > server.createdAt.getTime());
	} finally {
		await orm.close(true);
	}
});
