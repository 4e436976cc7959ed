/**
 * The generators' view of the one attribute grammar (source/grammar/): the same rules, with the
 * grammar's AttributeError reported as the GeneratorError every tool turns into an error result.
 */
import {type Attr, AttributeError, assertFieldName as assertField, assertTableName as assertTable, parseAttrs as parseMany, parseAttr as parseOne} from '../grammar/attribute.js';
import {GeneratorError} from './errors.js';

export {
	ARRAY_INNER_TYPES,
	ATTRIBUTE_TYPES,
	type Attr,
	FIELD_NAME,
	MAX_ATTRIBUTES,
	MAX_ENUM_VALUES,
	MAX_IDENTIFIER_LENGTH,
	MAX_NAME_LENGTH,
	RESERVED_WORDS,
	TABLE_NAME,
} from '../grammar/attribute.js';

function asGeneratorError<T>(run: () => T): T {
	try {
		return run();
	} catch (error) {
		if (error instanceof AttributeError) throw new GeneratorError(error.message);
		throw error;
	}
}

export function parseAttr(spec: string): Attr {
	return asGeneratorError(() => parseOne(spec));
}

export function parseAttrs(specs: string[]): Attr[] {
	return asGeneratorError(() => parseMany(specs));
}

export function assertFieldName(name: string, what: string): void {
	asGeneratorError(() => assertField(name, what));
}

export function assertTableName(table: string, what: string): void {
	asGeneratorError(() => assertTable(table, what));
}
