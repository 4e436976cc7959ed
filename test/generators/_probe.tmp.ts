import {buildSchemaSpec, renderSchema, renderMigration, buildContextSpec, renderContextFiles, renderEmptyMigration, GeneratorError} from '../../source/generators/index.js';
import {parseElixirTexts} from '../helpers/elixir.js';
import {plainProject, modernProject, scopedProject} from './projects.js';

const attrSets: string[][] = [
	[],
	['title'],
	['title:string:unique', 'body:text', 'views:integer:unique', 'price:decimal', 'ok:boolean:redact', 'meta:map'],
	['tags:array:string', 'nums:array:integer', 'ids:array:uuid', 'd:array:date', 'u:uuid:unique', 'b:binary:unique'],
	['status:enum:draft:published', 's2:enum:in-progress:done:ok?', 's3:enum:nil:true:false', 's4:enum:Elixir.Foo:a#{b}', 's5:enum:"q"'],
	['at:utc_datetime', 'at2:utc_datetime_usec:unique', 'n:naive_datetime', 'n2:datetime', 'n3:naive_datetime_usec', 'd:date:unique', 't:time', 't2:time_usec:unique'],
	['user_id:references:users', 'post_id:references:posts:unique', 'title:unique:redact', 'x:float:redact:unique'],
	['_private', 'camelCase:string', 'a1', 'ok_'],
];
const optionSets = [
	{},
	{binaryId: true},
	{primaryKey: 'post_id'},
	{binaryId: true, primaryKey: 'uuid', prefix: 'cms'},
	{table: 'cms_posts', repo: 'Foo.CustomRepo'},
	{noScope: true},
	{scope: 'organization'},
];
const projects = [plainProject, modernProject, scopedProject];
const files: Array<{path: string; content: string}> = [];
let n = 0;
for (const project of projects) for (const attrs of attrSets) for (const opts of optionSets) {
	for (const [schema, context] of [['Post', 'Blog'], ['Admin.UserProfile', 'Site.Blog']] as const) {
		try {
			const ctx = buildContextSpec(project, {context, schema, plural: 'posts', attrs, ...opts});
			const s = renderSchema(ctx.schema); const m = renderMigration(ctx.schema, '20250101000000');
			const r = renderContextFiles(ctx, {});
			const ns = buildContextSpec(project, {context, schema, plural: 'posts', attrs, ...opts, noSchema: true});
			const rn = renderContextFiles(ns, {});
			const id = `${n++}`;
			for (const f of [s, m, r.context, r.test, r.fixtures, rn.context]) files.push({path: `${id}/${f.path}`, content: f.content});
		} catch (e) {
			if (!(e instanceof GeneratorError)) { console.log('CRASH', project.app, attrs, opts, e); }
			else console.log('ERR', JSON.stringify(attrs), JSON.stringify(opts), (e as Error).message.slice(0, 120));
		}
	}
}
const failures = await parseElixirTexts(files);
console.log('files', files.length, 'failures', failures.length);
for (const f of failures.slice(0, 20)) console.log(f.file, f.error.slice(0, 300));
