/** `ectosmith export ID --format json|md [--out FILE]`: a self-contained record, secrets masked. */
import {openRecords} from '../app/open-records.js';
import {UsageError} from '../errors.js';
import {ExitCode} from '../exit-codes.js';
import {buildExport, EXPORT_FORMATS, ExportFileExistsError, exportToFile, isExportFormat, renderExport} from '../history/export.js';
import {escapeLine, sanitizeForTerminal} from '../terminal/sanitize.js';
import type {CliFlags} from './flags.js';
import {executionIdArgument} from './records-cli.js';

export async function exportCommand(args: string[], flags: CliFlags): Promise<number> {
	const id = executionIdArgument(args, 'export');
	const format = flags.format ?? 'json';
	if (!isExportFormat(format)) throw new UsageError(`Unknown --format "${format}". Use ${EXPORT_FORMATS.join(' or ')}.`);
	if (flags.out !== undefined && flags.out.trim() === '') throw new UsageError('--out needs a file name, e.g. --out execution-12.json');
	const records = await openRecords({...(flags.db === undefined ? {} : {db: flags.db})});
	try {
		if (flags.out === undefined) {
			// JSON is terminal-safe already; a Markdown transcript quotes the model and the user raw.
			const text = renderExport(await buildExport(records.orm, records.recorder, id), format);
			process.stdout.write(format === 'json' ? text : sanitizeForTerminal(text));
			return ExitCode.ok;
		}

		// Never over an existing file without --force.
		const written = await exportToFile(records.orm, records.recorder, id, flags.out, {format, overwrite: flags.force === true}).catch((error: unknown) => {
			if (error instanceof ExportFileExistsError) throw new UsageError(`${flags.out} already exists; pass --force to replace it.`);
			throw error;
		});
		process.stderr.write(`Exported execution #${id} (${written.executions} execution${written.executions === 1 ? '' : 's'} in its chain) to ${escapeLine(flags.out)}\n`);
		return ExitCode.ok;
	} finally {
		await records.close();
	}
}
