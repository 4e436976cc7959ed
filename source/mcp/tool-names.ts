/**
 * Names the model sees for MCP tools.
 *
 * - A tool name offered by one server only is exposed as is; when two servers of a workflow offer
 *   the same name, both become `server__tool`.
 * - Gemini accepts function names matching ^[a-zA-Z_][a-zA-Z0-9_.-]{0,63}$. Other names are
 *   sanitised: every other character becomes "_", a leading "_" is added when the name does not
 *   start with a letter or "_", and names over 64 characters keep their first 55 characters plus
 *   "_" and 8 hex digits of the SHA-256 of the unsanitised name. Should two sanitised names still
 *   collide, the later ones get the same hash suffix. The mapping is deterministic: the same
 *   servers and tools always give the same names.
 */
import {createHash} from 'node:crypto';

export const GEMINI_NAME = /^[a-zA-Z_][a-zA-Z0-9_.-]{0,63}$/;
const MAX_LENGTH = 64;

function shortHash(text: string): string {
	return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

function withSuffix(name: string, original: string): string {
	return `${name.slice(0, MAX_LENGTH - 9)}_${shortHash(original)}`;
}

/** Makes a name acceptable to Gemini; valid names are returned unchanged. */
export function sanitizeToolName(name: string): string {
	if (GEMINI_NAME.test(name)) {
		return name;
	}

	let result = name.replaceAll(/[^a-zA-Z0-9_.-]/g, '_');
	if (!/^[a-zA-Z_]/.test(result)) {
		result = `_${result}`;
	}

	return result.length > MAX_LENGTH ? withSuffix(result, name) : result;
}

export interface NamedTool {
	serverName: string;
	toolName: string;
}

/** Exposed names for the tools, in the same order. */
export function exposedNames(tools: NamedTool[]): string[] {
	const servers = new Map<string, Set<string>>();
	for (const {serverName, toolName} of tools) {
		const owners = servers.get(toolName) ?? new Set<string>();
		owners.add(serverName);
		servers.set(toolName, owners);
	}

	const taken = new Set<string>();
	return tools.map(({serverName, toolName}) => {
		const clash = (servers.get(toolName)?.size ?? 0) > 1;
		const wanted = clash ? `${serverName}__${toolName}` : toolName;
		let name = sanitizeToolName(wanted);
		if (taken.has(name)) {
			name = withSuffix(name, wanted);
		}

		taken.add(name);
		return name;
	});
}
