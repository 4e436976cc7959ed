/**
 * Column types of the history tables (executions, messages) that bound what they store and keep out
 * what SQLite's text cannot take, for every writer (the recorder, an import), in one place.
 */
import {JsonType, type Platform, type TransformContext, Type} from '@mikro-orm/core';
import {storableJson, storableText} from '../stored-values.js';

/** A text column: NUL shown as U+2400, at most maxStoredTextBytes with a marker saying how much was cut. */
export class StoredText extends Type<string | null | undefined, string | null | undefined> {
	override convertToDatabaseValue(value: string | null | undefined): string | null | undefined {
		return typeof value === 'string' ? storableText(value) : value;
	}

	override getColumnType(): string {
		return 'text';
	}

	override compareAsType(): string {
		return 'string';
	}

	override get runtimeType(): string {
		return 'string';
	}
}

/**
 * A JSON column: at most maxStoredJsonBytes serialized, long strings cut with a marker first. On
 * PostgreSQL `json`, not `jsonb`: jsonb refuses \u0000, which a tool's arguments or results may hold
 * and a record must keep exactly (SQLite keeps the text as it is either way).
 */
export class StoredJson extends JsonType {
	override convertToDatabaseValue(value: unknown, platform: Platform, context?: TransformContext): string | null {
		return super.convertToDatabaseValue(value == null ? value : storableJson(value), platform, context);
	}

	override getColumnType(prop: Parameters<JsonType['getColumnType']>[0], platform: Platform): string {
		const type = super.getColumnType(prop, platform);
		return type === 'jsonb' ? 'json' : type;
	}
}
