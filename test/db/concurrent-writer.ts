// Child process for the two-writers test: opens the database given as argv[2] and records
// argv[3] executions with a few messages each, as fast as it can.
import {openDatabase} from '../../source/db/orm.js';
import {Recorder} from '../../source/records/recorder.js';

const [dbPath, countText, label] = process.argv.slice(2);
const orm = await openDatabase({dbPath: dbPath!});
try {
	const recorder = new Recorder(orm);
	for (let index = 0; index < Number(countText); index++) {
		const id = await recorder.startExecution({
			workflowName: 'elixir_crud_generator',
			description: `${label} #${index}`,
			targetProjectPath: '/tmp/p',
			provider: 'offline',
			model: 'offline',
		});
		await recorder.addMessage(id, {turnNumber: 0, role: 'user', contentText: `${label} #${index}`});
		await recorder.addMessage(id, {turnNumber: 1, role: 'model', contentText: 'ok', rawParts: [{text: 'ok'}]});
		await recorder.addUsage(id, {promptTokens: 1, outputTokens: 1, totalTokens: 2});
		await recorder.finishExecution(id, {status: 'COMPLETED', finalResponseText: 'ok', turnCount: 1});
	}
} finally {
	await orm.close(true);
}
