/**
 * Stored env values and headers are secrets: lists, logs, exports and the screen show a mask unless
 * the user asks (--show-secrets, or "reveal" in the form). A value that is only a reference to our
 * environment (`${GITHUB_TOKEN}`) holds no secret and is shown as it is.
 */
import {isOnlyReferences} from './env-references.js';

export const SECRET_MASK = '********';

export function maskValue(value: string): string {
	return isOnlyReferences(value) ? value : SECRET_MASK;
}

export function maskValues(values: Record<string, string>, show = false): Record<string, string> {
	return show ? {...values} : Object.fromEntries(Object.entries(values).map(([key, value]) => [key, maskValue(value)]));
}

/** How many values a mask would hide. */
export function maskedCount(values: Record<string, string> | null | undefined): number {
	return Object.values(values ?? {}).filter(value => maskValue(value) === SECRET_MASK).length;
}
