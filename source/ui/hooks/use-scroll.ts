/**
 * The scroll position of a pane, in lines back from the newest (0 follows the end):
 * PageUp/PageDown, and j/k (g/G, arrows) when the pane has the focus.
 */

import {useState} from 'react';
import {useKeys} from '../keys/key-bus.js';

/** `pageKeys`: PageUp/PageDown scroll this pane even while another field has the focus. */
export function useScroll(page: number, options: {focused: boolean; active: boolean; pageKeys?: boolean}): [number, (offset: number) => void] {
	const [offset, setOffset] = useState(0);
	const step = Math.max(1, page - 1);
	useKeys(
		(input, key) => {
			if (key.pageUp) setOffset(value => value + step);
			else if (key.pageDown) setOffset(value => Math.max(0, value - step));
			else if (!options.focused) return;
			else if (input === 'k' || key.upArrow) setOffset(value => value + 1);
			else if (input === 'j' || key.downArrow) setOffset(value => Math.max(0, value - 1));
			else if (input === 'G' || key.end) setOffset(0);
			else if (input === 'g' || key.home) setOffset(Number.MAX_SAFE_INTEGER);
		},
		{isActive: options.active && (options.focused || options.pageKeys === true)},
	);
	return [offset, setOffset];
}
