/** `ectosmith delete ID [--yes]`: removes an execution and its messages (its follow-ups are kept, unlinked). */
import {openRecords} from '../app/open-records.js';
import {Execution} from '../db/entities/index.js';
import {ExitCode} from '../exit-codes.js';
import type {CliFlags} from '../cli/flags.js';
import {confirm, executionIdArgument} from './records-cli.js';

export async function deleteCommand(args: string[], flags: CliFlags): Promise<number> {
	const id = executionIdArgument(args, 'delete');
	const records = await openRecords({...(flags.db === undefined ? {} : {db: flags.db})});
	try {
		const execution = await records.recorder.getExecution(id);
		if (execution.status === 'STARTED') {
			process.stderr.write(`ectosmith: execution #${id} is still running; delete it once it has finished.\n`);
			return ExitCode.failed;
		}

		if (!(await confirm(`Delete execution #${id} and its messages from the record? The files it wrote stay.`, flags.yes))) {
			process.stdout.write('Nothing was deleted.\n');
			return ExitCode.failed;
		}

		// Messages go by ON DELETE CASCADE, follow-ups are unlinked by ON DELETE SET NULL.
		await records.orm.em.fork().nativeDelete(Execution, {id});
		process.stdout.write(`Deleted execution #${id}.\n`);
		return ExitCode.ok;
	} finally {
		await records.close();
	}
}
