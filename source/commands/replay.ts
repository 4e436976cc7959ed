/**
 * `ectosmith replay ID`: the terminal UI opened on the Replay screen of that execution (Esc goes
 * to the History list). An unknown id is refused with one line before the screen is taken over.
 */

import {openRecords} from '../app/open-records.js';
import type {CliFlags} from './flags.js';
import {executionIdArgument} from './records-cli.js';
import {tuiCommand} from './tui.js';

export async function replayCommand(args: string[], flags: CliFlags): Promise<number> {
	const id = executionIdArgument(args, 'replay');
	const records = await openRecords({...(flags.db === undefined ? {} : {db: flags.db})});
	try {
		await records.recorder.getExecution(id);
	} finally {
		await records.close();
	}

	return tuiCommand([], flags, {replay: id});
}
