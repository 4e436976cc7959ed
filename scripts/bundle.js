// Bundles the CLI and the three tool servers with esbuild, over tsc's output at the same paths
// (package.json's bin and the server entries seeded into users' databases point there), so a start
// reads a few files instead of thousands of modules. Commands load lazily: each dynamic import
// becomes a chunk under dist/bundle/, loaded only by the command that needs it.
import {readFileSync, rmSync} from 'node:fs';
import {build} from 'esbuild';

/**
 * Start-up work of pinned dependencies that we never use, taken out of the bundle by replacing
 * their text; the build fails when a text is not found as many times as expected (after an upgrade).
 * - meow's bundled dependencies build normalize-package-data (spdx licence tables, hosted-git-info)
 *   when loaded, for `cli.pkg`, which we never read: about 60% of `ectosmith --version`. Built on
 *   its first call instead.
 * - yoga's wasm loader (Ink's layout) asks `typeof fetch`, which makes Node load its fetch
 *   (undici) before the first frame, and then fetches its own data: URL with it. Without fetch it
 *   decodes the same bytes directly.
 */
const PATCHES = [
	{
		file: /[/\\]meow[/\\]build[/\\]dependencies\.js$/,
		from: 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
		to: 'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);',
		count: 1,
	},
	{file: /[/\\]yoga-layout[/\\]dist[/\\]binaries[/\\]yoga-wasm-base64-esm\.js$/, from: '"function"!=typeof fetch', to: '!0', count: 2},
];
const patchDependencies = {
	name: 'patch-dependencies',
	setup(esbuild) {
		for (const {file, from, to, count} of PATCHES) {
			esbuild.onLoad({filter: file}, ({path}) => {
				const parts = readFileSync(path, 'utf8').split(from);
				if (parts.length - 1 !== count) throw new Error(`${path}: expected ${count} of ${JSON.stringify(from)}, found ${parts.length - 1}; update scripts/bundle.js`);
				return {contents: parts.join(to), loader: 'js'};
			});
		}
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
	plugins: [patchDependencies, requiredExternals],
	// React's, the reconciler's and the scheduler's production builds only: the TUI sets NODE_ENV to
	// production anyway, and the development builds (about 0.9 MB) were parsed at every start.
	define: {'process.env.NODE_ENV': '"production"'},
	// sqlite3 is native; MikroORM and knex load their drivers and dialects by dynamic require;
	// react-devtools-core is Ink's optional DEV=true dependency, not installed.
	external: ['sqlite3', '@mikro-orm/*', 'knex', 'react-devtools-core'],
	// The CommonJS packages in the bundle call require() for Node's own modules.
	banner: {js: "import {createRequire as __ectosmithRequire} from 'node:module';\nconst require = __ectosmithRequire(import.meta.url);"},
});
