/**
 * The one path from a generating tool's files to the disk: plan them through the guarded writer,
 * refuse any that would replace or inject into a module the tool does not generate, refuse any
 * whose result would not parse as Elixir, write them unless it is a dry run, and report each file
 * with what undo and the approval view need (hashes before and after, the previous content), and
 * the folders the write created.
 */

import {contentSha256} from '../../tool-results/content-hash.js';
import {type AppliedFiles, MAX_PREVIOUS_BYTES, type ResultFile} from '../../tool-results/output.js';
import {callJournal} from './journal.js';
import {assertGeneratedModules, type GeneratedKind} from './module-guard.js';
import {checkElixirSyntax} from './parse-check.js';
import {commitWrites, type FileToWrite, planWrites, WriteFailedError, WriteRefusedError} from './safe-writer.js';
import {commitUnlessStopping} from './shutdown.js';

/** A file a generating tool writes, with the kind of module it holds. */
export interface GeneratedWrite extends FileToWrite {
	kind?: GeneratedKind;
}

function bounded(text: string): {previous_content: string; previous_truncated?: true} {
	if (Buffer.byteLength(text, 'utf8') <= MAX_PREVIOUS_BYTES) return {previous_content: text};
	// Cut on a character boundary: a partial UTF-8 sequence at the end decodes to U+FFFD, dropped.
	const cut = Buffer.from(text, 'utf8')
		.subarray(0, MAX_PREVIOUS_BYTES)
		.toString('utf8')
		.replace(/\uFFFD$/, '');
	return {previous_content: cut, previous_truncated: true};
}

export async function applyFiles(root: string, base: string, files: GeneratedWrite[], options: {overwrite: boolean; dryRun: boolean}): Promise<AppliedFiles> {
	const plans = await planWrites(root, files, {overwrite: options.overwrite});
	const kinds = new Map(files.map(file => [file.path, file.kind]));
	await assertGeneratedModules(
		root,
		base,
		plans.map(plan => {
			const kind = kinds.get(plan.path);
			return kind === undefined ? plan : {...plan, kind};
		}),
	);
	const changed = plans.filter(plan => plan.action !== 'unchanged');
	const syntax = await checkElixirSyntax(changed);
	const [problem] = syntax.problems;
	if (problem) {
		throw new WriteRefusedError(
			`Refusing to write "${problem.path}": the result would not parse as Elixir (${problem.error}${syntax.checker === 'elixir' ? ', Code.string_to_quoted/1' : ''}). Fix the existing file, or remove it to have it created.`,
			{path: problem.path},
		);
	}

	const reported = plans.map((plan): ResultFile => {
		const hashes = {sha256_before: plan.previous === undefined ? null : contentSha256(plan.previous), sha256_after: contentSha256(plan.content)};
		const changedExisting = plan.previous !== undefined && plan.action !== 'unchanged';
		if (options.dryRun) {
			return {
				path: plan.path,
				action: 'planned',
				content: plan.content,
				would: plan.action,
				...hashes,
				...(plan.previous === undefined ? {} : bounded(plan.previous)),
			};
		}

		return {path: plan.path, action: plan.action, content: plan.content, ...hashes, ...(changedExisting ? bounded(plan.previous!) : {})};
	});
	if (options.dryRun) return {files: reported, createdFolders: []};
	const createdFolders = await commitUnlessStopping(async () => commitJournaled(root, plans, reported));
	return {files: reported, createdFolders};
}

/**
 * Commits with the call's journal around it (when its client asked for one): what is about to be
 * written goes to the journal first, so a client that dies meanwhile can still learn it. A journal
 * that cannot be written (a project without room for _build) does not stop the write.
 */
async function commitJournaled(root: string, plans: Awaited<ReturnType<typeof planWrites>>, reported: ResultFile[]): Promise<string[]> {
	const journal = callJournal(root);
	const kept = await journal?.write(reported).then(
		() => true,
		() => false,
	);
	try {
		const createdFolders = await commitWrites(root, plans);
		if (kept) await journal?.written(reported, createdFolders).catch(() => undefined);
		return createdFolders;
	} catch (error) {
		// A failed commit restored what it wrote: nothing reached the disk, so nothing to learn.
		if (kept && error instanceof WriteFailedError && error.restored) await journal?.discard();
		throw error;
	}
}

/** True when the result wrote (or would write) a migration file. */
export function wroteMigration(applied: AppliedFiles, migrationPaths: string[]): boolean {
	return applied.files.some(file => {
		const action = file.would ?? file.action;
		return migrationPaths.includes(file.path) && (action === 'created' || action === 'overwritten');
	});
}
