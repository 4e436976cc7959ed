/**
 * Structured input first: a pasted schema is read by the reader of its format, exactly, before
 * any English reading is tried. The first format that detects itself reads the text; the prose
 * around the paste ("Porting this from our old PHP app, thoughts?") is left out and listed.
 */
import type {Reading} from '../draft.js';
import {ectoSchema} from './ecto-schema.js';
import {jsonRecord} from './json-record.js';
import {markdownTable} from './markdown-table.js';
import {phxGen} from './phx-gen.js';
import {prisma} from './prisma.js';
import {rails} from './rails.js';
import {sql} from './sql.js';
import {type Format, toReading} from './table.js';
import {typescript} from './typescript.js';

/** Most specific first: an Ecto schema or a SQL paste may contain braces a JSON reader would take. */
export const FORMATS: readonly Format[] = [phxGen, ectoSchema, sql, rails, prisma, typescript, markdownTable, jsonRecord];

/** Lines of prose outside the paste: outside code fences when there are fences. */
function prose(text: string): string[] {
	if (!text.includes('```')) return [];
	return text
		.split(/```[^\n]*\n[\s\S]*?```/)
		.flatMap(part => part.split('\n'))
		.map(line => line.trim())
		.filter(line => /[a-z]/i.test(line));
}

export function detectFormat(text: string): Format | undefined {
	return FORMATS.find(format => format.detect(text));
}

/** The reading of a pasted schema, a refusal naming the bad part, or undefined when the text is not one. */
export function readStructured(text: string): Reading | {ok: false; message: string} | undefined {
	const format = detectFormat(text);
	if (!format) return undefined;
	const read = format.read(text);
	if (!read.ok) return {ok: false, message: `Read as ${format.name}: ${read.message}.`};
	if (read.value.length === 0) return undefined;
	const around = prose(text);
	const ignored = [`read as ${format.name}`, ...around.map(line => `'${line.length > 80 ? `${line.slice(0, 77)}...` : line}': not part of the pasted ${format.name}`)];
	const reading = toReading(read.value, format.name, ignored);
	return reading.ok ? reading.value : {ok: false, message: `Read as ${format.name}: ${reading.message}.`};
}
