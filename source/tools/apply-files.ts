/** Plans a call's files through the guarded writer, writes them unless it is a dry run, reports. */
import {commitWrites, planWrites, type FileToWrite} from './safe-writer.js';
import type {ResultFile} from './tool-result.js';

export async function applyFiles(
	root: string,
	files: FileToWrite[],
	options: {overwrite: boolean; dryRun: boolean},
): Promise<ResultFile[]> {
	const plans = await planWrites(root, files, {overwrite: options.overwrite});
	if (!options.dryRun) await commitWrites(root, plans);
	return plans.map((plan) =>
		options.dryRun
			? {path: plan.path, action: 'planned', content: plan.content, would: plan.action}
			: {path: plan.path, action: plan.action, content: plan.content},
	);
}

/** True when the result wrote (or would write) a migration file. */
export function wroteMigration(files: ResultFile[], migrationPaths: string[]): boolean {
	return files.some((file) => {
		const action = file.would ?? file.action;
		return migrationPaths.includes(file.path) && (action === 'created' || action === 'overwritten');
	});
}
