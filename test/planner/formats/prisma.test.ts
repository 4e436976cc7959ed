import test from 'ava';
import {planOf} from './plan-of.js';

test('Prisma: optional ?, @unique, @default, @relation fields, enums, @@unique, @@map, list sides', t => {
	const planned = planOf(`enum Role {
  USER
  ADMIN
}

model User {
  id        Int      @id @default(autoincrement())
  email     String   @unique
  name      String?
  role      Role     @default(USER)
  posts     Post[]
  createdAt DateTime @default(now())
}

model Post {
  id        Int      @id @default(autoincrement())
  title     String   @db.VarChar(255)
  content   String?  @db.Text
  published Boolean  @default(false)
  author    User     @relation(fields: [authorId], references: [id])
  authorId  Int
  updatedAt DateTime @updatedAt

  @@unique([authorId, title])
  @@map("blog_posts")
}`);
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.tables, {
		users: 'email:string:unique name:string:optional role:enum:USER:ADMIN:default:USER',
		blog_posts: 'title:string content:text:optional published:boolean:default:false author_id:references:users',
	});
	t.deepEqual(planned.pairs, {blog_posts: [['author_id', 'title']]});
});

test('Prisma: DateTime @db.Date is a date', t => {
	const planned = planOf('model Subscription {\n  id       Int       @id @default(autoincrement())\n  plan     String\n  renewsOn DateTime? @db.Date\n}');
	if ('refused' in planned) return t.fail(planned.refused);
	t.is(planned.tables.subscriptions, 'plan:string renews_on:date:optional');
});

test('Prisma: a composite @@id is a unique pair in the order given, stated', t => {
	const planned = planOf(
		'model Crew {\n  id Int @id\n  name String\n}\nmodel Voyage {\n  id Int @id\n  port String\n}\nmodel CrewVoyage {\n  voyage   Voyage @relation(fields: [voyageId], references: [id])\n  voyageId Int\n  crew     Crew   @relation(fields: [crewId], references: [id])\n  crewId   Int\n  @@id([voyageId, crewId])\n}',
	);
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.pairs, {crew_voyages: [['voyage_id', 'crew_id']]});
	t.is(planned.tables.crew_voyages, 'voyage_id:references:voyages crew_id:references:crews');
});
