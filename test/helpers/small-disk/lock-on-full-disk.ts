/**
 * Inside a small tmpfs (test/helpers/small-disk.ts): copy the demo project there, fill the disk,
 * then ask the real schema server for a write. Prints the result and what is left under _build.
 */
import {cp, mkdir, readdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {callTool, startToolServer} from '../../tools/tool-client.js';
import {fixtureProjectPath} from '../phoenix-project.js';

const mount = process.argv[2]!;
const project = join(mount, 'my_app');
await cp(fixtureProjectPath(), project, {recursive: true});
await mkdir(join(mount, 'filler'));
const block = Buffer.alloc(1024, 'x');
try {
	for (let index = 0; ; index++) await writeFile(join(mount, 'filler', String(index)), block);
} catch {
	// Full: what the disk still has is less than a block.
}

const client = await startToolServer('elixir-ecto-gen-tool');
const result = await callTool(client, 'generate_schema', {project_path: project, schema: 'Blog.Post', plural: 'posts', attrs: ['title:string']});
await client.close();
const build = await readdir(join(project, '_build'), {recursive: true}).catch(() => []);
console.log(JSON.stringify({isError: result.isError, text: result.text, build, lib: await readdir(join(project, 'lib', 'my_app'))}));
