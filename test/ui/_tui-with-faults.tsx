/**
 * The real TUI command with two faults to set off, for the terminal tests of its ways out: key 9
 * shows a screen that throws while rendering (the error boundary), and SIGUSR2 throws an error
 * outside React (a timer callback). Arguments: --db, --project, --provider as for `ectosmith`.
 */
import {Text} from 'ink';
import {tuiCommand} from '../../source/commands/tui.js';
import {SCREENS} from '../../source/ui/screens/index.js';
import type {ScreenProps} from '../../source/ui/screens/types.js';

function BrokenScreen({active}: ScreenProps) {
	if (active) throw new Error('the screen broke\u001B[2J while rendering');
	return <Text>hidden</Text>;
}

process.on('SIGUSR2', () => {
	setImmediate(() => {
		throw new Error('thrown outside React\u001B[31m in a timer');
	});
});

const [, , ...rest] = process.argv;
const flag = (name: string) => rest[rest.indexOf(`--${name}`) + 1];
process.exitCode = await tuiCommand(
	[],
	{db: flag('db'), project: flag('project'), provider: flag('provider')},
	{
		screens: [...SCREENS, {id: 'broken', title: 'Broken', key: '9', component: BrokenScreen, keys: []}],
	},
);
