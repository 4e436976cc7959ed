/** True for a plain JSON-like object (not null, not an array). The one check of this kind. */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}
