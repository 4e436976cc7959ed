// Child process for the team test: a teammate recording `count` executions, each with a follow-up,
// into the database given as argv[2], as fast as it can.
import {openDatabase} from '../../source/db/orm.js';
import {Recorder} from '../../source/records/recorder.js';

const [dbPath, countText, label] = process.argv.slice(2);
const orm = await openDatabase({dbPath: dbPath!});
try {
	const recorder = new Recorder(orm);
	for (let index = 0; index < Number(countText); index++) {
		let parent: number | undefined;
		for (const step of ['first', 'follow-up']) {
			const id = await recorder.startExecution({
				workflowName: 'elixir_crud_generator',
				description: `${label} #${index} ${step}`,
				targetProjectPath: '/tmp/p',
				provider: 'offline',
				model: 'offline',
				...(parent === undefined ? {} : {parentExecutionId: parent}),
			});
			for (let turn = 0; turn < 3; turn++) await recorder.addMessage(id, {turnNumber: turn, role: 'model', contentText: `${label} #${index} ${step} turn ${turn}`});
			await recorder.addUsage(id, {promptTokens: 1, outputTokens: 1, totalTokens: 2});
			await recorder.finishExecution(id, {status: 'COMPLETED', finalResponseText: 'ok', turnCount: 3});
			parent = id;
		}
	}
} finally {
	await orm.close(true);
}
