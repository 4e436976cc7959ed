/**
 * Colours of the screen, in one place. NO_COLOR (any non-empty value) turns every colour off;
 * bold, dim and inverse stay, as the convention allows.
 */
import type {ExecutionStatus} from '../../records/statuses.js';
import type {Tone} from '../state/lines.js';

export const colorEnabled = (env: NodeJS.ProcessEnv = process.env): boolean => !env['NO_COLOR'];

const colors: Record<Tone, string | undefined> = {
	plain: undefined,
	user: 'green',
	model: 'cyan',
	answer: 'cyan',
	dim: undefined,
	error: 'red',
	ok: 'green',
	warn: 'yellow',
	accent: 'magenta',
	add: 'green',
	del: 'red',
	hunk: 'cyan',
};

export interface TextStyle {
	color?: string;
	dimColor?: boolean;
	bold?: boolean;
}

/** Text props for a tone; colours only when allowed. */
export function toneStyle(tone: Tone = 'plain', bold = false): TextStyle {
	const color = colorEnabled() ? colors[tone] : undefined;
	return {
		...(color === undefined ? {} : {color}),
		...(tone === 'dim' ? {dimColor: true} : {}),
		...(bold || tone === 'answer' ? {bold: true} : {}),
	};
}

/** An execution's status, coloured the same on every screen. */
export const STATUS_TONE: Record<ExecutionStatus, Tone> = {STARTED: 'accent', COMPLETED: 'ok', FAILED: 'error', CANCELLED: 'warn', INTERRUPTED: 'warn'};
