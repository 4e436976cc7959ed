import type {ComponentType} from 'react';
import type {KeyHelp} from '../shell.js';

export interface ScreenProps {
	width: number;
	height: number;
	/** The screen on show; hidden screens stay mounted (a run goes on) but take no keys. */
	active: boolean;
}

export interface ScreenEntry {
	id: string;
	title: string;
	/** The number key that shows it. */
	key: string;
	component: ComponentType<ScreenProps>;
	/** Its keys, for the help overlay. */
	keys: KeyHelp[];
}
