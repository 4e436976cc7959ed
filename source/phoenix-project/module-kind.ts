/**
 * What an existing Elixir module of the project is (an Ecto schema, the repo, the application, a
 * Phoenix web module, a plain module such as a context...), read from its top-level `use` lines
 * with the one Elixir tokenizer. inspect_project lists schemas and contexts with it; the module
 * guard decides with it whether a generator may replace or inject into a file.
 */
import {type ModuleBlock, structure, usedModules} from '../elixir/structure.js';

export type ModuleKind =
	| 'schema'
	| 'repo'
	| 'migration'
	| 'application'
	| 'test'
	| 'web'
	| 'mailer'
	| 'gettext'
	| 'process'
	/** `use`s something else: a module built on another library */
	| 'other'
	/** no `use` at all: contexts, fixtures and plain helper modules */
	| 'plain';

export interface DefinedModule {
	module: string;
	file: string;
	kind: ModuleKind;
	/** What it `use`s at its top level. */
	uses: string[];
	/** For a schema: the table of `schema "posts"`. */
	table?: string;
	/** Its source refers to the Repo (alias or call): with kind plain, a context. */
	usesRepo: boolean;
	/** The text of its file. */
	source: string;
}

const BY_USE: Array<[RegExp, ModuleKind]> = [
	[/^Ecto\.Schema$/, 'schema'],
	[/^Ecto\.Repo$/, 'repo'],
	[/^Ecto\.Migration$/, 'migration'],
	[/^Application$/, 'application'],
	[/^(ExUnit\.Case|ExUnit\.CaseTemplate|.*Case)$/, 'test'],
	[/^Phoenix(\.|$)/, 'web'],
	[/^(Swoosh\.Mailer|Bamboo\.Mailer)$/, 'mailer'],
	[/^Gettext(\.|$)/, 'gettext'],
	[/^(GenServer|Supervisor|Agent|Task|DynamicSupervisor|GenStage|Oban\.Worker)$/, 'process'],
];

function kindOf(name: string, uses: string[], base: string): ModuleKind {
	if (name === `${base}Web` || name.startsWith(`${base}Web.`) || uses.some(used => used === `${base}Web` || used.startsWith(`${base}Web.`))) return 'web';
	for (const used of uses) {
		for (const [pattern, kind] of BY_USE) if (pattern.test(used)) return kind;
	}

	return uses.length > 0 ? 'other' : 'plain';
}

const DESCRIPTIONS: Record<ModuleKind, string> = {
	schema: 'an Ecto schema',
	repo: 'an Ecto repo',
	migration: 'an Ecto migration',
	application: 'the OTP application module',
	test: 'a test module',
	web: 'a Phoenix web module',
	mailer: 'a mailer',
	gettext: 'a Gettext backend',
	process: 'a process module (GenServer, Supervisor...)',
	other: 'a module built on another library',
	plain: 'a plain module',
};

/** "an Ecto repo (use Ecto.Repo)" */
export function describeModule(found: Pick<DefinedModule, 'kind' | 'uses'>): string {
	const uses = found.uses.length > 0 ? ` (use ${found.uses.join(', use ')})` : '';
	return `${DESCRIPTIONS[found.kind]}${uses}`;
}

function tableOf(module: ModuleBlock): string | undefined {
	const body = module.body;
	for (let i = 0; i < body.length; i++) {
		if (body[i]!.kind !== 'identifier' || body[i]!.text !== 'schema') continue;
		let j = i + 1;
		if (body[j]?.text === '(') j++;
		const literal = body[j];
		if (literal?.kind === 'literal' && /^"[^"\\#]*"$/.test(literal.text)) return literal.text.slice(1, -1);
	}

	return undefined;
}

/** The top-level modules a file defines, each with its kind; [] when it does not tokenize. */
export function modulesOf(file: string, text: string, base: string): DefinedModule[] {
	const found = structure(text);
	const usesRepo = /\balias\s+[\w.]*\bRepo\b/.test(text) || /\bRepo\.\w+[!?]?\(/.test(text);
	return found.modules
		.filter(module => module.depth === 0)
		.map(module => {
			const uses = usedModules(module);
			const kind = kindOf(module.name, uses, base);
			const table = kind === 'schema' ? tableOf(module) : undefined;
			return {module: module.name, file, kind, uses, usesRepo, source: text, ...(table === undefined ? {} : {table})};
		});
}
