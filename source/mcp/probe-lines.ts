/**
 * The lines that show a probe's outcome (servers test, the form's Test). Kept apart from probe.ts so
 * the TUI's form can import it without loading the MCP client before the first paint.
 */

import {sanitizeLine} from '../terminal/sanitize.js';
import type {ProbeResult} from './probe.js';

/** The Test report as lines, shared by the command and the form. */
export function probeLines(result: ProbeResult, enabled = true): string[] {
	if (!result.ok) {
		return [sanitizeLine(result.error), ...(result.stderrTail.length > 0 ? ['Last lines of its stderr:', ...result.stderrTail.map(line => `  ${sanitizeLine(line)}`)] : [])];
	}

	const lines = [`Started; ${result.tools.length} tool(s)${enabled ? '' : ' (the entry is disabled: enable it to use them)'}:`];
	for (const tool of result.tools) {
		const marks = [tool.readOnly ? 'read-only' : 'writes', tool.offered ? '' : 'not offered (include/exclude)'].filter(Boolean).join(', ');
		lines.push(sanitizeLine(`  ${tool.name} [${marks}]${tool.description ? `: ${tool.description.split('\n')[0]}` : ''}`));
		for (const loss of tool.geminiLosses) lines.push(sanitizeLine(`    Gemini cannot express, dropped: ${loss}`));
	}

	return lines;
}
