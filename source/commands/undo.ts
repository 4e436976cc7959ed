/**
 * `ectosmith undo ID [--yes] [--force] [--project DIR]`: removes the files the execution created and
 * restores those it changed; refuses, naming the file, where one changed since (unless --force). An
 * imported execution is undone only in the project named by --project.
 */
import {openRecords} from '../app/open-records.js';
import {ExitCode} from '../exit-codes.js';
import {applyUndo, planUndo} from '../history/undo.js';
import {undoStepLine, undoSummary} from '../history/undo-text.js';
import {sanitizeLine} from '../terminal/sanitize.js';
import type {CliFlags} from './flags.js';
import {confirm, executionIdArgument} from './records-cli.js';

export async function undoCommand(args: string[], flags: CliFlags): Promise<number> {
	const id = executionIdArgument(args, 'undo');
	const records = await openRecords({...(flags.db === undefined ? {} : {db: flags.db})});
	try {
		const plan = await planUndo(records.recorder, id, {force: flags.force === true, ...(flags.project === undefined ? {} : {project: flags.project})});
		for (const skipped of plan.skipped) process.stderr.write(`Skipping ${sanitizeLine(skipped.path)}: ${skipped.reason}\n`);
		if (plan.steps.length === 0) {
			process.stdout.write(`Execution #${id} left no file to remove or restore.\n`);
		} else {
			const list = plan.steps.map(step => `  ${undoStepLine(step)}`).join('\n');
			process.stdout.write(`In ${sanitizeLine(plan.projectPath)}:\n${list}\n`);
			if (!(await confirm(`Undo execution #${id}?`, flags.yes))) {
				process.stdout.write('Nothing was changed.\n');
				return ExitCode.failed;
			}
		}

		const done = await applyUndo(records.orm, plan);
		process.stdout.write(`${undoSummary(id, done)}\n`);
		return ExitCode.ok;
	} finally {
		await records.close();
	}
}
