/**
 * Ctrl-G: the description in $VISUAL or $EDITOR (default vi) for a long text. Runs on the real
 * terminal (the caller suspends the screen around it); returns the new text, or undefined when
 * the editor failed or was left without saving a change.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

export function editorCommand(env: NodeJS.ProcessEnv = process.env): string {
	return env['VISUAL'] || env['EDITOR'] || 'vi';
}

export function openEditor(text: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
	const folder = mkdtempSync(path.join(tmpdir(), 'ectosmith-description-'));
	const file = path.join(folder, 'description.txt');
	try {
		writeFileSync(file, text);
		// The command may carry arguments ("code --wait"): the shell splits it, the file is quoted.
		const result = spawnSync(`${editorCommand(env)} "$ECTOSMITH_EDIT_FILE"`, {shell: true, stdio: 'inherit', env: {...env, ECTOSMITH_EDIT_FILE: file}});
		if (result.status !== 0) return undefined;
		const edited = readFileSync(file, 'utf8').replace(/\n+$/, '');
		return edited === text ? undefined : edited;
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
}
