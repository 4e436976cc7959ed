/**
 * A third unseen set for issue 18's goal: 40 descriptions written by helper h18c on 2026-12-08,
 * as people write them in tickets, Slack, forum posts, READMEs and pasted schemas, with the schemas
 * a careful Phoenix developer would plan. Written without reading the planner (source/planner/),
 * the tuned or held-out sets or the suite's cases, and committed before the planner was run on
 * them: the planner was never tuned on this set.
 */
import type {CorpusCase} from './types.js';

export const unseen: CorpusCase[] = [
	// ---- English
	{
		kind: 'english',
		text: "hey! working on the climbing gym app. we need routes: a name, grade (like 6a+ or V4), the wall it's on, set on (date), and whether it's retired. walls just have a name for now. thx!",
		tables: {routes: 'name:string grade:string wall_id:references:walls set_on:date retired:boolean', walls: 'name:string'},
	},
	{
		kind: 'english',
		text: 'Library system. Books: title, isbn (unique), published year, page count. Members: full name, email, card number (unique). A loan ties a book to a member, with borrowed at, due on and returned at (blank untill it comes back).',
		tables: {
			books: 'title:string isbn:string:unique published_year:integer page_count:integer',
			members: 'full_name:string email:string card_number:string:unique',
			loans: 'book_id:references:books member_id:references:members borrowed_at:utc_datetime due_on:date returned_at:utc_datetime:optional',
		},
	},
	{
		kind: 'english',
		text: 'Tickets for the support desk: subject, body (long text), priority low, normal, urgent, status open/pending/solved. The requester and the assignee are both users; assignee can be empty.',
		tables: {
			tickets: 'subject:string body:text priority:enum:low:normal:urgent status:enum:open:pending:solved requester_id:references:users assignee_id:references:users:optional',
			users: '',
		},
	},
	{
		kind: 'english',
		text: 'Org chart: departments have a name and a cost center code (6 chars). A department can sit under a parent department; top-level ones have none.',
		tables: {departments: 'name:string cost_center_code:string parent_id:references:departments:optional'},
	},
	{
		kind: 'english',
		text: 'Conference app - sessions have a title, abstract (a few paragraphs), starts at, room. A session can have several speakers and a speaker can give more than one session. Speakers: name, bio (long text), twitter handle (optional).',
		tables: {
			sessions: 'title:string abstract:text starts_at:utc_datetime room:string',
			speakers: 'name:string bio:text twitter_handle:string:optional',
			session_speakers: 'session_id:references:sessions speaker_id:references:speakers',
		},
		pairs: {session_speakers: ['session_id', 'speaker_id']},
	},
	{
		kind: 'english',
		text: 'For the brewery: batches with a batch code (unique), style, volume in litres (decimal), original gravity (decimal, 3 places), brewed on, and a status which starts as fermenting and can be fermenting, conditioning or packaged.',
		tables: {batches: 'batch_code:string:unique style:string volume_litres:decimal original_gravity:decimal brewed_on:date status:enum:fermenting:conditioning:packaged:default:fermenting'},
	},
	{
		kind: 'english',
		text: 'Employees have a name and a badge code (unique). Each parking spot is assigned to exactly one employee, and an employee never has two spots. Spots have a code like B2-14, a level number and whether they are covered.',
		tables: {
			employees: 'name:string badge_code:string:unique',
			parking_spots: 'code:string level:integer covered:boolean employee_id:references:employees:unique',
		},
	},
	{
		kind: 'english',
		text: 'Farm app: fields have a name and area in hectares (float). Each planting belogns to a field and has a crop, sown on, expected harvest on (can be unknown).',
		tables: {
			fields: 'name:string area_hectares:float',
			plantings: 'field_id:references:fields crop:string sown_on:date expected_harvest_on:date:optional',
		},
		states: /belogns/,
	},
	{
		kind: 'english',
		text: "podcast hosting: shows (title, slug unique, explicit flag defaulting to false, language as a 2-letter code) and episodes that belong to a show: title, description (long text), audio url, duration in seconds, episode number, published at (null while it's a draft).",
		tables: {
			shows: 'title:string slug:string:unique explicit:boolean:default:false language:string',
			episodes: 'show_id:references:shows title:string description:text audio_url:string duration_seconds:integer episode_number:integer published_at:utc_datetime:optional',
		},
	},
	{
		kind: 'english',
		text: 'hey team, can someone look at why the dashboard is slow on Mondays? thanks',
		refuse: /entit|table|schema|describ|nothing|found/i,
	},
	{
		kind: 'english',
		text: 'Invoices: number, customer, amount (in dollars or in cents, not decided yet), due date.',
		refuse: /amount/i,
	},
	{
		kind: 'english',
		text: 'Leave requests: the employee asking, the approver (another employee), starts on, ends on, kind vacation|sick|unpaid, a note (optional, long text), and approved at which is empty until someone approves.',
		tables: {
			leave_requests:
				'employee_id:references:employees approver_id:references:employees starts_on:date ends_on:date kind:enum:vacation:sick:unpaid note:text:optional approved_at:utc_datetime:optional',
			employees: '',
		},
	},
	{
		kind: 'english',
		text: '**Fleet tracking** - need:\n- vehicles: plate (unique), make, model, year, odometer in km (whole number)\n- trips: vehicle, driver name, started at, ended at (blank while on the road), distance in km (decimal)\n\nDoes this look sane?',
		tables: {
			vehicles: 'plate:string:unique make:string model:string year:integer odometer_km:integer',
			trips: 'vehicle_id:references:vehicles driver_name:string started_at:utc_datetime ended_at:utc_datetime:optional distance_km:decimal',
		},
	},
	{
		kind: 'english',
		text: 'Matches are between two teams: a home team and an away team (both teams), kickoff at, home score and away score (empty before the match is played), venue. Teams have a name, city and founded year.',
		tables: {
			matches: 'home_team_id:references:teams away_team_id:references:teams kickoff_at:utc_datetime home_score:integer:optional away_score:integer:optional venue:string',
			teams: 'name:string city:string founded_year:integer',
		},
	},
	{
		kind: 'english',
		text: 'Recipes have a title, servings (default 4), instructions (long text). Ingredients have a name (no two may share a name). Recipe ingredients: recipe, ingredient, quantity (decimal), unit; each ingredient appears once per recipe.',
		tables: {
			recipes: 'title:string servings:integer:default:4 instructions:text',
			ingredients: 'name:string:unique',
			recipe_ingredients: 'recipe_id:references:recipes ingredient_id:references:ingredients quantity:decimal unit:string',
		},
		pairs: {recipe_ingredients: ['recipe_id', 'ingredient_id']},
	},
	{
		kind: 'english',
		text: 'policies: policy number (uniqe), the holder (a customer), monthly premium (decimal), starts on, ends on, status active, lapsed or cancelled (defaults to active)',
		tables: {
			policies: 'policy_number:string:unique holder_id:references:customers monthly_premium:decimal starts_on:date ends_on:date status:enum:active:lapsed:cancelled:default:active',
			customers: '',
		},
		states: /uniqe/,
	},
	{
		kind: 'english',
		text: 'IoT: stations with a name, latitude and longitude (floats), elevation_m (int). Readings belong to a station: recorded at, temperature (like 21.1), humidity (0-100), pressure in hPa (decimal), raw payload as json.',
		tables: {
			stations: 'name:string latitude:float longitude:float elevation_m:integer',
			readings: 'station_id:references:stations recorded_at:utc_datetime temperature:float humidity:integer pressure_hpa:decimal raw_payload:map',
		},
	},
	{
		kind: 'english',
		text: 'Chess club: players (name, rating starting at 1200, fide id optional). Games: the white player and the black player (both players), result white_won, black_won or draw (empty if unfinished), played on, pgn (long text).',
		tables: {
			players: 'name:string rating:integer:default:1200 fide_id:string:optional',
			games: 'white_player_id:references:players black_player_id:references:players result:enum:white_won:black_won:draw:optional played_on:date pgn:text',
		},
	},
	{
		kind: 'english',
		text: 'Porting this from our old PHP app. Patients: first name, last name, date of birth, phone, allergies (free text, can be blank). Appointments: patient, dentist (a user), scheduled at, length in minutes, reason, cancelled (true/false, false to begin with).',
		tables: {
			patients: 'first_name:string last_name:string date_of_birth:date phone:string allergies:text:optional',
			appointments: 'patient_id:references:patients dentist_id:references:users scheduled_at:utc_datetime length_minutes:integer reason:string cancelled:boolean:default:false',
			users: '',
		},
		leftOut: /PHP/,
	},
	{
		kind: 'english',
		text: 'members of the coworking space can book desks. desks: label, floor number, has monitor (y/n), hourly rate (decimal). bookings: member, desk, starts at, ends at. Members: name, email (unique), company (optional). Also desks can be tagged with many features (quiet, window...) - features just have a name.',
		tables: {
			desks: 'label:string floor_number:integer has_monitor:boolean hourly_rate:decimal',
			bookings: 'member_id:references:members desk_id:references:desks starts_at:utc_datetime ends_at:utc_datetime',
			members: 'name:string email:string:unique company:string:optional',
			features: 'name:string',
			desk_features: 'desk_id:references:desks feature_id:references:features',
		},
		pairs: {desk_features: ['desk_id', 'feature_id']},
	},
	{
		kind: 'english',
		text: 'Film festival submissions\n\nEach film: title, director, runtime in minutes, country (2-letter), genre - drama, documentary, comedy, horror or animation - and a screener link. Jurors: name and email. Scores: a juror scores a film from 1 to 10 with a comment (long text); one score per juror per film. Anything missing?',
		tables: {
			films: 'title:string director:string runtime_minutes:integer country:string genre:enum:drama:documentary:comedy:horror:animation screener_link:string',
			jurors: 'name:string email:string',
			scores: 'juror_id:references:jurors film_id:references:films score:integer comment:text',
		},
		pairs: {scores: ['juror_id', 'film_id']},
		leftOut: /Anything missing/i,
	},
	{
		kind: 'english',
		text: "Museum collection: artworks have an accession number (unique, text), title, maker (can be unknown), year made (whole number, may be blank), materials, on display (defaulting to no), and the gallery they're in (null when in storage). Galleries: name, floor (number).",
		tables: {
			artworks:
				'accession_number:string:unique title:string maker:string:optional year_made:integer:optional materials:string on_display:boolean:default:false gallery_id:references:galleries:optional',
			galleries: 'name:string floor:integer',
		},
	},
	{
		kind: 'english',
		text: 'hi all, for the shelter app: animals need a name, species dog/cat/rabbit, breed (optional), born on (can be unknown), intake date, adopted (bool, default false) and its mother if she was also at the shelter (another animal). cheers',
		tables: {animals: 'name:string species:enum:dog:cat:rabbit breed:string:optional born_on:date:optional intake_date:date adopted:boolean:default:false mother_id:references:animals:optional'},
	},
	{
		kind: 'english',
		text: 'Lab LIMS: samples have a barcode (unique), collected at, volume in ml (decimal), storage freezer, fridge or room, and the study they belong to. Studies: code (unique), title, principal investigator (a user), started on.',
		tables: {
			samples: 'barcode:string:unique collected_at:utc_datetime volume_ml:decimal storage:enum:freezer:fridge:room study_id:references:studies',
			studies: 'code:string:unique title:string principal_investigator_id:references:users started_on:date',
			users: '',
		},
	},
	// ---- structured
	{
		kind: 'structured',
		text: "CREATE TABLE tenants (\n  id SERIAL PRIMARY KEY,\n  name VARCHAR(120) NOT NULL,\n  subdomain VARCHAR(63) NOT NULL UNIQUE,\n  plan TEXT NOT NULL DEFAULT 'free',\n  trial_ends_at TIMESTAMPTZ,\n  created_at TIMESTAMPTZ NOT NULL DEFAULT now()\n);",
		tables: {tenants: 'name:string subdomain:string:unique plan:text:default:free trial_ends_at:utc_datetime:optional'},
	},
	{
		kind: 'structured',
		text: 'CREATE TABLE `rooms` (\n  `id` int(11) NOT NULL AUTO_INCREMENT,\n  `hotel_id` int(11) NOT NULL,\n  `number` varchar(10) NOT NULL,\n  `beds` tinyint(4) NOT NULL DEFAULT 1,\n  `smoking` tinyint(1) NOT NULL DEFAULT 0,\n  `rate` decimal(8,2) NOT NULL,\n  `notes` text,\n  PRIMARY KEY (`id`),\n  KEY `hotel_id` (`hotel_id`),\n  CONSTRAINT `rooms_ibfk_1` FOREIGN KEY (`hotel_id`) REFERENCES `hotels` (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;',
		tables: {rooms: 'hotel_id:references:hotels number:string beds:integer:default:1 smoking:boolean:default:false rate:decimal notes:text:optional', hotels: ''},
	},
	{
		kind: 'structured',
		text: 'CREATE TABLE courses (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, title TEXT NOT NULL, credits INTEGER NOT NULL DEFAULT 3);\nCREATE TABLE enrollments (\n  id INTEGER PRIMARY KEY,\n  student_id INTEGER NOT NULL REFERENCES students(id),\n  course_id INTEGER NOT NULL REFERENCES courses(id),\n  grade TEXT,\n  enrolled_on DATE NOT NULL,\n  UNIQUE (student_id, course_id)\n);',
		tables: {
			courses: 'code:text:unique title:text credits:integer:default:3',
			enrollments: 'student_id:references:students course_id:references:courses grade:text:optional enrolled_on:date',
			students: '',
		},
		pairs: {enrollments: ['student_id', 'course_id']},
	},
	{
		kind: 'structured',
		text: 'class CreateShipments < ActiveRecord::Migration[7.1]\n  def change\n    create_table :shipments do |t|\n      t.references :warehouse, null: false, foreign_key: true\n      t.string :tracking_number, null: false\n      t.string :carrier\n      t.decimal :weight_kg, precision: 8, scale: 3\n      t.datetime :shipped_at\n      t.boolean :fragile, default: false, null: false\n      t.timestamps\n    end\n    add_index :shipments, :tracking_number, unique: true\n  end\nend',
		tables: {
			shipments: 'warehouse_id:references:warehouses tracking_number:string:unique carrier:string:optional weight_kg:decimal:optional shipped_at:utc_datetime:optional fragile:boolean:default:false',
			warehouses: '',
		},
	},
	{
		kind: 'structured',
		text: 'ActiveRecord::Schema[7.0].define(version: 2023_05_01_120000) do\n  create_table "volunteers", force: :cascade do |t|\n    t.string "name", null: false\n    t.string "email", null: false\n    t.date "background_check_on"\n    t.integer "hours_logged", default: 0, null: false\n    t.datetime "created_at", null: false\n    t.datetime "updated_at", null: false\n    t.index ["email"], name: "index_volunteers_on_email", unique: true\n  end\n\n  create_table "shifts", force: :cascade do |t|\n    t.bigint "volunteer_id", null: false\n    t.string "role", null: false\n    t.datetime "starts_at", null: false\n    t.datetime "ends_at", null: false\n    t.index ["volunteer_id"], name: "index_shifts_on_volunteer_id"\n  end\n\n  add_foreign_key "shifts", "volunteers"\nend',
		tables: {
			volunteers: 'name:string email:string:unique background_check_on:date:optional hours_logged:integer:default:0',
			shifts: 'volunteer_id:references:volunteers role:string starts_at:utc_datetime ends_at:utc_datetime',
		},
	},
	{
		kind: 'structured',
		text: 'model Project {\n  id        String   @id @default(uuid())\n  name      String\n  archived  Boolean  @default(false)\n  budget    Decimal?\n  tasks     Task[]\n}\n\nmodel Task {\n  id          String    @id @default(uuid())\n  title       String\n  done        Boolean   @default(false)\n  dueAt       DateTime?\n  position    Int\n  project     Project   @relation(fields: [projectId], references: [id])\n  projectId   String\n}',
		tables: {
			projects: 'name:string archived:boolean:default:false budget:decimal:optional',
			tasks: 'title:string done:boolean:default:false due_at:utc_datetime:optional position:integer project_id:references:projects',
		},
		binaryId: true,
	},
	{
		kind: 'structured',
		text: 'enum Role {\n  ADMIN\n  EDITOR\n  VIEWER\n}\n\nmodel Account {\n  id          Int       @id @default(autoincrement())\n  email       String    @unique\n  role        Role      @default(VIEWER)\n  invitedBy   Account?  @relation("Invites", fields: [invitedById], references: [id])\n  invitedById Int?\n  invitees    Account[] @relation("Invites")\n}',
		tables: {accounts: 'email:string:unique role:enum:ADMIN:EDITOR:VIEWER:default:VIEWER invited_by_id:references:accounts:optional'},
	},
	{
		kind: 'structured',
		text: "// from our frontend types, can we get the backend for these?\ninterface Invoice {\n  id: number;\n  number: string;\n  clientId: number;     // -> Client\n  issuedOn: string;     // ISO date, e.g. \"2024-03-01\"\n  amountCents: number;\n  currency: 'EUR' | 'USD' | 'GBP';\n  paidAt?: Date;\n  notes: string | null;\n}\n\ninterface Client {\n  id: number;\n  name: string;\n  vatNumber?: string;\n}",
		tables: {
			invoices: 'number:string client_id:references:clients issued_on:date amount_cents:integer currency:enum:EUR:USD:GBP paid_at:utc_datetime:optional notes:string:optional',
			clients: 'name:string vat_number:string:optional',
		},
	},
	{
		kind: 'structured',
		text: 'Here\'s a sample record from the API we\'re replacing, table should be called garments:\n{\n  "id": 5512,\n  "sku": "TSHIRT-BLK-M",\n  "title": "Black tee, M",\n  "price": 19.99,\n  "in_stock": true,\n  "stock": 42,\n  "tags": ["apparel", "summer"],\n  "dimensions": {"w": 30, "h": 40},\n  "released_on": "2024-04-12",\n  "updated_at": "2024-05-01T10:22:00Z"\n}',
		tables: {garments: 'sku:string title:string price:decimal in_stock:boolean stock:integer tags:array:string dimensions:map released_on:date'},
	},
	{
		kind: 'structured',
		text: '### Calibration records\n\n| field | type | notes |\n|---|---|---|\n| instrument_id | FK instruments | required |\n| calibrated_on | date | |\n| next_due_on | date | optional |\n| technician | string | |\n| passed | boolean | |\n| certificate_url | string | optional |',
		tables: {
			calibration_records: 'instrument_id:references:instruments calibrated_on:date next_due_on:date:optional technician:string passed:boolean certificate_url:string:optional',
			instruments: '',
		},
	},
	{
		kind: 'structured',
		text: 'defmodule Observatory.Scheduling.Observation do\n  use Ecto.Schema\n  import Ecto.Changeset\n\n  @primary_key {:id, :binary_id, autogenerate: true}\n  @foreign_key_type :binary_id\n  schema "observations" do\n    field :target, :string\n    field :exposure_seconds, :integer\n    field :filter, Ecto.Enum, values: [:r, :g, :b, :ha], default: :r\n    field :seeing_arcsec, :float\n    field :notes, :string\n    belongs_to :telescope, Observatory.Scheduling.Telescope\n\n    timestamps(type: :utc_datetime)\n  end\n\n  def changeset(observation, attrs) do\n    observation\n    |> cast(attrs, [:target, :exposure_seconds, :filter, :seeing_arcsec, :notes, :telescope_id])\n    |> validate_required([:target, :exposure_seconds, :filter, :telescope_id])\n  end\nend',
		tables: {
			observations: 'target:string exposure_seconds:integer filter:enum:r:g:b:ha:default:r seeing_arcsec:float:optional notes:string:optional telescope_id:references:telescopes',
			telescopes: '',
		},
		context: 'Scheduling',
		binaryId: true,
	},
	{
		kind: 'structured',
		text: 'mix phx.gen.context Fleet Drone drones serial:string:unique model battery_wh:integer last_flight_at:utc_datetime operator_id:references:users',
		tables: {drones: 'serial:string:unique model:string battery_wh:integer last_flight_at:utc_datetime operator_id:references:users', users: ''},
		context: 'Fleet',
	},
	{
		kind: 'structured',
		text: 'can you run the equivalent of this for me?\n\nmix phx.gen.live Events Ticket tickets code:string:unique price:decimal status:enum:reserved:paid:refunded event_id:references:events --binary-id',
		tables: {tickets: 'code:string:unique price:decimal status:enum:reserved:paid:refunded event_id:references:events', events: ''},
		context: 'Events',
		binaryId: true,
	},
	{
		kind: 'structured',
		text: 'CREATE TABLE dbo.Donations (\n  DonationID INT IDENTITY(1,1) PRIMARY KEY,\n  DonorID INT NOT NULL FOREIGN KEY REFERENCES dbo.Donors(DonorID),\n  Amount MONEY NOT NULL,\n  ReceivedOn DATE NOT NULL,\n  GiftAid BIT NOT NULL DEFAULT 0,\n  Campaign NVARCHAR(100) NULL\n);',
		tables: {donations: 'donor_id:references:donors amount:decimal received_on:date gift_aid:boolean:default:false campaign:string:optional', donors: ''},
	},
	{
		kind: 'structured',
		text: "CREATE TYPE difficulty AS ENUM ('easy', 'moderate', 'hard');\n\nCREATE TABLE trails (\n  id bigserial PRIMARY KEY,\n  name text NOT NULL,\n  length_km numeric(5,1) NOT NULL,\n  difficulty difficulty NOT NULL DEFAULT 'moderate',\n  dog_friendly boolean NOT NULL DEFAULT true,\n  gpx jsonb\n);\n\nCREATE TABLE trail_tags (\n  trail_id bigint NOT NULL REFERENCES trails(id) ON DELETE CASCADE,\n  tag_id bigint NOT NULL REFERENCES tags(id),\n  PRIMARY KEY (trail_id, tag_id)\n);",
		tables: {
			trails: 'name:text length_km:decimal difficulty:enum:easy:moderate:hard:default:moderate dog_friendly:boolean:default:true gpx:map:optional',
			trail_tags: 'trail_id:references:trails tag_id:references:tags',
			tags: '',
		},
		pairs: {trail_tags: ['trail_id', 'tag_id']},
	},
	{
		kind: 'structured',
		text: 'export type Reservation = {\n  id: string; // uuid\n  restaurantId: string; // uuid\n  guestName: string;\n  partySize: number;\n  reservedFor: Date;\n  status: "booked" | "seated" | "no_show" | "cancelled";\n  specialRequests?: string;\n};',
		tables: {
			reservations: 'restaurant_id:references:restaurants guest_name:string party_size:integer reserved_for:utc_datetime status:enum:booked:seated:no_show:cancelled special_requests:string:optional',
			restaurants: '',
		},
		binaryId: true,
	},
];
