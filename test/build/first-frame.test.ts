// The bundled TUI paints before it loads the program: nothing of the database (MikroORM, knex,
// sqlite3), the MCP SDK or the Gemini SDK is loaded before its first frame, in a real terminal
// (our own small db/ files, such as the path and error wording, are).
// What loaded is read from a trace (_first-frame-trace.mjs); which packages an ES chunk of the
// bundle holds is read from its source map.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {packageRoot} from '../../source/package-root.js';
import {seededDb} from '../commands/_cli.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {tempDir} from '../helpers/temp-dir.js';
import {requireTmux, startTerminal, terminalEnv} from '../helpers/tmux.js';

const cli = path.join(packageRoot(), 'dist', 'source', 'cli.js');
const heavy = /@mikro-orm|[/\\]knex[/\\]|^knex$|sqlite3|@modelcontextprotocol|@google[/\\]genai/;

/** The packages and source files behind one loaded module: a bundle chunk's sources, else its own name. */
function origins(line: string): string[] {
	const [kind, name = ''] = line.split(' ', 2);
	if (kind === 'esm' && name.startsWith('file:')) {
		const file = fileURLToPath(name);
		const map = `${file}.map`;
		if (existsSync(map)) return (JSON.parse(readFileSync(map, 'utf8')) as {sources: string[]}).sources.map(source => path.resolve(path.dirname(file), source));
		return [file];
	}

	return [name];
}

test('the bundled TUI loads no database, MCP or Gemini module before its first frame, and loads them after', async t => {
	if (!requireTmux(t)) return;
	if (!existsSync(path.join(packageRoot(), 'dist', 'bundle'))) {
		if (process.env.CI === 'true') t.fail('dist/bundle is missing: run npm run build before the tests');
		else t.pass('not built (npm run build); skipped');
		return;
	}

	const project = await copyFixtureProject(t, 'my_app');
	const db = await seededDb(t);
	const trace = path.join(tempDir(t), 'trace.log');
	const terminal = startTerminal(t, {
		cwd: path.dirname(project),
		env: terminalEnv(t, {ECTOSMITH_TRACE_FILE: trace}),
		command: [process.execPath, '--import', path.join(packageRoot(), 'test/build/_first-frame-trace.mjs'), cli, '--db', db, '--project', path.basename(project), '--provider', 'offline'],
	});
	// The services are loaded once the project's schema is shown (it comes through the tool servers).
	await terminal.waitFor(/No Ecto schemas yet/, 'the project and its schema');
	const lines = readFileSync(trace, 'utf8').trim().split('\n');
	const frame = lines.indexOf('FIRST-FRAME');
	t.true(frame > 0, 'the first frame was seen');
	const before = lines.slice(0, frame).flatMap(origins);
	const after = lines.slice(frame + 1).flatMap(origins);
	t.deepEqual(
		before.filter(origin => heavy.test(origin)),
		[],
	);
	// The control: the trace does show them once the program is loaded.
	t.true(
		after.some(origin => /@mikro-orm[/\\]core/.test(origin)),
		'MikroORM after the first frame',
	);
	t.true(
		after.some(origin => /@modelcontextprotocol/.test(origin)),
		'the MCP SDK after the first frame',
	);
});
