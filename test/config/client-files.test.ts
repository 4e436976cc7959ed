import {readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {CLIENT_FORMATS, ClientFileError, exportClientFile, parseClientFile} from '../../source/config/client-files.js';
import {ConfigStore, fieldsOf} from '../../source/config/config-store.js';
import {packageRoot} from '../../source/package-root.js';
import {openTempDatabase} from '../helpers/temp-db.js';

const folder = path.join(packageRoot(), 'test/fixtures/clients');
const read = (name: string) => parseClientFile(readFileSync(path.join(folder, name), 'utf8'), name);

test('Claude Desktop: the mcpServers map with command, args and env', t => {
	const file = read('claude_desktop_config.json');
	t.is(file.shape, 'mcpServers');
	t.deepEqual(
		file.entries.map(entry => entry.name),
		['filesystem', 'github'],
	);
	t.like(file.entries[1], {command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: {GITHUB_PERSONAL_ACCESS_TOKEN: 'ghp_stored_secret_value_123'}, transport: 'stdio', enabled: true});
	t.deepEqual(file.notes, []);
});

test('Cursor: url entries are kept as SSE or HTTP servers with their url, never dropped', t => {
	const file = read('cursor-mcp.json');
	t.deepEqual(
		file.entries.map(entry => [entry.name, entry.transport, entry.url]),
		[
			['postgres', 'stdio', null],
			['remote-docs', 'sse', 'https://docs.example.com/mcp'],
			['linear', 'http', 'https://mcp.linear.app/mcp'],
		],
	);
	t.deepEqual(file.entries[1]!.headers, {Authorization: 'Bearer cursor-header-secret'});
	t.deepEqual(file.entries[0]!.env, {PGPASSWORD: '${env:PGPASSWORD}'});
	t.true(file.notes.some(note => /remote-docs: SSE server at \S+, reached over the network/.test(note)));
});

test('Gemini CLI settings: cwd, timeout, trust, includeTools, excludeTools, headers, httpUrl; comments and trailing commas', t => {
	const file = read('gemini-settings.json');
	const [python, node, http, sse] = file.entries;
	t.like(python, {name: 'pythonTools', cwd: './mcp-servers/python', timeoutMs: 15000, trust: false, includeTools: ['safe_tool', 'file_reader'], excludeTools: ['dangerous_tool']});
	t.like(node, {name: 'nodeServer', trust: true, description: 'A trusted local server'});
	t.like(http, {name: 'httpServer', transport: 'http', url: 'http://localhost:3000/mcp', timeoutMs: 5000, headers: {'X-Api-Key': 'gemini-header-secret'}});
	t.like(sse, {name: 'sseServer', transport: 'sse', url: 'http://localhost:8080/sse'});
	t.true(file.notes.includes("ignored the file's other settings: theme"));
	t.true(file.notes.some(note => /pythonTools: env DATABASE_URL use \$NAME/.test(note)));
});

test('a string holding a comma and a bracket is left as written, comments and trailing commas around it', t => {
	const file = parseClientFile('{"mcpServers": {"x": {"command": "a", "args": ["--sep", ", ]"]}}}', 'f.json');
	t.deepEqual(file.entries[0]!.args, ['--sep', ', ]']);
	const commented = parseClientFile('{"mcpServers": {"x": {"command": "a", // a comment, ]\n"args": ["--sep", ", ]", "/* kept */",],},},}', 'f.json');
	t.deepEqual(commented.entries[0]!.args, ['--sep', ', ]', '/* kept */']);
});

test('VS Code: the servers map with type, and the inputs an entry refers to', t => {
	const file = read('vscode-mcp.json');
	t.is(file.shape, 'servers');
	const [perplexity, fetch, remote, legacy] = file.entries;
	t.deepEqual(perplexity!.clientInputs, [{type: 'promptString', id: 'perplexity-key', description: 'Perplexity API Key', password: true}]);
	t.deepEqual(fetch!.clientKeys, {envFile: '${workspaceFolder}/.env'});
	t.like(remote, {transport: 'http', url: 'https://api.githubcopilot.com/mcp/'});
	t.like(legacy, {transport: 'sse'});
	t.true(file.notes.some(note => /Perplexity: asks for VS Code input\(s\) perplexity-key/.test(note)));
});

test('odd keys are kept (and reported), disabled is read, scalar env values become strings', t => {
	const file = read('odd-keys.json');
	const [cline, plain] = file.entries;
	t.false(cline!.enabled);
	t.deepEqual(cline!.env, {PORT: '8080', DEBUG: 'true'});
	t.deepEqual(cline!.clientKeys, {alwaysAllow: ['read_file'], autoApprove: [], 'x-vendor': {nested: {deep: [1, 2, 3]}}});
	t.deepEqual(plain!.clientKeys, {transportOptions: null});
	t.true(file.notes.some(note => note.startsWith('cline-style: kept key(s) we do not use: alwaysAllow, autoApprove, x-vendor')));
});

test('malformed files are one line naming the place', t => {
	const broken = t.throws(() => read('malformed.json'));
	t.true(broken instanceof ClientFileError);
	t.is(broken!.message, "malformed.json: not valid JSON at line 5, column 21: expected ','");
	const cases: Array<[string, RegExp]> = [
		['{"mcpServers": {"x": {"command": 3}}}', /^f.json: mcpServers.x: "command" must be a string$/],
		['{"mcpServers": {"x": {"args": ["a"]}}}', /^f.json: mcpServers.x: has neither "command" nor "url"$/],
		['{"servers": {"x": {"type": "websocket", "url": "ws://x"}}}', /^f.json: servers.x: "type" "websocket" is not one of stdio, http, sse$/],
		['{"mcpServers": {"x": {"command": "a", "env": {"A": {"b": 1}}}}}', /^f.json: mcpServers.x: "env.A" must be a string$/],
		['{"mcpServers": {"x y": {"command": "a"}}}', /^f.json: mcpServers.x y: the name "x y" is not allowed/],
		['{"mcpServers": {"x": {"command": "a", "timeout": -5}}}', /^f.json: mcpServers.x: "timeout" must be a positive whole number/],
		['{"theme": "dark"}', /^f.json: no server map found; expected "mcpServers"/],
		['[]', /^f.json: expected a JSON object/],
		['', /^f.json: the file is empty/],
		['{"mcpServers": {"x": {"command": "a"}}\n  "other": 1}', /^f.json: not valid JSON at line 2, column 3: expected ','$/],
		['{"mcpServers": {"x": {"command": "a", /* never closed', /^f.json: not valid JSON at line 1, column 39: a comment that is never closed$/],
	];
	for (const [text, message] of cases) t.regex(t.throws(() => parseClientFile(text, 'f.json'))!.message, message, text);
});

test('export then import gives the same entries, in every format', async t => {
	const orm = await openTempDatabase(t);
	const store = new ConfigStore(orm.em);
	const seeded = (await store.listServers()).length;
	for (const fixture of ['claude_desktop_config.json', 'cursor-mcp.json', 'gemini-settings.json', 'vscode-mcp.json', 'odd-keys.json']) {
		await store.importServers(read(fixture).entries.map(entry => ({...entry, name: `${path.basename(fixture, '.json')}-${entry.name}`})));
	}

	const stored = (await store.listServers()).map(server => fieldsOf(server));
	t.is(stored.length, seeded + 2 + 3 + 4 + 4 + 2);
	for (const format of CLIENT_FORMATS) {
		const first = exportClientFile(stored, format, {showSecrets: true});
		const again = await openTempDatabase(t, {seed: false});
		const other = new ConfigStore(again.em);
		const counts = await other.importServers(parseClientFile(JSON.stringify(first.json), `${format}.json`).entries);
		t.is(counts.created.length, stored.length, format);
		const reimported = (await other.listServers()).map(server => fieldsOf(server));
		t.deepEqual(exportClientFile(reimported, format, {showSecrets: true}).json, first.json, format);
		// Field for field, apart from our own servers' ${ECTOSMITH_PACKAGE}, which export resolves, and
		// VS Code's inputs, which only its own format has a place for.
		const resolved = stored.map(server => ({
			...server,
			args: server.args.map(arg => arg.replace('${ECTOSMITH_PACKAGE}', packageRoot())),
			clientInputs: format === 'vscode' ? server.clientInputs : null,
		}));
		t.deepEqual(reimported, resolved, format);
	}
});

test('export masks stored env and header values unless shown; references stay readable; our servers run from this package', t => {
	const file = read('cursor-mcp.json');
	const claude = read('claude_desktop_config.json');
	const {json, masked} = exportClientFile([...claude.entries, ...file.entries], 'claude');
	const text = JSON.stringify(json);
	t.false(text.includes('ghp_stored_secret_value_123'));
	t.false(text.includes('cursor-header-secret'));
	t.true(text.includes('${env:PGPASSWORD}'));
	t.is(masked, 2);
	t.true(JSON.stringify(exportClientFile(claude.entries, 'gemini', {showSecrets: true}).json).includes('ghp_stored_secret_value_123'));
});
