/**
 * What the Servers and Workflows screens share: the configuration services once loaded, the
 * entries read again whenever the screen is shown (another process may have edited them), and the
 * one-line message under the list (a failed read or edit is one).
 */
import {useCallback, useEffect, useState} from 'react';
import type {Notice} from '../components/config-frames.js';
import type {ConfigServices} from '../services.js';
import {useServices} from '../services-context.js';

/** `read` and `initial` must not change between renders (declare them outside the component). */
export function useConfigList<T>(active: boolean, read: (config: ConfigServices) => Promise<T>, initial: T) {
	const {services, error} = useServices();
	const config = services?.config;
	const [entries, setEntries] = useState<T>(initial);
	const [message, setMessage] = useState<Notice>();
	const fail = useCallback((failure: unknown) => setMessage({text: failure instanceof Error ? failure.message : String(failure), tone: 'error'}), []);

	const reload = useCallback(async () => {
		if (!config) return;
		try {
			setEntries(await read(config));
		} catch (failure) {
			fail(failure);
		}
	}, [config]);

	useEffect(() => {
		if (active) void reload();
	}, [active, reload]);

	return {config, error, entries, reload, message, setMessage, fail};
}
