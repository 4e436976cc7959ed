/** `ectosmith delete ID [--yes]`: removes an execution and its messages (its follow-ups are kept, unlinked). */
import pluralize from 'pluralize';
import {openRecords} from '../app/open-records.js';
import {ExitCode} from '../exit-codes.js';
import {deleteExecution, deletionQuestion, planDeletion} from '../history/delete.js';
import type {CliFlags} from './flags.js';
import {confirm, executionIdArgument} from './records-cli.js';

export async function deleteCommand(args: string[], flags: CliFlags): Promise<number> {
	const id = executionIdArgument(args, 'delete');
	const records = await openRecords({...(flags.db === undefined ? {} : {db: flags.db})});
	try {
		const deletion = await planDeletion(records.orm, records.recorder, id);
		if (!(await confirm(deletionQuestion(deletion), flags.yes))) {
			process.stdout.write('Nothing was deleted.\n');
			return ExitCode.failed;
		}

		const deleted = await deleteExecution(records.orm, records.recorder, id);
		process.stdout.write(`Deleted execution #${id} and its ${pluralize('message', deleted.messages, true)}.\n`);
		return ExitCode.ok;
	} finally {
		await records.close();
	}
}
