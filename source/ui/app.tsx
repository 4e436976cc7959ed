/**
 * The application shell: the top bar of screens, the screen on show, the status bar, the help
 * overlay and the global keys (number keys, ?, q, Ctrl-C). It paints at once; the program's
 * services (database, MCP, providers) load after the first frame and reach the screens by context.
 */
import {Box, Text} from 'ink';
import {Component, type ReactNode, useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {sanitizeLine} from '../terminal/sanitize.js';
import {HelpOverlay, helpLines} from './components/help-overlay.js';
import {StatusBar} from './components/status-bar.js';
import {TopBar} from './components/top-bar.js';
import {useLatest} from './hooks/use-latest.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {KeyBusProvider, useKeys} from './keys/key-bus.js';
import {SCREENS} from './screens/index.js';
import type {ScreenEntry} from './screens/types.js';
import type {UiServices} from './services.js';
import {ServicesContext, type ServicesState, type UiOptions} from './services-context.js';
import {type RunIntent, type ShellApi, ShellContext, type ShellStatus} from './shell.js';

export interface AppProps {
	loadServices: () => Promise<UiServices>;
	options: UiOptions;
	/** Called once when the user quits. */
	onQuit: () => void;
	/** A render error: the caller leaves the screen and shows it. */
	onFatal?: (error: Error) => void;
	/** Runs a program on the real terminal (the caller leaves and re-enters the screen around it). */
	suspend?: <T>(work: () => T) => T;
	screens?: ScreenEntry[];
	/** First screen (default the first of the registry). */
	initialScreen?: string;
}

/** The smallest terminal the layout is drawn for; below it the screen says so instead of breaking. */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 20;
const CANCELLING = 'Cancelling the run… Ctrl-C again quits.';

class Boundary extends Component<{onFatal?: (error: Error) => void; children: ReactNode}, {error?: Error}> {
	override state: {error?: Error} = {};
	static getDerivedStateFromError(error: Error) {
		return {error};
	}

	override componentDidCatch(error: Error) {
		this.props.onFatal?.(error);
	}

	override render() {
		if (this.state.error) return <Text>{`ectosmith: ${sanitizeLine(this.state.error.message)}`}</Text>;
		return this.props.children;
	}
}

export function App(props: AppProps) {
	return (
		<Boundary {...(props.onFatal ? {onFatal: props.onFatal} : {})}>
			<KeyBusProvider>
				<Shell {...props} />
			</KeyBusProvider>
		</Boundary>
	);
}

function Shell({loadServices, options, onQuit, suspend, screens = SCREENS, initialScreen}: AppProps) {
	const {columns, rows} = useTerminalSize();
	const [current, setCurrent] = useState(initialScreen ?? screens[0]!.id);
	const [help, setHelp] = useState(false);
	const [helpTop, setHelpTop] = useState(0);
	// Each screen reports its own status line; the bar shows the one on show.
	const [statuses, setStatuses] = useState<Record<string, ShellStatus>>({});
	// Set by the screen in a layout effect, read by the key handler: never a render late.
	const typing = useRef(false);
	// The same, for the top bar: while a field has the keys, it names the screen keys that still work.
	const [typingShown, setTypingShown] = useState(false);
	const [message, setMessage] = useState<string>();
	const [loaded, setLoaded] = useState<ServicesState>({options});
	const cancel = useRef<(() => void) | undefined>(undefined);
	const interrupts = useRef(0);
	const quitting = useRef(false);
	// A run handed to the Run screen, until it takes it.
	const runIntent = useRef<RunIntent | undefined>(undefined);
	const projectListeners = useRef(new Set<(projectPath: string) => void>());

	const quit = useCallback(() => {
		if (quitting.current) return;
		quitting.current = true;
		onQuit();
	}, [onQuit]);

	useEffect(() => {
		let live = true;
		// After the first frame: the heavy modules load while the user already sees the screen.
		const timer = setTimeout(() => {
			loadServices().then(
				services => live && setLoaded({services, options}),
				(error: unknown) => live && setLoaded({options, error: error instanceof Error ? error.message : String(error)}),
			);
		}, 0);
		return () => {
			live = false;
			clearTimeout(timer);
		};
	}, []);

	const apis = useMemo(
		() =>
			new Map(
				screens.map(screen => [
					screen.id,
					{
						setStatus: (status: ShellStatus) => setStatuses(known => ({...known, [screen.id]: status})),
						setTyping: (value: boolean) => {
							typing.current = value;
							setTypingShown(value);
						},
						setCancel: (next: (() => void) | undefined) => {
							cancel.current = next;
							// The run is over: "Cancelling…" no longer says what happens.
							if (!next) setMessage(shown => (shown === CANCELLING ? undefined : shown));
						},
						show: setCurrent,
						quit,
						requestRun: (intent: RunIntent) => {
							// The Run screen holds one conversation: a run in progress there keeps it.
							if (cancel.current) return false;
							runIntent.current = intent;
							setCurrent('run');
							return true;
						},
						takeRunIntent: () => {
							const intent = runIntent.current;
							runIntent.current = undefined;
							return intent;
						},
						suspend: <T,>(work: () => T) => (suspend ? suspend(work) : work()),
						projectChanged: (projectPath: string) => {
							for (const listener of projectListeners.current) listener(projectPath);
						},
						onProjectChanged: (listener: (projectPath: string) => void) => {
							projectListeners.current.add(listener);
							return () => projectListeners.current.delete(listener);
						},
					} satisfies ShellApi,
				]),
			),
		[quit, suspend, screens],
	);
	const status = statuses[current] ?? {text: loaded.services || loaded.error ? '' : 'Loading…', keys: []};

	// Too small: the message instead of the layout, whose screens stay mounted (a run goes on).
	const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
	// How far the help scrolls: its lines beyond the body, one row kept for the "more" line.
	const helpMax = help ? Math.max(0, helpLines({screens, current, width: columns - 2, height: rows - 3}).length - (rows - 4)) : 0;
	const latest = useLatest({help, message, tooSmall, helpMax});
	useKeys((input, key) => {
		const {help, message, tooSmall, helpMax} = latest.current;
		if (key.ctrl && input === 'c') {
			interrupts.current++;
			if (interrupts.current >= 2) return quit();
			if (cancel.current) {
				cancel.current();
				setMessage(CANCELLING);
			} else {
				setMessage('Press Ctrl-C again to quit.');
			}

			return;
		}

		interrupts.current = 0;
		// Nothing to press on a screen not drawn, except Ctrl-C.
		if (tooSmall) return;
		if (message) setMessage(undefined);
		if (help) {
			if (key.escape || input === '?' || input === 'q') setHelp(false);
			else if (input === 'j' || key.downArrow) setHelpTop(top => Math.min(helpMax, top + 1));
			else if (input === 'k' || key.upArrow) setHelpTop(top => Math.max(0, top - 1));
			return;
		}

		// F1..F5 and Alt-1..5 show a screen from anywhere, a text field included.
		const direct = screens.find((entry, index) => key.fn === index + 1 || (key.meta && !key.escape && entry.key === input));
		if (direct) return setCurrent(direct.id);
		if (typing.current) return;
		if (input === '?') {
			setHelpTop(0);
			return setHelp(true);
		}
		if (input === 'q') {
			if (cancel.current) setMessage('A run is in progress: Ctrl-C cancels it first.');
			else quit();
			return;
		}

		const screen = screens.find(entry => entry.key === input);
		if (screen) setCurrent(screen.id);
	});

	const bodyHeight = Math.max(3, rows - 3);
	const width = columns;
	return (
		<ServicesContext.Provider value={loaded}>
			{tooSmall ? <Text>{`Make the terminal at least ${MIN_COLUMNS}x${MIN_ROWS} to use ectosmith (it is ${columns}x${rows}).`}</Text> : null}
			{/* rows - 1 lines in all: Ink clears the whole terminal on every frame once its output is as tall as it. */}
			<Box display={tooSmall ? 'none' : 'flex'} flexDirection="column" width={width} height={rows - 1}>
				<TopBar screens={screens} current={current} width={width} typing={typingShown && !help} keys={help ? [{keys: 'Esc', does: 'close help'}] : status.keys} />
				<Box height={bodyHeight} width={width} flexDirection="column">
					{help ? <HelpOverlay screens={screens} current={current} width={width} height={bodyHeight} top={helpTop} /> : null}
					{screens.map(screen => {
						const Screen = screen.component;
						const active = !help && !tooSmall && screen.id === current;
						return (
							<ShellContext.Provider key={screen.id} value={apis.get(screen.id)!}>
								<Box display={active ? 'flex' : 'none'} width={width} height={bodyHeight}>
									<Screen width={width} height={bodyHeight} active={active} />
								</Box>
							</ShellContext.Provider>
						);
					})}
				</Box>
				<StatusBar text={status.text} width={width} {...(message ? {message} : {})} />
			</Box>
		</ServicesContext.Provider>
	);
}
