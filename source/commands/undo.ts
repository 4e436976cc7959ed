/**
 * `ectosmith undo ID [--yes] [--force]`: removes the files the execution created and restores those
 * it changed; refuses, naming the file, where one changed since (unless --force).
 */
import {openRecords} from '../app/open-records.js';
import {ExitCode} from '../exit-codes.js';
import {applyUndo, planUndo} from '../history/undo.js';
import {sanitizeLine} from '../terminal/sanitize.js';
import type {CliFlags} from '../cli/flags.js';
import {confirm, executionIdArgument} from './records-cli.js';

export async function undoCommand(args: string[], flags: CliFlags): Promise<number> {
	const id = executionIdArgument(args, 'undo');
	const records = await openRecords({...(flags.db === undefined ? {} : {db: flags.db})});
	try {
		const plan = await planUndo(records.recorder, id, {force: flags.force === true});
		for (const skipped of plan.skipped) process.stderr.write(`Skipping ${sanitizeLine(skipped.path)}: ${skipped.reason}\n`);
		if (plan.steps.length === 0) {
			process.stdout.write(`Execution #${id} left no file to remove or restore.\n`);
		} else {
			const verbs = {remove: 'remove ', restore: 'restore', remove_folder: 'remove folder'} as const;
			const list = plan.steps.map(step => `  ${verbs[step.action]} ${sanitizeLine(step.path)}${step.action === 'remove_folder' ? '/' : ''}`).join('\n');
			process.stdout.write(`In ${sanitizeLine(plan.projectPath)}:\n${list}\n`);
			if (!(await confirm(`Undo execution #${id}?`, flags.yes))) {
				process.stdout.write('Nothing was changed.\n');
				return ExitCode.failed;
			}
		}

		const done = await applyUndo(records.orm, plan);
		const count = (action: (typeof done)[number]['action']) => done.filter(step => step.action === action).length;
		const folders = count('remove_folder') > 0 ? `, ${count('remove_folder')} emptied folder(s) removed` : '';
		process.stdout.write(`Undid execution #${id}: ${count('remove')} removed, ${count('restore')} restored${folders}.\n`);
		return ExitCode.ok;
	} finally {
		await records.close();
	}
}
