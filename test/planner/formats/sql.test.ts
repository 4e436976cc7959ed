import test from 'ava';
import {planOf, tablesOf} from './plan-of.js';

const mysql = `CREATE TABLE \`users\` (
  \`id\` int(11) NOT NULL AUTO_INCREMENT,
  \`email\` varchar(255) NOT NULL,
  \`nickname\` varchar(32) DEFAULT NULL,
  \`active\` tinyint(1) NOT NULL DEFAULT 1,
  \`role\` enum('member','admin') NOT NULL DEFAULT 'member',
  \`created_at\` datetime DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (\`id\`),
  UNIQUE KEY \`email\` (\`email\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;`;

test('MySQL: sizes, NOT NULL, tinyint(1), enum, DEFAULT, UNIQUE KEY, ENGINE options', t => {
	t.deepEqual(tablesOf(mysql), {users: 'email:string:unique nickname:string:optional active:boolean:default:true role:enum:member:admin:default:member'});
});

test('PostgreSQL: REFERENCES, FOREIGN KEY clauses, composite UNIQUE, timestamptz, numeric', t => {
	const planned = planOf(`CREATE TABLE authors (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE IF NOT EXISTS public.books (
  id bigserial PRIMARY KEY,
  author_id integer NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
  editor_id integer,
  title character varying(200) NOT NULL,
  price numeric(10,2) NOT NULL DEFAULT 0,
  published_at timestamp with time zone,
  tags text[],
  CONSTRAINT books_editor_fk FOREIGN KEY (editor_id) REFERENCES authors (id),
  CONSTRAINT books_title_author UNIQUE (author_id, title)
);`);
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.tables, {
		authors: 'name:text',
		books: 'author_id:references:authors editor_id:references:authors:optional title:string price:decimal:default:0 published_at:utc_datetime:optional tags:array:text:optional',
	});
	t.deepEqual(planned.pairs, {books: [['author_id', 'title']]});
});

test('SQLite: INTEGER PRIMARY KEY, TEXT, REAL, a DEFAULT the grammar cannot say is stated', t => {
	const planned = planOf(`CREATE TABLE readings (id INTEGER PRIMARY KEY AUTOINCREMENT, sensor TEXT NOT NULL, value REAL NOT NULL, taken_at TEXT NOT NULL DEFAULT (datetime('now')));`);
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.tables, {readings: 'sensor:text value:float taken_at:text'});
	t.true(planned.assumptions.some(text => text.includes("datetime('now')")));
});

test('a uuid primary key gives binary ids; an undeclared user_id next to users is a stated reference', t => {
	const planned = planOf(`create table users (id uuid primary key, email citext not null unique);
create table sessions (id uuid primary key, user_id uuid not null, token varchar(64) not null);`);
	if ('refused' in planned) return t.fail(planned.refused);
	t.true(planned.binaryId);
	t.deepEqual(planned.tables, {users: 'email:string:unique', sessions: 'user_id:references:users token:string'});
	t.true(planned.assumptions.some(text => text.startsWith('user_id: a reference to users')));
});

test('PostgreSQL: CREATE TYPE ... AS ENUM makes a column of that type an Ecto.Enum of its values, with its DEFAULT', t => {
	const planned = planOf(`CREATE TYPE public.berth_size AS ENUM ('small', 'medium', 'large');
CREATE TYPE tide AS ENUM ('ebb', 'flood');
CREATE TABLE berths (
  id serial PRIMARY KEY,
  code text NOT NULL,
  size public.berth_size NOT NULL DEFAULT 'medium'::berth_size,
  tide_at_survey tide,
  surface pier_surface
);`);
	if ('refused' in planned) return t.fail(planned.refused);
	t.is(planned.tables.berths, 'code:text size:enum:small:medium:large:default:medium tide_at_survey:enum:ebb:flood:optional surface:string:optional');
	t.true(planned.assumptions.includes('surface: the SQL type pier_surface read as string'));
});

test('SQL: a composite PRIMARY KEY is a unique pair in the order given; UNIQUE (b, a) keeps its order too', t => {
	const planned = planOf(`CREATE TABLE playlists (id serial PRIMARY KEY, title text NOT NULL);
CREATE TABLE songs (id serial PRIMARY KEY, title text NOT NULL);
CREATE TABLE playlist_songs (
  song_id integer NOT NULL REFERENCES songs(id),
  playlist_id integer NOT NULL REFERENCES playlists(id),
  PRIMARY KEY (song_id, playlist_id)
);
CREATE TABLE plays (id serial PRIMARY KEY, song_id integer NOT NULL REFERENCES songs(id), played_on date NOT NULL, UNIQUE (song_id, played_on));`);
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.pairs, {playlist_songs: [['song_id', 'playlist_id']], plays: [['song_id', 'played_on']]});
	t.is(planned.tables.playlist_songs, 'song_id:references:songs playlist_id:references:playlists');
});
