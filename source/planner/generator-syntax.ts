/**
 * One entity in the generators' own syntax: `Blog.Post posts title:string body:text`.
 * Attributes are passed on verbatim (Phoenix semantics: no type means string).
 */
import {checkAttr} from '../grammar/attribute.js';
import type {Parsed} from './types.js';
import {pluralize, underscore} from './words.js';

const MODULE = /^[A-Z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)*$/;
const PLURAL = /^[a-z_][a-z0-9_]*$/;

export interface GeneratorEntity {
	/** `Blog` for `Blog.Post`; absent for a bare `Post`. */
	context?: string;
	alias: string;
	plural: string;
	attrs: string[];
}

/**
 * Whether a clause is in generator syntax rather than English: a module, and either a dotted
 * module, a `name:type` token, or the module's own plural next to it (`Post posts`)
 * (so "Posts with a title" stays English).
 */
export function looksLikeGeneratorLine(clause: string): boolean {
	const tokens = clause.trim().split(/\s+/);
	const [module, plural] = tokens;
	if (!module || !MODULE.test(module) || ['A', 'An', 'The', 'I', 'We', 'My', 'Our'].includes(module)) return false;
	if (module.includes('.') || tokens.some(token => /^[a-z_][A-Za-z0-9_]*:[^:\s]/.test(token))) return true;
	return plural !== undefined && PLURAL.test(plural) && plural === pluralize(underscore(module));
}

export function parseGeneratorLine(clause: string): Parsed<GeneratorEntity> {
	const [module, plural, ...attrs] = clause.trim().split(/\s+/);
	if (!module || !MODULE.test(module)) {
		return {ok: false, message: `'${clause.trim()}': '${module ?? ''}' is not a module name like Blog.Post`};
	}

	if (!plural || !PLURAL.test(plural)) {
		return {ok: false, message: `'${clause.trim()}': the plural '${plural ?? ''}' must be lowercase snake_case, like posts`};
	}

	for (const attr of attrs) {
		const checked = checkAttr(attr);
		if (!checked.ok) return {ok: false, message: `'${module} ${plural} …': ${checked.message}`};
	}

	const segments = module.split('.');
	const alias = segments.pop()!;
	return {
		ok: true,
		value: {...(segments.length > 0 ? {context: segments.join('.')} : {}), alias, plural, attrs},
	};
}
