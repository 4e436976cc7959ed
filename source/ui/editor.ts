/**
 * $VISUAL or $EDITOR (default vi) on the real terminal (the caller suspends the screen around it):
 * Ctrl-G edits the description there, and the Stats screen's p the price table.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

export function editorCommand(env: NodeJS.ProcessEnv = process.env): string {
	return env['VISUAL'] || env['EDITOR'] || 'vi';
}

/** Edits the file in place; false when the editor could not start or exited with an error. */
export function editFile(file: string, env: NodeJS.ProcessEnv = process.env): boolean {
	// The command may carry arguments ("code --wait"): the shell splits it, the file is quoted.
	const result = spawnSync(`${editorCommand(env)} "$ECTOSMITH_EDIT_FILE"`, {shell: true, stdio: 'inherit', env: {...env, ECTOSMITH_EDIT_FILE: file}});
	return result.status === 0;
}

/** The text edited in a temp file: the new text, or undefined when the editor failed or was left without a change. */
export function openEditor(text: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
	const folder = mkdtempSync(path.join(tmpdir(), 'ectosmith-description-'));
	const file = path.join(folder, 'description.txt');
	try {
		writeFileSync(file, text);
		if (!editFile(file, env)) return undefined;
		const edited = readFileSync(file, 'utf8').replace(/\n+$/, '');
		return edited === text ? undefined : edited;
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
}
