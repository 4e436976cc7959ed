import {buildContextSpec, renderSchema, renderMigration, renderContextFiles} from '../../source/generators/index.js';
import {plainProject, scopedProject} from './projects.js';
const which = process.argv[2] ?? 'a';
const project = which === 'a' ? plainProject : scopedProject;
const ctx = buildContextSpec(project, {context: 'Blog', schema: 'Post', plural: 'posts', attrs: ['title:string:unique', 'body:text', 'views:integer:unique', 'price:decimal', 'ok:boolean:redact', 'meta:map', 'tags:array:string', 'status:enum:draft:published', 'u:uuid:unique', 'author_id:references:users'], ...(which === 'c' ? {binaryId: true, primaryKey: 'pk', prefix: 'cms'} : {})});
const r = renderContextFiles(ctx, {});
for (const f of [renderSchema(ctx.schema), renderMigration(ctx.schema, '20250101000000'), r.fixtures, r.test]) { console.log('=== ' + f.path); process.stdout.write(f.content); }
