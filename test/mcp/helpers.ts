/** Shared bits for the MCP tests: fixture server entries, temp folders and polling. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {McpServerConfig} from '../../source/config/types.js';
import {tsxLoader} from '../helpers/tsx-loader.js';

const fixturesFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures-servers');

export type FixtureName = 'basic-server' | 'exit-at-start' | 'never-initialize' | 'lossy-schema';

export function fixtureServer(name: string, fixture: FixtureName = 'basic-server', env: Record<string, string> = {}): McpServerConfig {
	return {
		name,
		command: process.execPath,
		args: ['--import', tsxLoader, path.join(fixturesFolder, `${fixture}.ts`)],
		env: {FIXTURE_LABEL: name, ...env},
		description: `test server ${name}`,
	};
}

export function tempFolder(prefix: string): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), `ectosmith-${prefix}-`));
}

/** Polls until the condition holds; a generous deadline only guards against hanging forever. */
export async function eventually(condition: () => boolean, what: string, deadlineMs = 15_000): Promise<void> {
	const end = Date.now() + deadlineMs;
	while (!condition()) {
		if (Date.now() > end) {
			throw new Error(`gave up waiting for: ${what}`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, 25);
		});
	}
}
