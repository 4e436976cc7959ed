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
	await new Promise(resolve => setTimeout(resolve, 500));
	terminal.type('3');
	await terminal.waitFor(/elixir_ecto_gen_tool[\s\S]*used by elixir_crud_generator/, 'the server list');
	terminal.keys('Enter');
	await terminal.waitFor(/Edit MCP server elixir_ecto_gen_tool/, 'the form');
	for (let field = 0; field < 5; field++) {
		terminal.keys('Tab');
		await new Promise(resolve => setTimeout(resolve, 400));
	}

	await terminal.waitFor(/Description +test server elixir_ecto_gen_tool/, 'the description field');
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
