/**
 * The Servers screen: every MCP server entry (name, command and args, description, the workflows
 * using it, enabled or not, its state when last tested), and the form to add or edit one. Keys: ↑↓
 * select, a add, Enter edit, t test, Space enable/disable, d delete (asks; refuses or offers to
 * detach while a workflow uses it).
 */
import {Box, Text} from 'ink';
import {useLayoutEffect, useState} from 'react';
import type {StoredServer} from '../../config/config-store.js';
import {sanitizeLine} from '../../terminal/sanitize.js';
import {FormFrame, ListFrame, LoadingFrame} from '../components/config-frames.js';
import {ServerForm} from '../components/server-form.js';
import {toneStyle} from '../components/theme.js';
import {useConfigList} from '../hooks/use-config-list.js';
import {useLatest} from '../hooks/use-latest.js';
import {useKeys} from '../keys/key-bus.js';
import type {ConfigServices} from '../services.js';
import {type KeyHelp, useShell} from '../shell.js';
import type {ScreenProps} from './types.js';

export const SERVERS_KEYS: KeyHelp[] = [
	{keys: '↑ ↓', does: 'select a server'},
	{keys: 'a / Enter', does: 'add / edit a server'},
	{keys: 't', does: 'test: start it and list its tools'},
	{keys: 'Space', does: 'enable or disable'},
	{keys: 'd', does: 'delete (asks first)'},
	{keys: 'Ctrl-S / Ctrl-T / Ctrl-R', does: 'in the form: save / test / reveal env values'},
];

type Mode = {kind: 'list'} | {kind: 'form'; server?: StoredServer};

const readServers = async (config: ConfigServices) => config.listServers();
const noServers: StoredServer[] = [];

export function ServersScreen({width, height, active}: ScreenProps) {
	const {config, error, entries: servers, reload, message, setMessage, fail} = useConfigList(active, readServers, noServers);
	const shell = useShell();
	const [selected, setSelected] = useState(0);
	const [mode, setMode] = useState<Mode>({kind: 'list'});
	const [probed, setProbed] = useState<Record<string, {text: string; ok: boolean}>>({});
	const [confirm, setConfirm] = useState<StoredServer>();

	useLayoutEffect(() => {
		if (!active) return;
		shell.setTyping(mode.kind === 'form');
		shell.setStatus({
			text: mode.kind === 'form' ? 'Editing an MCP server' : `${servers.length} MCP server(s)`,
			keys: mode.kind === 'form' ? [] : SERVERS_KEYS.slice(0, 5),
		});
	}, [active, mode, servers.length]);

	const latest = useLatest({servers, selected, confirm, mode});
	useKeys(
		(input, key) => {
			const {servers, selected, confirm} = latest.current;
			const server = servers[selected];
			if (!config) return;
			if (confirm) {
				if (confirm.usedBy.length === 0 && input === 'y') remove(confirm, false);
				else if (confirm.usedBy.length > 0 && input === 'D') remove(confirm, true);
				else if (input === 'n' || key.escape || input === 'y' || input === 'D') setConfirm(undefined);
				return;
			}

			setMessage(undefined);
			if (key.upArrow) setSelected(Math.max(0, selected - 1));
			else if (key.downArrow) setSelected(Math.min(servers.length - 1, selected + 1));
			else if (input === 'a') setMode({kind: 'form'});
			else if (server && (key.return || input === 'e')) setMode({kind: 'form', server});
			else if (server && input === 'd') setConfirm(server);
			else if (server && input === ' ') {
				config.setServerEnabled(server.name, !server.enabled).then(reload, fail);
			} else if (server && input === 't') {
				setProbed(known => ({...known, [server.name]: {text: `testing ${server.name}: starting it…`, ok: true}}));
				config.testServer(server).then(
					result =>
						setProbed(known => ({
							...known,
							[server.name]: result.ok
								? {
										text: `ok, ${result.tools.length} tool(s)${result.tools.some(tool => tool.geminiLosses.length > 0) ? ', Gemini drops some schema' : ''}`,
										ok: true,
									}
								: {text: `failed: ${result.error}${result.stderrTail.length > 0 ? ` (stderr: ${result.stderrTail.at(-1)})` : ''}`, ok: false},
						})),
					(failure: unknown) => setProbed(known => ({...known, [server.name]: {text: String(failure), ok: false}})),
				);
			}
		},
		{isActive: active && mode.kind === 'list'},
	);

	function remove(server: StoredServer, detach: boolean) {
		setConfirm(undefined);
		config!.removeServer(server.name, detach).then(({detachedFrom}) => {
			setMessage({text: `Deleted ${server.name}${detachedFrom.length > 0 ? `; detached from ${detachedFrom.join(', ')}` : ''}.`, tone: 'ok'});
			setSelected(index => Math.max(0, index - 1));
			void reload();
		}, fail);
	}

	if (!config) return <LoadingFrame width={width} height={height} error={error} />;

	if (mode.kind === 'form') {
		return (
			<FormFrame width={width} height={height}>
				<ServerForm
					{...(mode.server ? {initial: mode.server} : {})}
					otherNames={servers.map(server => server.name).filter(name => name !== mode.server?.name)}
					services={config}
					onDone={saved => {
						setMode({kind: 'list'});
						if (saved) setMessage({text: `Saved ${saved.name}.`, tone: 'ok'});
						void reload().then(
							() =>
								saved &&
								setSelected(
									Math.max(
										0,
										latest.current.servers.findIndex(server => server.name === saved.name),
									),
								),
						);
					}}
					width={width - 2}
					height={height}
					active={active}
				/>
			</FormFrame>
		);
	}

	const rows = Math.max(1, Math.floor((height - 4) / 2));
	const start = Math.max(0, Math.min(selected - rows + 1, servers.length - rows));
	return (
		<ListFrame
			width={width}
			height={height}
			title="MCP servers"
			empty={servers.length === 0 ? 'No MCP servers: press a to add one, or run `ectosmith servers import FILE`.' : undefined}
			question={
				confirm ? (confirm.usedBy.length > 0 ? `${confirm.name} is used by ${confirm.usedBy.join(', ')}. D: detach it from them and delete · n: keep it` : `Delete ${confirm.name}? y / n`) : undefined
			}
			message={message}
		>
			{servers.slice(start, start + rows).map((server, offset) => {
				const index = start + offset;
				const state = probed[server.name];
				const command = server.transport === 'stdio' ? [server.command, ...server.args].join(' ') : `${server.transport} ${server.url ?? ''}`;
				return (
					<Box key={server.name} flexDirection="column" width={width - 2}>
						<Text wrap="truncate-end" inverse={index === selected && active}>
							{sanitizeLine(`${server.enabled ? '●' : '○'} ${server.name.padEnd(26)} ${server.enabled ? 'on ' : 'off'}  ${command}`)}
						</Text>
						{/* The test's state first: a long description must not push it off an 80-column line. */}
						<Text wrap="truncate-end" dimColor>
							{'   '}
							{state ? <Text {...toneStyle(state.ok ? 'ok' : 'error')}>{sanitizeLine(`${state.text} · `)}</Text> : null}
							{sanitizeLine(`used by ${server.usedBy.join(', ') || 'no workflow'}${server.trust ? ' · trusted' : ''}${server.description ? ` · ${server.description}` : ''}`)}
						</Text>
					</Box>
				);
			})}
		</ListFrame>
	);
}
