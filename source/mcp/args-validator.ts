/** Checks tool arguments against the tool's JSON schema before the call, with messages a model can act on. */
import {Ajv, type ErrorObject, type Options, type ValidateFunction} from 'ajv';
import {Ajv2019} from 'ajv/dist/2019.js';
import {Ajv2020} from 'ajv/dist/2020.js';
import type {Logger} from '../log/types.js';

// strict: false because servers write schemas for many validators (unknown keywords and formats
// must not stop a call); logger: false because ajv would otherwise warn on the terminal.
const AJV_OPTIONS: Options = {allErrors: true, strict: false, logger: false, verbose: true};

type Draft = 'draft-07' | '2019-09' | '2020-12';

export class ArgsValidator {
	private readonly compiled = new WeakMap<object, ValidateFunction | undefined>();
	private readonly engines = new Map<Draft, Ajv | Ajv2019 | Ajv2020>();

	constructor(private readonly logger: Logger) {}

	/** Problems with args (empty when valid). Each schema object is compiled once. */
	validate(toolName: string, schema: Record<string, unknown>, args: unknown): string[] {
		if (typeof args !== 'object' || args === null || Array.isArray(args)) {
			return [`arguments must be a JSON object, got ${describeType(args)}`];
		}

		const validate = this.compile(toolName, schema);
		if (!validate || validate(args)) {
			return [];
		}

		return [...new Set((validate.errors ?? []).map(error => describeError(error)))];
	}

	private compile(toolName: string, schema: Record<string, unknown>): ValidateFunction | undefined {
		if (this.compiled.has(schema)) {
			return this.compiled.get(schema);
		}

		let validate: ValidateFunction | undefined;
		try {
			// Without $id the schema is not registered by id, so two tools may share one.
			const {$id: _id, $schema, ...rest} = schema;
			validate = this.engine(draftOf($schema)).compile(rest);
		} catch (error) {
			// The server validates anyway; an unusual schema must not make the tool unusable.
			this.logger.warn(`cannot compile the input schema of tool "${toolName}"; its arguments are not checked before calls`, {
				error,
			});
		}

		this.compiled.set(schema, validate);
		return validate;
	}

	private engine(draft: Draft): Ajv | Ajv2019 | Ajv2020 {
		let engine = this.engines.get(draft);
		if (!engine) {
			engine = draft === '2020-12' ? new Ajv2020(AJV_OPTIONS) : draft === '2019-09' ? new Ajv2019(AJV_OPTIONS) : new Ajv(AJV_OPTIONS);
			this.engines.set(draft, engine);
		}

		return engine;
	}
}

function draftOf($schema: unknown): Draft {
	if (typeof $schema === 'string') {
		if ($schema.includes('2020-12')) {
			return '2020-12';
		}

		if ($schema.includes('2019-09')) {
			return '2019-09';
		}
	}

	return 'draft-07';
}

/** JSON pointer "/fields/0/name" -> "fields[0].name". */
export function propertyPath(instancePath: string): string {
	if (instancePath === '') {
		return '';
	}

	return instancePath
		.split('/')
		.slice(1)
		.map(part => part.replaceAll('~1', '/').replaceAll('~0', '~'))
		.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}

function join(path: string, property: string): string {
	return path === '' ? property : `${path}.${property}`;
}

function describeType(value: unknown): string {
	if (value === null) {
		return 'null';
	}

	if (Array.isArray(value)) {
		return 'an array';
	}

	if (typeof value === 'string') {
		return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
	}

	if (typeof value === 'number' || typeof value === 'boolean') {
		return `${typeof value} ${String(value)}`;
	}

	return typeof value === 'object' ? 'an object' : typeof value;
}

function describeError(error: ErrorObject): string {
	const path = propertyPath(error.instancePath);
	const where = path === '' ? 'the arguments' : `property "${path}"`;
	const params = error.params as Record<string, unknown>;
	switch (error.keyword) {
		case 'required': {
			return `missing required property "${join(path, String(params.missingProperty))}"`;
		}

		case 'type': {
			return `${where} must be ${String(params.type)}, got ${describeType(error.data)}`;
		}

		case 'additionalProperties': {
			const properties = (error.parentSchema as {properties?: Record<string, unknown>} | undefined)?.properties;
			const allowed = properties ? `; allowed: ${Object.keys(properties).join(', ')}` : '';
			return `unknown property "${join(path, String(params.additionalProperty))}"${allowed}`;
		}

		case 'enum': {
			const values = (params.allowedValues as unknown[]).map(value => JSON.stringify(value)).join(', ');
			return `${where} must be one of ${values}, got ${JSON.stringify(error.data)}`;
		}

		case 'const': {
			return `${where} must be ${JSON.stringify(params.allowedValue)}, got ${JSON.stringify(error.data)}`;
		}

		default: {
			return `${where} ${error.message ?? 'is invalid'}`;
		}
	}
}
