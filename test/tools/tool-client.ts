/** Test helpers: a real MCP client talking to one of our tool servers over stdio, and tree snapshots. */
import {readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {Client} from '@modelcontextprotocol/sdk/client/index.js';
import {StdioClientTransport} from '@modelcontextprotocol/sdk/client/stdio.js';
import {packageRoot} from '../../source/package-root.js';
import {tsxLoader} from '../helpers/tsx-loader.js';

export type ToolBin = 'elixir-ecto-gen-tool' | 'elixir-migration-gen-tool' | 'phoenix-context-gen-tool';

export interface ResultFile {
	path: string;
	action: string;
	content: string;
	would?: string;
	sha256_before?: string | null;
	sha256_after?: string;
	previous_content?: string;
	previous_truncated?: boolean;
}

export interface CallOutcome {
	isError: boolean;
	text: string;
	files: ResultFile[];
	nextSteps: string[];
	structured: Record<string, unknown> | undefined;
}

/**
 * Starts the server's TypeScript bin through tsx (no build needed), cwd = `cwd` (default package
 * root). With `uid`, the server drops to that user (and group) before loading: a root test runner
 * can then meet permission errors, which root itself never gets.
 */
export async function startToolServer(bin: ToolBin, cwd = packageRoot(), options: {uid?: number} = {}): Promise<Client> {
	const client = new Client({name: 'ectosmith-tools-test', version: '1.0.0'});
	const script = join(packageRoot(), 'source', 'tools', 'bin', `${bin}.ts`);
	const load =
		options.uid === undefined
			? [script]
			: ['--input-type=module', '--eval', `process.setgid(${options.uid}); process.setuid(${options.uid}); await import(${JSON.stringify(pathToFileURL(script).href)});`];
	const transport = new StdioClientTransport({
		command: process.execPath,
		// tsx resolved here, so the server also starts from a working directory outside the package.
		args: ['--import', tsxLoader, ...load],
		cwd,
		stderr: 'pipe',
	});
	await client.connect(transport);
	return client;
}

export async function callTool(client: Client, name: string, args: Record<string, unknown>): Promise<CallOutcome> {
	const result = await client.callTool({name, arguments: args});
	const content = Array.isArray(result.content) ? (result.content as Array<{type: string; text?: string}>) : [];
	const text = content.map(part => part.text ?? '').join('\n');
	const structured = result.structuredContent as Record<string, unknown> | undefined;
	return {
		isError: result.isError === true,
		text,
		files: (structured?.['files'] as ResultFile[] | undefined) ?? [],
		nextSteps: (structured?.['next_steps'] as string[] | undefined) ?? [],
		structured,
	};
}

/** Every file under root (relative path → content), to prove a call wrote nothing. */
export async function snapshotTree(root: string): Promise<Map<string, string>> {
	const files = new Map<string, string>();
	const walk = async (folder: string): Promise<void> => {
		for (const entry of await readdir(join(root, folder), {withFileTypes: true})) {
			const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
			if (entry.isDirectory()) await walk(path);
			else if (entry.isFile()) files.set(path, await readFile(join(root, path), 'utf8'));
			else files.set(path, '<link>');
		}
	};

	await walk('');
	return files;
}

export async function listDir(path: string): Promise<string[]> {
	return (await readdir(path)).sort();
}
