// Bundles the CLI and the three tool servers with esbuild, over tsc's output at the same paths
// (package.json's bin and the server entries seeded into users' databases point there), so a start
// reads a few files instead of thousands of modules. Commands load lazily: each dynamic import
// becomes a chunk under dist/bundle/, loaded only by the command that needs it.
import {rmSync} from 'node:fs';
import {build} from 'esbuild';

const entries = {
	'source/cli': 'source/cli.tsx',
	'source/tools/bin/elixir-ecto-gen-tool': 'source/tools/bin/elixir-ecto-gen-tool.ts',
	'source/tools/bin/elixir-migration-gen-tool': 'source/tools/bin/elixir-migration-gen-tool.ts',
	'source/tools/bin/phoenix-context-gen-tool': 'source/tools/bin/phoenix-context-gen-tool.ts',
};

rmSync(new URL('../dist/bundle', import.meta.url), {recursive: true, force: true});
await build({
	entryPoints: entries,
	outdir: 'dist',
	chunkNames: 'bundle/[name]-[hash]',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	sourcemap: true,
	logLevel: 'warning',
	// sqlite3 is native; MikroORM and knex load their drivers and dialects by dynamic require;
	// react-devtools-core is Ink's optional DEV=true dependency, not installed.
	external: ['sqlite3', '@mikro-orm/*', 'knex', 'react-devtools-core'],
	// The CommonJS packages in the bundle call require() for Node's own modules.
	banner: {js: "import {createRequire as __ectosmithRequire} from 'node:module';\nconst require = __ectosmithRequire(import.meta.url);"},
});
