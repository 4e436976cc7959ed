// The tool servers import only what package.json declares (zod once came only through the MCP SDK).

import {readFile} from 'node:fs/promises';
import {builtinModules} from 'node:module';
import {dirname, join, resolve} from 'node:path';
import test from 'ava';
import {packageRoot} from '../../source/package-root.js';

test("every package reachable from the tool servers' bins is a declared dependency", async t => {
	const manifest = JSON.parse(await readFile(join(packageRoot(), 'package.json'), 'utf8')) as {dependencies?: Record<string, string>};
	const declared = new Set(Object.keys(manifest.dependencies ?? {}));
	const seen = new Set<string>();
	const packages = new Map<string, string>();
	const visit = async (file: string): Promise<void> => {
		if (seen.has(file)) return;
		seen.add(file);
		const text = await readFile(file, 'utf8');
		for (const match of text.matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)) {
			const specifier = match[1] ?? match[2]!;
			if (specifier.startsWith('.')) await visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
			else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) {
				const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
				packages.set(name, file);
			}
		}
	};

	for (const bin of ['elixir-ecto-gen-tool', 'elixir-migration-gen-tool', 'phoenix-context-gen-tool']) {
		await visit(join(packageRoot(), 'source/tools/bin', `${bin}.ts`));
	}

	t.true(seen.size > 20, `the walk reached the servers' modules (${seen.size})`);
	t.true(packages.has('zod') && packages.has('@modelcontextprotocol/sdk'));
	for (const [name, file] of packages) t.true(declared.has(name), `${name} (imported by ${file}) is not in package.json's dependencies`);
});
