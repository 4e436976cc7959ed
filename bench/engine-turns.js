// The engine's own cost per turn: N scripted turns, each calling a tool that answers at once (a
// real MCP server over stdio), every step recorded in a real SQLite file; against the same N tool
// calls made directly on the same connection. And the recorder's writes against the driver's raw
// insert rate in one transaction. Called by bench/run.js; `node bench/engine-turns.js [N]` alone.
import {cpSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const load = file => import(path.join(root, 'dist', file));

/** Milliseconds: the engine's run of `turns` tool turns, the same calls made directly, the raw inserts. */
export async function measureEngineTurns({turns = 1000} = {}) {
	const [{openDatabase}, {Recorder}, {McpService}, {WorkflowEngine}] = await Promise.all([
		load('source/db/orm.js'),
		load('source/records/recorder.js'),
		load('source/mcp/mcp-service.js'),
		load('source/engine/workflow-engine.js'),
	]);
	const scratch = mkdtempSync(path.join(tmpdir(), 'ectosmith-turns-'));
	const project = path.join(scratch, 'my_app');
	cpSync(path.join(root, 'fixtures/phoenix/my_app'), project, {recursive: true});
	const orm = await openDatabase({dbPath: path.join(scratch, 'turns.db')});
	const mcp = new McpService({requestTimeoutMs: 30_000, startTimeoutMs: 60_000});
	try {
		const [{name}] = await orm.em.getConnection().execute('select name from workflows order by id limit 1', [], 'all');
		const workflow = {
			name,
			description: 'bench',
			llmModel: 'bench-model',
			initialPromptTemplate: 'Generate for {{app_module}}:\n{{schema_description}}',
			maxConversationTurns: turns + 1,
			servers: [{name: 'instant', command: process.execPath, args: [path.join(root, 'bench/instant-server.js')], env: {}, description: 'answers at once'}],
		};
		let index = 0;
		const provider = {
			name: 'scripted',
			model: 'bench-model',
			async nextTurn() {
				index++;
				return index <= turns ? {text: '', functionCalls: [{name: 'echo', args: {}}]} : {text: 'done', functionCalls: []};
			},
		};
		const recorder = new Recorder(orm);
		const engine = new WorkflowEngine({config: {getWorkflow: async () => workflow, defaultWorkflow: async () => workflow}, recorder, mcp, providerFor: () => provider});
		const [binding] = await mcp.toolsFor(workflow.servers);
		// Warm: the server started, the first statements prepared.
		for (let i = 0; i < 20; i++) await mcp.callTool(binding, {});

		let start = performance.now();
		for (let i = 0; i < turns; i++) await mcp.callTool(binding, {});
		const direct = performance.now() - start;

		start = performance.now();
		const result = await engine.run({description: 'bench', projectPath: project});
		const engineMs = performance.now() - start;
		if (result.status !== 'COMPLETED') throw new Error(`the engine's run ended ${result.status}: ${result.errorMessage ?? ''}`);
		const connection = orm.em.getConnection();
		const [{count}] = await connection.execute('select count(*) as count from messages where execution_id = ?', [result.executionId], 'all');

		// The driver's raw rate: as many message rows, one statement each, in one transaction.
		start = performance.now();
		await orm.em.transactional(async em => {
			const inTransaction = em.getConnection();
			for (let i = 0; i < count; i++) {
				await inTransaction.execute(
					"insert into messages (execution_id, turn_number, role, content_text, timestamp, duration_ms, is_error) values (?, ?, 'model', 'x', ?, 0, 0)",
					[result.executionId, i, Date.now()],
					'run',
					em.getTransactionContext(),
				);
			}
		});
		const rawInserts = performance.now() - start;
		return {turns, messages: Number(count), engineMs, direct, rawInserts};
	} finally {
		await mcp.close();
		await orm.close(true);
		rmSync(scratch, {recursive: true, force: true});
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const figures = await measureEngineTurns({turns: Number(process.argv[2] ?? 1000)});
	const perTurn = (figures.engineMs - figures.direct) / figures.turns;
	console.log(`${figures.turns} turns: engine ${figures.engineMs.toFixed(0)} ms, the same calls direct ${figures.direct.toFixed(0)} ms: ${perTurn.toFixed(2)} ms of our own per turn`);
	console.log(
		`${figures.messages} messages recorded: ${(figures.engineMs / figures.messages).toFixed(2)} ms each in the run; raw inserts in one transaction ${(figures.rawInserts / figures.messages).toFixed(3)} ms each`,
	);
}
