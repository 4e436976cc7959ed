/**
 * `ectosmith show ID`: the whole transcript of an execution (its follow-up chain first), drawn by
 * the headless renderer from the replayed events, so it reads as the run did; --json prints the
 * full record in the export format (secrets masked). Both scrub the known secret values.
 */
import {openRecords} from '../app/open-records.js';
import {knownSecretValues} from '../config/known-secrets.js';
import {replayEvents} from '../engine/replay.js';
import {ExitCode} from '../exit-codes.js';
import {buildExport} from '../history/export.js';
import {scrubSecretStrings} from '../log/redact.js';
import type {CliFlags} from './flags.js';
import {executionIdArgument, wantsColor} from './records-cli.js';
import {terminalSafeJson} from './render-json.js';
import {createTextRenderer} from './render-text.js';

export async function showCommand(args: string[], flags: CliFlags): Promise<number> {
	const id = executionIdArgument(args, 'show');
	const records = await openRecords({...(flags.db === undefined ? {} : {db: flags.db})});
	try {
		if (flags.json) {
			process.stdout.write(`${terminalSafeJson(await buildExport(records.orm, records.recorder, id), 2)}\n`);
			return ExitCode.ok;
		}

		const render = createTextRenderer(process.stdout, {verbose: true, color: wantsColor(process.stdout), columns: process.stdout.columns || 120});
		// The record is scrubbed as it is written; a record older than that, or a value set since, is scrubbed here.
		const secrets = await knownSecretValues(records.orm.em);
		for (const event of await replayEvents(records.recorder, id)) render(scrubSecretStrings(event, secrets));
		const execution = await records.recorder.getExecution(id);
		if (execution.dryRun) process.stdout.write('A dry run: every writing call was only planned; nothing was written.\n');
		if (execution.undoneAt) process.stdout.write(`Undone on ${execution.undoneAt.toISOString()}: its files were removed or restored.\n`);
		return ExitCode.ok;
	} finally {
		await records.close();
	}
}
