/**
 * A description cut into clauses (lines, sentences, `;`, " - ", list items), and a clause's
 * request wording ("I need", "please build", "the following:") taken off.
 */
import type {Word} from './words.js';

const REQUEST = [
	/^(?:hi|hello|hey)\b[!,.]?\s*/i,
	// Discourse markers before the data: "so basically", "I think we need", "ok so".
	/^(?:so|ok|okay|alright|basically|also|then|anyway|right)\b,?\s+/i,
	/^(?:i|we) (?:think|guess|believe|reckon|suppose)(?: that)?,?\s+/i,
	/^(?:please\s+)?(?:can|could|would) you(?: please)?\s+/i,
	/^(?:please\s+)?(?:i|we)(?:'d| would)? (?:need|want|like|would like)(?: to (?:keep track of|\w+))?\s+/i,
	// "We have invoices with …", "we've got boats", "there are rooms": the data follows.
	/^(?:(?:i|we|you)(?:'ve| have)(?: got)?|(?:i|we|you) got|there (?:are|is|will be)|there's)\s+(?=\S)/i,
	/^(?:please\s+)?(?:i|we)(?:'m|'re| am| are) (?:building|making|creating|writing|working on)\s+/i,
	/^(?:please\s+)?(?:let's|lets|let us) (?:build|make|create|model)\s+/i,
	/^(?:please\s+)?(?:build|create|make|generate|set up|setup|add|model|design|scaffold|give)(?: me| us)?\s+/i,
	/^please\s+/i,
	/^(?:need|needs|want|wanted|requesting)\s+(?=\S)/i,
	/^(?:to )?(?:track|manage|keep track of)\s+/i,
];

export interface Clause {
	text: string;
	tokens: Word[];
}

const HEADING = /^\s*(?:#{1,6}\s+(.+?)|\*\*(.+?)\*\*:?|([A-Za-z][\w ]{0,40}):)\s*$/;
const BULLET = /^\s*(?:[-*•+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.+?)\s*$/;

/**
 * "## Vehicles" (or "**Vehicle**", "Vehicles:") over bullets of single fields ("- make", "- year
 * (integer)", "- belongs to vehicle") is one statement: "Vehicles: make, year (integer), …".
 * Bullets that are statements of their own ("- products: name, price") stay lines.
 */
function joinHeadedLists(lines: string[]): string[] {
	const out: string[] = [];
	for (let at = 0; at < lines.length; at++) {
		const heading = HEADING.exec(lines[at]!);
		const name = heading ? (heading[1] ?? heading[2] ?? heading[3])!.replace(/[*#`]/g, '').trim() : undefined;
		const items: string[] = [];
		let end = at + 1;
		for (; end < lines.length && BULLET.test(lines[end]!); end++) items.push(BULLET.exec(lines[end]!)![1]!);
		const fieldsOnly = items.every(item => !/[:;]|\b(?:have|has|with)\b|\.\s/.test(item));
		if (name && name.split(/\s+/).length <= 3 && items.length > 0 && fieldsOnly) {
			out.push(`${name}: ${items.join(', ')}`);
			at = end - 1;
		} else out.push(lines[at]!.replace(/^\s*#{1,6}\s+/, ''));
	}

	return out;
}

/** Whether `rest` (after a " - ") holds bare values up to a closing " - ": "drama, comedy or horror - ". */
function valuesBetweenDashes(rest: string): boolean {
	const close = /\s[-—–]\s/.exec(rest);
	return close !== null && /^\s*[a-z0-9_]+(?:\s*,\s*[a-z0-9_]+)*,?\s+or\s+[a-z0-9_]+$/.test(rest.slice(0, close.index));
}

/** Lines, sentences, `;` and " - " separate clauses; list markers go. */
export function splitClauses(text: string): string[] {
	const out: string[] = [];
	for (const rawLine of joinHeadedLists(text.split(/\r?\n/))) {
		const line = rawLine.replace(/^\s*(?:[-*•+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '');
		let depth = 0;
		let current = '';
		let closing = false;
		for (let i = 0; i < line.length; i++) {
			const char = line[i]!;
			if (char === '(') depth++;
			if (char === ')') depth = Math.max(0, depth - 1);
			const next = line[i + 1];
			const stop = (char === '.' || char === '!' || char === '?') && (next === undefined || /\s/.test(next));
			const dash = (char === '-' || char === '—' || char === '–') && line[i - 1] === ' ' && next === ' ';
			if (dash && (closing || valuesBetweenDashes(line.slice(i + 1)))) {
				// "genre - drama, comedy or horror - and a link": the dashes set off a field's values.
				closing = !closing;
				current += char;
			} else if (depth === 0 && (char === ';' || stop || dash)) {
				out.push(current);
				current = '';
			} else {
				current += char;
			}
		}

		out.push(current);
	}

	return out.map(clause => clause.trim()).filter(clause => clause.length > 0);
}

export function stripRequest(text: string): string {
	let out = text;
	for (let changed = true; changed; ) {
		changed = false;
		for (const pattern of REQUEST) {
			const next = out.replace(pattern, '');
			if (next !== out) {
				out = next;
				changed = true;
			}
		}
	}

	// Hedges are not data: "walls just have a name for now" says "walls have a name".
	out = out
		.replace(/\b(?:just|only|simply|really)\s+(?=(?:have|has|need|needs|belong|belongs|contain|contains)\b)/gi, '')
		.replace(/\s+(?:for now|for the moment|for the time being|at the moment)\s*$/i, '');
	return out.replace(/^(?:the following|following)\s*:?\s*/i, '').replace(/^(?:a |an |the )?(?:schema|schemas|table|tables|model|models|database) (?:for|of|with)\s+/i, '');
}
