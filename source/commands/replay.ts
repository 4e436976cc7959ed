/**
 * `ectosmith replay ID`: the recorded conversation step by step. Until the terminal UI's Replay
 * screen is in this build, prints the transcript as `show` does.
 */
import type {CliFlags} from '../cli/flags.js';
import {showCommand} from './show.js';

export async function replayCommand(args: string[], flags: CliFlags): Promise<number> {
	return showCommand(args, {...(flags.db === undefined ? {} : {db: flags.db})});
}
