/**
 * Inside a small tmpfs (test/helpers/small-disk.ts) holding the database: a headless run (real CLI,
 * real tool servers, the project outside the tmpfs) whose database disk fills once the first write
 * call shows. Afterwards the disk is freed, a later start marks the row, and what the run printed
 * and what the row says are printed as one JSON line.
 */
import {spawn} from 'node:child_process';
import {cp, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {openDatabase} from '../../../source/db/orm.js';
import {importSeed} from '../../../source/db/seed.js';
import {packageRoot} from '../../../source/package-root.js';
import {Recorder} from '../../../source/records/recorder.js';
import {fixtureProjectPath} from '../phoenix-project.js';
import {realToolServers} from '../tool-servers.js';
import {tsxLoader} from '../tsx-loader.js';

const mount = process.argv[2]!;
const dbPath = join(mount, 'ectosmith.db');
const seeding = await openDatabase({dbPath});
await importSeed(seeding.em.fork(), {servers: realToolServers(), workflows: []});
await seeding.close(true);
const outside = await mkdtemp(join(tmpdir(), 'ectosmith-full-db-'));
const project = join(outside, 'my_app');
await cp(fixtureProjectPath(), project, {recursive: true});

const fill = async () => {
	await mkdir(join(mount, 'filler'), {recursive: true});
	const block = Buffer.alloc(4096, 'x');
	try {
		for (let index = 0; ; index++) await writeFile(join(mount, 'filler', String(index)), block);
	} catch {
		// Full.
	}
};

const env: NodeJS.ProcessEnv = {...process.env, XDG_STATE_HOME: outside, NO_COLOR: '1'};
delete env.GEMINI_API_KEY;
delete env.GOOGLE_API_KEY;
const child = spawn(process.execPath, ['--import', tsxLoader, join(packageRoot(), 'source/cli.tsx'), 'run', '--db', dbPath, '--project', project, 'Blog.Post posts title:string'], {
	env,
	stdio: ['ignore', 'pipe', 'pipe'],
});
let stdout = '';
let stderr = '';
let filling: Promise<void> | undefined;
child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
	stdout += chunk;
	if (filling === undefined && stdout.includes('→ generate_schema')) filling = fill();
});
child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
const code = await new Promise<number | null>(resolve => child.on('close', resolve));
await rm(join(mount, 'filler'), {recursive: true, force: true});

const orm = await openDatabase({dbPath, migrate: false, seed: false});
const recorder = new Recorder(orm);
await recorder.markInterrupted();
const execution = await recorder.getExecution(1);
await orm.close(true);
await rm(outside, {recursive: true, force: true});
console.log(JSON.stringify({code, stdout, stderr, status: execution.status, turnCount: execution.turnCount, errorMessage: execution.errorMessage}));
