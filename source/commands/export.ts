/** `ectosmith export ID --format json|md [--out FILE]`: a self-contained record, secrets masked. */
import {writeFile} from 'node:fs/promises';
import {openRecords} from '../app/open-records.js';
import {UsageError} from '../errors.js';
import {ExitCode} from '../exit-codes.js';
import {buildExport, exportMarkdown} from '../history/export.js';
import type {CliFlags} from '../cli/flags.js';
import {terminalSafeJson} from './render-json.js';
import {executionIdArgument} from './records-cli.js';

const FORMATS = ['json', 'md'];

export async function exportCommand(args: string[], flags: CliFlags): Promise<number> {
	const id = executionIdArgument(args, 'export');
	const format = flags.format ?? 'json';
	if (!FORMATS.includes(format)) throw new UsageError(`Unknown --format "${format}". Use json or md.`);
	if (flags.out !== undefined && flags.out.trim() === '') throw new UsageError('--out needs a file name, e.g. --out execution-12.json');
	const records = await openRecords({...(flags.db === undefined ? {} : {db: flags.db})});
	try {
		const file = await buildExport(records.orm, records.recorder, id);
		const text = format === 'md' ? exportMarkdown(file) : `${terminalSafeJson(file, 2)}\n`;
		if (flags.out === undefined) {
			process.stdout.write(text);
		} else {
			// Never over an existing file without --force.
			await writeFile(flags.out, text, {flag: flags.force ? 'w' : 'wx'}).catch((error: NodeJS.ErrnoException) => {
				if (error.code === 'EEXIST') throw new UsageError(`${flags.out} already exists; pass --force to replace it.`);
				throw error;
			});
			process.stderr.write(`Exported execution #${id} (${file.executions.length} execution${file.executions.length === 1 ? '' : 's'} in its chain) to ${flags.out}\n`);
		}

		return ExitCode.ok;
	} finally {
		await records.close();
	}
}
