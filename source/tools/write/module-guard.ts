/**
 * The on-disk half of the rule that a generator never replaces or injects into a module it does
 * not generate (the name half is source/generators/reserved-names.ts). Every generating tool's
 * files pass through it (apply-files.ts): an existing file is replaced or injected into only when
 * it defines the module being generated, as a module of the kind the tool writes (a schema file
 * must hold an Ecto schema, a context file a plain module...); a new file is refused when its
 * module is already defined in another file of lib/.
 */
import {structure} from '../../elixir/structure.js';
import {type DefinedModule, describeModule, type ModuleKind, modulesOf} from '../../phoenix-project/module-kind.js';
import {projectModules} from '../../phoenix-project/read-project.js';
import {type PlannedWrite, WriteRefusedError} from './safe-writer.js';

/** What a generated file holds. */
export type GeneratedKind = 'schema' | 'context' | 'test' | 'fixtures' | 'migration';

/** The kinds of existing module each generated kind may replace or inject into. */
const ACCEPTS: Record<GeneratedKind, {kinds: ModuleKind[]; what: string}> = {
	schema: {kinds: ['schema'], what: 'an Ecto schema'},
	context: {kinds: ['plain'], what: 'a context (a plain module without `use`)'},
	fixtures: {kinds: ['plain'], what: 'a fixtures module (a plain module without `use`)'},
	test: {kinds: ['test'], what: 'a test module'},
	migration: {kinds: ['migration'], what: 'an Ecto migration'},
};

export interface GuardedWrite extends PlannedWrite {
	kind?: GeneratedKind;
}

/** The module a generated text defines (its first top-level module). */
function generatedModule(content: string): string | undefined {
	return structure(content).modules.find(module => module.depth === 0)?.name;
}

/**
 * Throws WriteRefusedError, naming the module and the file, for the first write that would replace
 * or inject into a module the tool does not generate. `base` is the project's base module.
 */
export async function assertGeneratedModules(root: string, base: string, writes: GuardedWrite[]): Promise<void> {
	let libModules: DefinedModule[] | undefined;
	for (const write of writes) {
		if (write.kind === undefined || write.action === 'unchanged') continue;
		const expected = generatedModule(write.content);
		if (expected === undefined) continue;
		const accepts = ACCEPTS[write.kind];
		if (write.previous !== undefined) {
			const verb = write.action === 'injected' ? 'inject into' : 'replace';
			if (structure(write.previous).error) {
				throw new WriteRefusedError(`Refusing to ${verb} "${write.path}": it is not valid Elixir, so what it defines cannot be told; fix it, or remove it to have it created.`, {path: write.path});
			}

			const defined = modulesOf(write.path, write.previous, base);
			const found = defined.find(module => module.module === expected);
			if (!found) {
				const names = defined.map(module => module.module);
				throw new WriteRefusedError(
					`Refusing to ${verb} "${write.path}": it defines ${names.length > 0 ? names.join(', ') : 'no module'}, not ${expected}; a generator never ${write.action === 'injected' ? 'injects into' : 'replaces'} a module it does not generate. Choose another name, or move that file away.`,
					{path: write.path},
				);
			}

			if (!accepts.kinds.includes(found.kind)) {
				throw new WriteRefusedError(
					`Refusing to ${verb} "${write.path}": ${expected} there is ${describeModule(found)}, not ${accepts.what}; a generator never ${write.action === 'injected' ? 'injects into' : 'replaces'} a module it does not generate. Choose another name.`,
					{path: write.path},
				);
			}
		} else if (write.kind === 'schema' || write.kind === 'context') {
			libModules ??= (await projectModules(root, base, 'lib')).modules;
			const elsewhere = libModules.find(module => module.module === expected && module.file !== write.path);
			if (elsewhere) {
				throw new WriteRefusedError(
					`Refusing to create "${write.path}": ${expected} is already defined in ${elsewhere.file} (${describeModule(elsewhere)}); a second definition would not compile. Choose another name.`,
					{path: write.path},
				);
			}
		}
	}
}
