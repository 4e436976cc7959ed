// Bundles the CLI and the three tool servers with esbuild, over tsc's output at the same paths
// (package.json's bin and the server entries seeded into users' databases point there), so a start
// reads a few files instead of thousands of modules. Commands load lazily: each dynamic import
// becomes a chunk under dist/bundle/, loaded only by the command that needs it.
import {readFileSync, rmSync} from 'node:fs';
import {build} from 'esbuild';

/**
 * meow's bundled dependencies build normalize-package-data (spdx licence tables, hosted-git-info)
 * when loaded, for `cli.pkg`, which we never read: about 60% of `ectosmith --version`. Built on
 * its first call instead. The build fails if meow's text changes (meow is pinned).
 */
const lazyPackageNormalizer = {
	name: 'lazy-package-normalizer',
	setup(esbuild) {
		esbuild.onLoad({filter: /[/\\]meow[/\\]build[/\\]dependencies\.js$/}, ({path}) => {
			const eager = 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);';
			const text = readFileSync(path, 'utf8');
			if (!text.includes(eager)) throw new Error(`${path}: meow's normalizePackageData is no longer built as expected; update scripts/bundle.js`);
			const lazy = 'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);';
			return {contents: text.replace(eager, lazy), loader: 'js'};
		});
	},
};

const entries = {
	'source/cli': 'source/cli.tsx',
	'source/tools/bin/elixir-ecto-gen-tool': 'source/tools/bin/elixir-ecto-gen-tool.ts',
	'source/tools/bin/elixir-migration-gen-tool': 'source/tools/bin/elixir-migration-gen-tool.ts',
	'source/tools/bin/phoenix-context-gen-tool': 'source/tools/bin/phoenix-context-gen-tool.ts',
	'source/tools/bin/phoenix-check-tool': 'source/tools/bin/phoenix-check-tool.ts',
};

/**
 * The external packages are CommonJS: imported from ESM, Node runs its export lexer over each file
 * they re-export (all of MikroORM's), about a fifth of `ectosmith history`. Loaded with require()
 * (the banner's) instead, the same modules without the lexer.
 */
const EXTERNALS = /^(sqlite3|knex|@mikro-orm\/[^/]+)(\/.*)?$/;
const requiredExternals = {
	name: 'required-externals',
	setup(esbuild) {
		esbuild.onResolve({filter: EXTERNALS}, ({path, namespace}) => (namespace === 'required-external' ? {path, external: true} : {path, namespace: 'required-external'}));
		esbuild.onLoad({filter: /.*/, namespace: 'required-external'}, ({path}) => ({contents: `module.exports = require(${JSON.stringify(path)});`, loader: 'js'}));
	},
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
	plugins: [lazyPackageNormalizer, requiredExternals],
	// React's, the reconciler's and the scheduler's production builds only: the TUI sets NODE_ENV to
	// production anyway, and the development builds (about 0.9 MB) were parsed at every start.
	define: {'process.env.NODE_ENV': '"production"'},
	// sqlite3 is native; MikroORM and knex load their drivers and dialects by dynamic require;
	// react-devtools-core is Ink's optional DEV=true dependency, not installed.
	external: ['sqlite3', '@mikro-orm/*', 'knex', 'react-devtools-core'],
	// The CommonJS packages in the bundle call require() for Node's own modules.
	banner: {js: "import {createRequire as __ectosmithRequire} from 'node:module';\nconst require = __ectosmithRequire(import.meta.url);"},
});
