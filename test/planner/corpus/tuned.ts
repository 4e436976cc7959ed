/**
 * The tuned set: descriptions in the categories issue 18 lists (chatter, pasted structure,
 * bracketed hints, optional wording, enums without brackets, relations in prose, times, flags,
 * defaults and units, typos), written to develop the tolerant reader against. See held-out.ts for
 * the set the planner was not tuned on.
 */
import type {CorpusCase} from './types.js';

export const tuned: CorpusCase[] = [
	// ---- chatter around the data
	{
		kind: 'english',
		text: 'Hey team, quick request for the bakery app. Cakes have a name, a price and a description. That is all for now, thanks!',
		tables: {cakes: 'name:string price:decimal description:text'},
		states: /That is all for now/,
	},
	{
		kind: 'english',
		text: 'Context: we are moving off spreadsheets. Suppliers have a name and an email. Let me know what you think.',
		tables: {suppliers: 'name:string email:string'},
	},
	{
		kind: 'english',
		text: 'Feature request\n\nvolunteers with a name, a phone and an email. Is that enough?',
		tables: {volunteers: 'name:string phone:string email:string'},
	},
	{
		kind: 'english',
		text: 'I think we need guests with a name and an email. Not sure about the rest yet.',
		tables: {guests: 'name:string email:string'},
	},
	// ---- bracketed hints
	{
		kind: 'english',
		text: 'meters with a serial and a kwh (decimal, 3 dp)',
		tables: {meters: 'serial:string kwh:decimal'},
		states: /kwh: read '\(decimal, 3 ?dp\)' as decimal/,
	},
	{
		kind: 'english',
		text: 'sensors with a name and a temperature (like 21.1)',
		tables: {sensors: 'name:string temperature:float'},
	},
	{
		kind: 'english',
		text: 'pages with a title and a content (long text)',
		tables: {pages: 'title:string content:text'},
	},
	{
		kind: 'english',
		text: 'posts with a title and an abstract (up to a few paragraphs)',
		tables: {posts: 'title:string abstract:text'},
	},
	{
		kind: 'english',
		text: 'downloads with a file name and a byte size (big integer)',
		tables: {downloads: 'file_name:string byte_size:integer'},
	},
	{
		kind: 'english',
		text: 'languages with a name and an iso code (2-letter)',
		tables: {languages: 'name:string iso_code:string'},
	},
	{
		kind: 'english',
		text: 'teams with a name (no two may share a name)',
		tables: {teams: 'name:string:unique'},
	},
	{
		kind: 'english',
		text: 'products with a name and a price (decimal pls)',
		tables: {products: 'name:string price:decimal'},
	},
	// ---- optional wording
	{
		kind: 'english',
		text: 'races with a name; results belong to races, with a runner name and a finish time in seconds (empty for DNF)',
		tables: {races: 'name:string', results: 'race_id:references:races runner_name:string finish_time_seconds:integer:optional'},
	},
	{
		kind: 'english',
		text: 'invites with an email and an accepted at (null until the other person answers)',
		tables: {invites: 'email:string accepted_at:utc_datetime:optional'},
	},
	{
		kind: 'english',
		text: 'incidents with a title, an opened at and a closed at (blank while it is open)',
		tables: {incidents: 'title:string opened_at:utc_datetime closed_at:utc_datetime:optional'},
	},
	{
		kind: 'english',
		text: 'patients with a name and a birth date (can be unknown)',
		tables: {patients: 'name:string birth_date:date:optional'},
	},
	// ---- enums
	{
		kind: 'english',
		text: 'friend requests with a status pending, accepted, declined or blocked',
		tables: {friend_requests: 'status:enum:pending:accepted:declined:blocked'},
	},
	{
		kind: 'english',
		text: 'subjects: code, arm either placebo or treatment',
		tables: {subjects: 'code:string arm:enum:placebo:treatment'},
	},
	{
		kind: 'english',
		text: 'payments with an amount and a state (trialing/active/past_due/canceled)',
		tables: {payments: 'amount:decimal state:enum:trialing:active:past_due:canceled'},
	},
	{
		kind: 'english',
		text: 'tasks with a title and a priority (low/medium/high)',
		tables: {tasks: 'title:string priority:enum:low:medium:high'},
	},
	// ---- relations in prose
	{
		kind: 'english',
		text: 'Authors have many books. Each book belongs to an author and has a title.',
		tables: {authors: '', books: 'author_id:references:authors title:string'},
	},
	{
		kind: 'english',
		text: 'talks with a title and speakers (many to many)',
		tables: {talks: 'title:string', speakers: '', talk_speakers: 'talk_id:references:talks speaker_id:references:speakers'},
		pairs: {talk_speakers: ['talk_id', 'speaker_id']},
	},
	{
		kind: 'english',
		text: 'employees with a name and a manager (an employee)',
		tables: {employees: 'name:string manager_id:references:employees'},
	},
	{
		kind: 'english',
		text: 'users have one profile; profiles have a bio and an avatar url',
		tables: {users: '', profiles: 'bio:text avatar_url:string user_id:references:users:unique'},
	},
	{
		kind: 'english',
		text: 'subscriptions belong to users and plans, with a started on date',
		tables: {users: '', plans: '', subscriptions: 'user_id:references:users plan_id:references:plans started_on:date'},
	},
	// ---- times, flags, defaults, units
	{
		kind: 'english',
		text: 'parcels with a code, a shipped at, a picked up at and a weight in kg',
		tables: {parcels: 'code:string shipped_at:utc_datetime picked_up_at:utc_datetime weight_kg:float'},
	},
	{
		kind: 'english',
		text: 'documents with a title and a visibility (public or private) defaulting to public',
		tables: {documents: 'title:string visibility:enum:public:private:default:public'},
	},
	{
		kind: 'english',
		text: 'counters with a name and a value (starting at 0)',
		tables: {counters: 'name:string value:integer:default:0'},
	},
	{
		kind: 'english',
		text: 'alerts with a message and an acknowledged flag (false to begin with)',
		tables: {alerts: 'message:string acknowledged:boolean:default:false'},
	},
	{
		kind: 'english',
		text: 'videos with a title and a duration in seconds',
		tables: {videos: 'title:string duration_seconds:integer'},
	},
	// ---- typos and left-out words
	{
		kind: 'english',
		text: 'comments belogns to posts, with a body. posts have a title',
		tables: {posts: 'title:string', comments: 'post_id:references:posts body:text'},
		states: /read 'belogns' as 'belongs'/,
	},
	{
		kind: 'english',
		text: 'users with an email (unqiue) and a name',
		tables: {users: 'email:string:unique name:string'},
	},
	{
		kind: 'english',
		text: 'orders with a total, and make sure it is fast',
		tables: {orders: 'total:decimal'},
		leftOut: /make sure it is fast/,
	},
	{
		kind: 'english',
		text: 'seats: organization, user, assigned at; unique per organization and user',
		tables: {organizations: '', users: '', seats: 'organization_id:references:organizations user_id:references:users assigned_at:utc_datetime'},
		pairs: {seats: ['organization_id', 'user_id']},
	},
	// ---- refusals that steer
	{
		kind: 'english',
		text: 'can you make it faster please?',
		refuse: /make it faster|no entities/,
	},
	// ---- pasted structure
	{
		kind: 'structured',
		text: 'CREATE TABLE customers (\n  id int(11) NOT NULL AUTO_INCREMENT,\n  name varchar(100) NOT NULL,\n  email varchar(255) NOT NULL,\n  PRIMARY KEY (id),\n  UNIQUE KEY email (email)\n) ENGINE=InnoDB;',
		tables: {customers: 'name:string email:string:unique'},
	},
	{
		kind: 'structured',
		text: 'create_table :notes do |t|\n  t.string :title, null: false\n  t.text :body\n  t.timestamps\nend',
		tables: {notes: 'title:string body:text:optional'},
	},
	{
		kind: 'structured',
		text: 'model Post {\n  id    Int     @id @default(autoincrement())\n  title String\n  views Int     @default(0)\n}',
		tables: {posts: 'title:string views:integer:default:0'},
	},
	{
		kind: 'structured',
		text: 'interface Lead {\n  name: string;\n  email: string;\n  score?: number;\n}',
		tables: {leads: 'name:string email:string score:integer:optional'},
	},
	{
		kind: 'structured',
		text: 'mix phx.gen.schema Blog.Post posts title:string body:text',
		tables: {posts: 'title:string body:text'},
	},
	{
		kind: 'structured',
		text: 'defmodule MyApp.Shop.Product do\n  use Ecto.Schema\n  schema "products" do\n    field :name, :string\n    field :price, :decimal\n    timestamps()\n  end\nend',
		tables: {products: 'name:string price:decimal'},
	},
	{
		kind: 'structured',
		text: 'A user record looks like this:\n```json\n{"name": "Ada", "email": "ada@example.com", "admin": false}\n```',
		tables: {users: 'name:string email:string admin:boolean'},
	},
];
