/** `ectosmith import FILE.json`: an exported execution chain into this database. */
import path from 'node:path';
import {openRecords} from '../app/open-records.js';
import {UsageError} from '../errors.js';
import {ExitCode} from '../exit-codes.js';
import {importExport, readExportFile} from '../history/import.js';
import {sanitizeLine} from '../terminal/sanitize.js';
import type {CliFlags} from './flags.js';

export async function importCommand(args: string[], flags: CliFlags): Promise<number> {
	if (args.length !== 1) throw new UsageError('`ectosmith import` takes one file written by `ectosmith export --format json`, e.g. ectosmith import execution-12.json');
	// Checked whole before the database is opened: a bad file changes nothing.
	const file = await readExportFile(path.resolve(args[0]!));
	const records = await openRecords({...(flags.db === undefined ? {} : {db: flags.db})});
	try {
		const result = await importExport(records.orm, file);
		for (const {from, to} of result.ids) process.stdout.write(`Imported execution #${from} as #${to}\n`);
		if (result.createdWorkflows.length > 0) {
			process.stdout.write(`Created workflow(s) without servers: ${result.createdWorkflows.map(name => sanitizeLine(name)).join(', ')}\n`);
		}

		return ExitCode.ok;
	} finally {
		await records.close();
	}
}
