/**
 * How the figures of the stats read, shared by `ectosmith stats` and the Stats screen so the two
 * say the same thing the same way: durations, costs, rates and token counts.
 */

/** 850 ms, 14.1 s, 3 min 5 s; "-" when there is none. */
export function formatDuration(ms: number | undefined): string {
	if (ms === undefined) return '-';
	if (ms < 1000) return `${ms} ms`;
	if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
	return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** $0.0123 (US dollars); "no price" when the price table has none for the model. */
export function formatCost(dollars: number | undefined): string {
	return dollars === undefined ? 'no price' : `$${dollars.toFixed(4)}`;
}

/** 0.3125 -> 31.3% */
export function formatRate(rate: number): string {
	return `${(rate * 100).toFixed(1)}%`;
}

/** 1234567 -> 1,234,567 */
export function formatCount(count: number): string {
	return count.toLocaleString('en-US');
}
