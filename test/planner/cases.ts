/**
 * Descriptions as Phoenix developers write them, with the schemas a careful reader would plan.
 * `tables` maps each table to its attributes in the grammar's canonical form (type always written,
 * modifiers in the order default, optional, unique, redact); a case with `refuse` must be refused
 * with a message matching it. See README.md beside this file for the figures.
 */
export interface Case {
	text: string;
	tables?: Record<string, string>;
	/** The context of every entity. */
	context?: string;
	/** table -> context, for descriptions that span contexts. */
	contexts?: Record<string, string>;
	binaryId?: boolean;
	/** table -> the column pair of its unique index (join tables). */
	pairs?: Record<string, [string, string]>;
	refuse?: RegExp;
	/** Words the plan must list as left out (not read): planned anyway, said so; `--strict` refuses them. */
	leftOut?: RegExp;
	/** Tables the project already has (as inspect_project reports). */
	existing?: string[];
	/** A known miss: why the planner gets it wrong (the test expects it to fail until fixed). */
	known?: string;
}

export const cases: Case[] = [
	// ---- shop
	{
		text: 'I need a shop where customers place orders. Products have a name, a price and a stock count. Orders belong to a customer and have a status which can be pending, paid, shipped or cancelled.',
		tables: {customers: '', products: 'name:string price:decimal stock_count:integer', orders: 'customer_id:references:customers status:enum:pending:paid:shipped:cancelled'},
		context: 'Shop',
	},
	{
		text: 'a shop: products (name, description, price in cents, sku unique), categories (name), products belong to categories',
		tables: {products: 'name:string description:text price_cents:integer sku:string:unique category_id:references:categories', categories: 'name:string'},
		context: 'Shop',
	},
	{
		text: 'Shop. Products: title, price (decimal), in_stock (bool). Orders: total, placed at, customer email.',
		tables: {products: 'title:string price:decimal in_stock:boolean', orders: 'total:decimal placed_at:utc_datetime customer_email:string'},
		context: 'Shop',
	},
	{
		text: '- Product: name, price, quantity\n- Order: product, quantity, ordered at',
		tables: {products: 'name:string price:decimal quantity:integer', orders: 'product_id:references:products quantity:integer ordered_at:utc_datetime'},
	},
	{
		text: 'order items belong to orders and products, quantity, unit price',
		tables: {orders: '', products: '', order_items: 'order_id:references:orders product_id:references:products quantity:integer unit_price:decimal'},
	},
	{
		text: 'an online store with products (name, price, weight in kg) and reviews (rating 1-5, comment as text) that belong to products',
		tables: {products: 'name:string price:decimal weight_kg:float', reviews: 'rating:integer comment:text product_id:references:products'},
		context: 'OnlineStore',
	},
	{
		text: 'shop:\n- products: name, slug (unique), price\n- carts: session id\n- cart items: cart, product, quantity default 1',
		tables: {
			products: 'name:string slug:string:unique price:decimal',
			carts: 'session_id:string',
			cart_items: 'cart_id:references:carts product_id:references:products quantity:integer:default:1',
		},
		context: 'Shop',
	},
	{
		text: 'Catalog.Product products name:string price:decimal\nreviews with a body and a rating, belonging to products',
		tables: {products: 'name:string price:decimal', reviews: 'body:text rating:integer product_id:references:products'},
	},
	{
		text: 'products with a name and tags on products (many to many)',
		tables: {products: 'name:string', tags: '', product_tags: 'product_id:references:products tag_id:references:tags'},
		pairs: {product_tags: ['product_id', 'tag_id']},
	},
	{
		text: 'coupons with a code (unique), a discount percent, expires on, active (yes/no)',
		tables: {coupons: 'code:string:unique discount_percent:integer expires_on:date active:boolean'},
	},
	{
		text: 'A marketplace. Listings have a title, a price, and a listing type of sale or rent. Purchases: listing, buyer email, amount paid.',
		tables: {listings: 'title:string price:decimal listing_type:enum:sale:rent', purchases: 'listing_id:references:listings buyer_email:string amount_paid:decimal'},
		context: 'Marketplace',
	},
	{
		text: 'wishlists belong to a user and have a name; wishlist items: wishlist, product, added at',
		tables: {users: '', products: '', wishlists: 'user_id:references:users name:string', wishlist_items: 'wishlist_id:references:wishlists product_id:references:products added_at:utc_datetime'},
	},
	{
		text: 'shipments belong to orders, carrier, tracking number (unique), shipped at, delivered at (optional)',
		tables: {orders: '', shipments: 'order_id:references:orders carrier:string tracking_number:string:unique shipped_at:utc_datetime delivered_at:utc_datetime:optional'},
	},
	{
		text: 'products with name, price as money, stock as int',
		tables: {products: 'name:string price:decimal stock:integer'},
	},
	{
		text: 'products (name, price, stock) where users already exist; orders belong to users',
		tables: {products: 'name:string price:decimal stock:integer', orders: 'user_id:references:users'},
		existing: ['users'],
	},
	// ---- SaaS, memberships, accounts
	{
		text: 'A SaaS with organizations and users. Memberships join users and organizations with a role that is owner, admin or member.',
		tables: {organizations: '', users: '', memberships: 'user_id:references:users organization_id:references:organizations role:enum:owner:admin:member'},
		pairs: {memberships: ['user_id', 'organization_id']},
	},
	{
		text: 'organizations (name, slug unique, plan: free, pro or enterprise); users (email unique, name); memberships join users and organizations',
		tables: {
			organizations: 'name:string slug:string:unique plan:enum:free:pro:enterprise',
			users: 'email:string:unique name:string',
			memberships: 'user_id:references:users organization_id:references:organizations',
		},
		pairs: {memberships: ['user_id', 'organization_id']},
	},
	{
		text: 'teams with a name; team members link users to teams, with a joined at',
		tables: {teams: 'name:string', users: '', team_members: 'user_id:references:users team_id:references:teams joined_at:utc_datetime'},
		pairs: {team_members: ['user_id', 'team_id']},
	},
	{
		text: 'invitations: email, token (unique, redacted), organization, accepted at (nullable), expires at',
		tables: {organizations: '', invitations: 'email:string token:string:unique:redact organization_id:references:organizations accepted_at:utc_datetime:optional expires_at:utc_datetime'},
	},
	{
		text: 'api keys belong to an organization, with a name, a hashed key (redacted) and last used at (optional)',
		tables: {organizations: '', api_keys: 'organization_id:references:organizations name:string hashed_key:string:redact last_used_at:utc_datetime:optional'},
	},
	{
		text: 'subscriptions belong to organizations; plan which can be free, starter or business; status defaults to active; renews on',
		tables: {organizations: '', subscriptions: 'organization_id:references:organizations plan:enum:free:starter:business status:string:default:active renews_on:date'},
	},
	{
		text: 'Use UUID primary keys. Accounts with a name and an email (unique). Projects belong to accounts, with a title.',
		tables: {accounts: 'name:string email:string:unique', projects: 'account_id:references:accounts title:string'},
		binaryId: true,
	},
	{
		text: 'workspaces (name); projects (name, archived defaulting to false) belong to workspaces; with timestamps',
		tables: {workspaces: 'name:string', projects: 'name:string archived:boolean:default:false workspace_id:references:workspaces'},
	},
	{
		text: 'audit logs: actor (a user), action, metadata as a map, occurred at',
		tables: {users: '', audit_logs: 'actor_id:references:users action:string metadata:map occurred_at:utc_datetime'},
	},
	{
		text: 'user profiles: user, avatar url, bio, timezone, locale default en',
		tables: {users: '', user_profiles: 'user_id:references:users avatar_url:string bio:text timezone:string locale:string:default:en'},
	},
	{
		text: 'Accounts: users (email unique, hashed_password redacted, confirmed_at optional)',
		tables: {users: 'email:string:unique hashed_password:string:redact confirmed_at:utc_datetime:optional'},
		context: 'Accounts',
	},
	{
		text: 'billing: invoices and payments; payments belong to invoices with an amount and a paid at',
		tables: {invoices: '', payments: 'invoice_id:references:invoices amount:decimal paid_at:utc_datetime'},
		context: 'Billing',
	},
	{
		text: 'seats: organization, user, assigned at; unique per organization and user',
		tables: {organizations: '', users: '', seats: 'organization_id:references:organizations user_id:references:users assigned_at:utc_datetime'},
		pairs: {seats: ['organization_id', 'user_id']},
	},
	// ---- bookings
	{
		text: 'A gym booking system. Classes have a name, a capacity and a starts at. Bookings belong to a member and a class.',
		tables: {classes: 'name:string capacity:integer starts_at:utc_datetime', members: '', bookings: 'member_id:references:members class_id:references:classes'},
		context: 'GymBooking',
	},
	{
		text: 'rooms (name, capacity, floor); reservations belong to rooms and users, starts at, ends at, status: pending, confirmed or cancelled',
		tables: {
			rooms: 'name:string capacity:integer floor:integer',
			users: '',
			reservations: 'room_id:references:rooms user_id:references:users starts_at:utc_datetime ends_at:utc_datetime status:enum:pending:confirmed:cancelled',
		},
	},
	{
		text: 'hotels with a name and a city; rooms belong to hotels, number, nightly rate, max guests; bookings: room, guest name, check in on, check out on',
		tables: {
			hotels: 'name:string city:string',
			rooms: 'hotel_id:references:hotels number:integer nightly_rate:decimal max_guests:integer',
			bookings: 'room_id:references:rooms guest_name:string check_in_on:date check_out_on:date',
		},
	},
	{
		text: 'appointments for a clinic: doctors (name, specialty), patients (name, birthday, phone), appointments belong to doctors and patients with a scheduled at and notes (optional)',
		tables: {
			doctors: 'name:string specialty:string',
			patients: 'name:string birthday:date phone:string',
			appointments: 'doctor_id:references:doctors patient_id:references:patients scheduled_at:utc_datetime notes:text:optional',
		},
		context: 'Clinic',
	},
	{
		text: 'doctors (name) and patients (name); appointments belong to doctors and patients',
		tables: {doctors: 'name:string', patients: 'name:string', appointments: 'doctor_id:references:doctors patient_id:references:patients'},
	},
	{
		text: 'events with a title, a venue, starts at, ends at and a fee; tickets belong to events, with a seat and a price in cents',
		tables: {events: 'title:string venue:string starts_at:utc_datetime ends_at:utc_datetime fee:decimal', tickets: 'event_id:references:events seat:string price_cents:integer'},
	},
	{
		text: 'a restaurant reservation app: tables (number unique, seats), reservations (party size, reserved at, table)',
		tables: {tables: 'number:integer:unique seats:integer', reservations: 'party_size:integer reserved_at:utc_datetime table_id:references:tables'},
		context: 'RestaurantReservation',
	},
	{
		text: 'time slots: starts at, ends at, available (bool) default true',
		tables: {time_slots: 'starts_at:utc_datetime ends_at:utc_datetime available:boolean:default:true'},
	},
	{
		text: 'rentals: car, customer, picked up on, returned on (optional), daily rate',
		tables: {cars: '', customers: '', rentals: 'car_id:references:cars customer_id:references:customers picked_up_on:date returned_on:date:optional daily_rate:decimal'},
	},
	{
		text: 'flights (number, departs at, arrives at, origin, destination); passengers (name, passport number unique); seats link passengers to flights with a seat number',
		tables: {
			flights: 'number:string departs_at:utc_datetime arrives_at:utc_datetime origin:string destination:string',
			passengers: 'name:string passport_number:string:unique',
			seats: 'passenger_id:references:passengers flight_id:references:flights seat_number:string',
		},
		pairs: {seats: ['passenger_id', 'flight_id']},
	},
	// ---- school
	{
		text: 'A school app: students (name, email unique, birthday), courses (title, code unique, credits), enrollments linking students to courses with a grade',
		tables: {
			students: 'name:string email:string:unique birthday:date',
			courses: 'title:string code:string:unique credits:integer',
			enrollments: 'student_id:references:students course_id:references:courses grade:string',
		},
		pairs: {enrollments: ['student_id', 'course_id']},
		context: 'School',
	},
	{
		text: 'enrollments linking people to courses',
		tables: {people: '', courses: '', enrollments: 'person_id:references:people course_id:references:courses'},
		pairs: {enrollments: ['person_id', 'course_id']},
	},
	{
		text: 'teachers have many classes; classes have a name and a room number; students belong to classes',
		tables: {teachers: '', classes: 'name:string room_number:integer teacher_id:references:teachers', students: 'class_id:references:classes'},
	},
	{
		text: 'School: teachers (name, salary, hired on date), subjects (name)',
		tables: {teachers: 'name:string salary:decimal hired_on:date', subjects: 'name:string'},
		context: 'School',
	},
	{
		text: 'assignments belong to courses: title, due on, max points; submissions belong to assignments and students, submitted at, score (optional)',
		tables: {
			courses: '',
			students: '',
			assignments: 'course_id:references:courses title:string due_on:date max_points:integer',
			submissions: 'assignment_id:references:assignments student_id:references:students submitted_at:utc_datetime score:integer:optional',
		},
	},
	{
		text: 'exams with a subject, a date and a duration in minutes',
		tables: {exams: 'subject:string date:date duration_minutes:integer'},
	},
	{
		text: 'students with a name and a blood type which is one of A, B, AB, O',
		tables: {students: 'name:string blood_type:enum:A:B:AB:O'},
	},
	{
		text: 'attendance records: student, date, present (yes/no)',
		tables: {students: '', attendance_records: 'student_id:references:students date:date present:boolean'},
	},
	{
		text: 'guardians with a name and a phone; students have a guardian',
		tables: {guardians: 'name:string phone:string', students: 'guardian_id:references:guardians'},
	},
	{
		text: 'lessons: title, content, position, course (required)',
		tables: {courses: '', lessons: 'title:string content:text position:integer course_id:references:courses'},
	},
	// ---- forum, chat, social
	{
		text: 'forum with categories, threads and replies',
		tables: {categories: '', threads: '', replies: ''},
		context: 'Forum',
	},
	{
		text: 'chat app with rooms and messages',
		tables: {rooms: '', messages: ''},
		context: 'Chat',
	},
	{
		text: 'chat app with rooms (name, topic) and messages (body, sent at) that belong to rooms and users',
		tables: {rooms: 'name:string topic:string', users: '', messages: 'body:text sent_at:utc_datetime room_id:references:rooms user_id:references:users'},
		context: 'Chat',
	},
	{
		text: 'A forum. Categories have a name and a parent category. Threads belong to categories and have a title, a pinned flag and a locked flag. Replies belong to threads and users with a body.',
		tables: {
			categories: 'name:string parent_id:references:categories',
			threads: 'category_id:references:categories title:string pinned:boolean locked:boolean',
			users: '',
			replies: 'thread_id:references:threads user_id:references:users body:text',
		},
		context: 'Forum',
	},
	{
		text: 'follows has follower_id and followed_id both referencing users',
		tables: {users: '', follows: 'follower_id:references:users followed_id:references:users'},
	},
	{
		text: 'users (username unique, display name, bio); posts (body, user); likes join users and posts',
		tables: {users: 'username:string:unique display_name:string bio:text', posts: 'body:text user_id:references:users', likes: 'user_id:references:users post_id:references:posts'},
		pairs: {likes: ['user_id', 'post_id']},
	},
	{
		text: 'posts with a title and a body, tags on posts (many to many)',
		tables: {posts: 'title:string body:text', tags: '', post_tags: 'post_id:references:posts tag_id:references:tags'},
		pairs: {post_tags: ['post_id', 'tag_id']},
	},
	{
		text: 'blog: posts (title, slug unique, body, published at optional), comments (body, author name) belong to posts',
		tables: {posts: 'title:string slug:string:unique body:text published_at:utc_datetime:optional', comments: 'body:text author_name:string post_id:references:posts'},
		context: 'Blog',
	},
	{
		text: 'Blog.Post posts title:string body:text\nBlog.Comment comments body:text post_id:references:posts',
		tables: {posts: 'title:string body:text', comments: 'body:text post_id:references:posts'},
		contexts: {posts: 'Blog', comments: 'Blog'},
	},
	{
		text: 'comments belong to posts and can reply to a parent comment',
		tables: {posts: '', comments: 'post_id:references:posts parent_id:references:comments'},
	},
	{
		text: 'direct messages: sender (a user), recipient (a user), body, read at (nullable)',
		tables: {users: '', direct_messages: 'sender_id:references:users recipient_id:references:users body:text read_at:utc_datetime:optional'},
	},
	{
		text: 'notifications belong to users: kind (mention, reply or follow), read (bool) defaults to false',
		tables: {users: '', notifications: 'user_id:references:users kind:enum:mention:reply:follow read:boolean:default:false'},
	},
	{
		text: 'polls with a question and a closes at datetime; options belong to polls with a label; votes belong to options and users',
		tables: {polls: 'question:string closes_at:utc_datetime', options: 'poll_id:references:polls label:string', users: '', votes: 'option_id:references:options user_id:references:users'},
	},
	{
		text: 'reactions: user, message, emoji',
		tables: {users: '', messages: '', reactions: 'user_id:references:users message_id:references:messages emoji:string'},
		known: "'message' standing alone is read as a string, not a reference",
	},
	{
		text: 'channels (name unique, private default false); channel memberships join channels and users',
		tables: {channels: 'name:string:unique private:boolean:default:false', users: '', channel_memberships: 'channel_id:references:channels user_id:references:users'},
		pairs: {channel_memberships: ['channel_id', 'user_id']},
	},
	{
		text: 'friendships: requester and addressee both referencing users, status pending | accepted | blocked',
		tables: {users: '', friendships: 'requester_id:references:users addressee_id:references:users status:enum:pending:accepted:blocked'},
	},
	{
		text: 'threads have many posts; posts have a body and an edited at (optional)',
		tables: {threads: '', posts: 'body:text edited_at:utc_datetime:optional thread_id:references:threads'},
	},
	// ---- invoices, finance
	{
		text: 'invoices: number (unique), issued on, due on, total, status: draft, sent, paid or void; line items belong to invoices, description, quantity, unit price',
		tables: {
			invoices: 'number:string:unique issued_on:date due_on:date total:decimal status:enum:draft:sent:paid:void',
			line_items: 'invoice_id:references:invoices description:text quantity:integer unit_price:decimal',
		},
	},
	{
		text: 'clients (name, email, vat number optional); invoices belong to clients with an amount and a currency default EUR',
		tables: {clients: 'name:string email:string vat_number:string:optional', invoices: 'client_id:references:clients amount:decimal currency:string:default:EUR'},
	},
	{
		text: 'expenses: amount, category (food, travel, office, other), spent on, receipt url (optional), reimbursed (yes/no)',
		tables: {expenses: 'amount:decimal category:enum:food:travel:office:other spent_on:date receipt_url:string:optional reimbursed:boolean'},
	},
	{
		text: 'budgets with a name, a budget and a month; transactions belong to budgets with an amount, a memo and an occurred on',
		tables: {budgets: 'name:string budget:decimal month:date', transactions: 'budget_id:references:budgets amount:decimal memo:string occurred_on:date'},
	},
	{
		text: 'accounts (name, balance, currency); transfers: from account, to account, amount, executed at',
		tables: {accounts: 'name:string balance:decimal currency:string', transfers: 'from_account_id:references:accounts to_account_id:references:accounts amount:decimal executed_at:utc_datetime'},
	},
	{
		text: 'payments: invoice, amount paid, method which can be card, bank_transfer or cash, paid at',
		tables: {invoices: '', payments: 'invoice_id:references:invoices amount_paid:decimal method:enum:card:bank_transfer:cash paid_at:utc_datetime'},
	},
	{
		text: 'Finance.Invoice invoices number:string:unique total:decimal\npayments belong to invoices with an amount',
		tables: {invoices: 'number:string:unique total:decimal', payments: 'amount:decimal invoice_id:references:invoices'},
	},
	{
		text: 'tax rates: name, rate (decimal), country code',
		tables: {tax_rates: 'name:string rate:decimal country_code:string'},
	},
	{
		text: 'employees (name, salary, hired on, department); departments (name, budget)',
		tables: {employees: 'name:string salary:decimal hired_on:date department_id:references:departments', departments: 'name:string budget:decimal'},
	},
	{
		text: 'payroll runs: period start, period end, total paid, status defaults to draft',
		tables: {payroll_runs: 'period_start:date period_end:date total_paid:decimal status:string:default:draft'},
	},
	// ---- todo, tasks, projects
	{
		text: 'a todo list app.',
		refuse: /todo list app|no entities/i,
	},
	{
		text: 'a todo list app. Lists have a name. Items belong to lists with a title, done (bool) and a due date.',
		tables: {lists: 'name:string', items: 'list_id:references:lists title:string done:boolean due_date:date'},
		context: 'TodoList',
	},
	{
		text: 'todos: title, completed defaults to false, priority (low, medium, high, urgent), due on (optional)',
		tables: {todos: 'title:string completed:boolean:default:false priority:enum:low:medium:high:urgent due_on:date:optional'},
	},
	{
		text: 'tasks with a title and a description; tasks can be assigned to a user',
		tables: {users: '', tasks: 'title:string description:text assignee_id:references:users'},
	},
	{
		text: 'projects have many tasks; tasks have a title, a status of todo, doing or done, and an estimate in hours',
		tables: {projects: '', tasks: 'title:string status:enum:todo:doing:done estimate_hours:integer project_id:references:projects'},
	},
	{
		text: 'Tickets: subject, body, status new | open | pending | solved, priority (low, normal, high), requester (a user)',
		tables: {users: '', tickets: 'subject:string body:text status:enum:new:open:pending:solved priority:enum:low:normal:high requester_id:references:users'},
	},
	{
		text: 'tasks: title, notes:text:optional, quantity:integer:default:0, done:boolean',
		tables: {tasks: 'title:string notes:text:optional quantity:integer:default:0 done:boolean'},
	},
	{
		text: 'checklists with a title; checklist items belong to checklists, label, checked default false, position',
		tables: {checklists: 'title:string', checklist_items: 'checklist_id:references:checklists label:string checked:boolean:default:false position:integer'},
	},
	{
		text: 'sprints (name, starts on, ends on) and stories (title, points, sprint)',
		tables: {sprints: 'name:string starts_on:date ends_on:date', stories: 'title:string points:integer sprint_id:references:sprints'},
	},
	{
		text: 'labels and issues; issues have a title and a body; labels on issues (many to many)',
		tables: {labels: '', issues: 'title:string body:text', issue_labels: 'issue_id:references:issues label_id:references:labels'},
		pairs: {issue_labels: ['issue_id', 'label_id']},
	},
	{
		text: 'time entries: task, user, started at, stopped at (optional), billable default true',
		tables: {tasks: '', users: '', time_entries: 'task_id:references:tasks user_id:references:users started_at:utc_datetime stopped_at:utc_datetime:optional billable:boolean:default:true'},
	},
	{
		text: 'reminders: message, remind at, repeat which can be never, daily or weekly',
		tables: {reminders: 'message:string remind_at:utc_datetime repeat:enum:never:daily:weekly'},
	},
	// ---- library
	{
		text: 'Library: books (title, isbn unique, published on, pages), authors (name, bio), books belong to authors',
		tables: {books: 'title:string isbn:string:unique published_on:date pages:integer author_id:references:authors', authors: 'name:string bio:text'},
		context: 'Library',
	},
	{
		text: 'a library with members (name, email unique, joined on), books (title, author, copies) and loans (member, book, borrowed on, due on, returned on optional)',
		tables: {
			members: 'name:string email:string:unique joined_on:date',
			books: 'title:string author:string copies:integer',
			loans: 'member_id:references:members book_id:references:books borrowed_on:date due_on:date returned_on:date:optional',
		},
		context: 'Library',
	},
	{
		text: 'shelves with a label and a location; books belong to shelves',
		tables: {shelves: 'label:string location:string', books: 'shelf_id:references:shelves'},
	},
	{
		text: 'libraries have many shelves; shelves have a code',
		tables: {libraries: '', shelves: 'code:string library_id:references:libraries'},
	},
	{
		text: 'book reviews: book, reviewer name, stars from 1 to 5, text',
		tables: {books: '', book_reviews: 'book_id:references:books reviewer_name:string stars:integer text:text'},
	},
	{
		text: 'publishers with a name and a country; books have a title and belong to a publisher',
		tables: {publishers: 'name:string country:string', books: 'title:string publisher_id:references:publishers'},
	},
	{
		text: 'holds: member, book, placed at, fulfilled (bool)',
		tables: {members: '', books: '', holds: 'member_id:references:members book_id:references:books placed_at:utc_datetime fulfilled:boolean'},
	},
	{
		text: 'genres and books; genres on books (many to many)',
		tables: {genres: '', books: '', book_genres: 'book_id:references:books genre_id:references:genres'},
		pairs: {book_genres: ['book_id', 'genre_id']},
	},
	// ---- polls, surveys
	{
		text: 'polls: question, closes at, multiple choice (yes/no); choices: poll, text, position',
		tables: {polls: 'question:string closes_at:utc_datetime multiple_choice:boolean', choices: 'poll_id:references:polls text:text position:integer'},
	},
	{
		text: 'surveys have many questions; questions have a prompt and a kind of text, number or choice; answers belong to questions with a value',
		tables: {surveys: '', questions: 'prompt:string kind:enum:text:number:choice survey_id:references:surveys', answers: 'question_id:references:questions value:string'},
	},
	{
		text: 'votes: poll, user, choice, cast at; a user votes once per poll',
		tables: {polls: '', users: '', choices: '', votes: 'poll_id:references:polls user_id:references:users choice_id:references:choices cast_at:utc_datetime'},
		pairs: {votes: ['user_id', 'poll_id']},
	},
	{
		text: 'ballots with a title, opens at and close at a datetime',
		tables: {ballots: 'title:string opens_at:utc_datetime close_at:utc_datetime'},
	},
	{
		text: 'survey responses: survey, respondent email (optional), answers as a map, submitted at',
		tables: {surveys: '', survey_responses: 'survey_id:references:surveys respondent_email:string:optional answers:map submitted_at:utc_datetime'},
	},
	{
		text: 'quiz questions with a body, choices as an array of strings and a correct index',
		tables: {quiz_questions: 'body:text choices:array:string correct_index:integer'},
	},
	// ---- feature flags, config, ops
	{
		text: 'feature flags: key (unique), description, enabled defaults to false, rollout percentage 0-100',
		tables: {feature_flags: 'key:string:unique description:text enabled:boolean:default:false rollout_percentage:integer'},
	},
	{
		text: 'flags with a name unique and an enabled boolean; flag overrides belong to flags and users with a value (bool)',
		tables: {flags: 'name:string:unique enabled:boolean', users: '', flag_overrides: 'flag_id:references:flags user_id:references:users value:boolean'},
	},
	{
		text: 'settings: key unique, value as a map',
		tables: {settings: 'key:string:unique value:map'},
	},
	{
		text: 'environments (name: development, staging or production); deployments belong to environments, version, deployed at, succeeded (yes/no)',
		tables: {environments: 'name:enum:development:staging:production', deployments: 'environment_id:references:environments version:string deployed_at:utc_datetime succeeded:boolean'},
	},
	{
		text: 'webhooks: url, secret (redacted), events as an array of strings, active default true',
		tables: {webhooks: 'url:string secret:string:redact events:array:string active:boolean:default:true'},
	},
	{
		text: 'jobs: queue, payload as a map, attempts default 0, state (available, executing, completed, discarded), scheduled at',
		tables: {jobs: 'queue:string payload:map attempts:integer:default:0 state:enum:available:executing:completed:discarded scheduled_at:utc_datetime'},
	},
	{
		text: 'incidents: title, severity (sev1, sev2, sev3), opened at, resolved at (optional), owner (a user)',
		tables: {users: '', incidents: 'title:string severity:enum:sev1:sev2:sev3 opened_at:utc_datetime resolved_at:utc_datetime:optional owner_id:references:users'},
	},
	// ---- recipes, food
	{
		text: 'recipes (title, instructions, servings, prep time in minutes); ingredients (name); recipe_ingredients: recipe, ingredient, amount, unit',
		tables: {
			recipes: 'title:string instructions:text servings:integer prep_time_minutes:integer',
			ingredients: 'name:string',
			recipe_ingredients: 'recipe_id:references:recipes ingredient_id:references:ingredients amount:decimal unit:string',
		},
	},
	{
		text: 'recipes with a name, a difficulty of easy, medium or hard and a vegetarian flag',
		tables: {recipes: 'name:string difficulty:enum:easy:medium:hard vegetarian:boolean'},
	},
	{
		text: 'meal plans belong to users, week starting on; planned meals: meal plan, recipe, day, meal (breakfast, lunch, dinner)',
		tables: {
			users: '',
			recipes: '',
			meal_plans: 'user_id:references:users week_starting_on:date',
			planned_meals: 'meal_plan_id:references:meal_plans recipe_id:references:recipes day:string meal:enum:breakfast:lunch:dinner',
		},
	},
	{
		text: 'menus (name, active); dishes (name, price, calories, spicy yes/no) belong to menus',
		tables: {menus: 'name:string active:boolean', dishes: 'name:string price:decimal calories:integer spicy:boolean menu_id:references:menus'},
	},
	{
		text: 'pantry items: name, quantity, unit, expires on (optional)',
		tables: {pantry_items: 'name:string quantity:integer unit:string expires_on:date:optional'},
	},
	{
		text: 'wines: name, vintage year, price, rating out of 100, country',
		tables: {wines: 'name:string vintage_year:integer price:decimal rating:integer country:string'},
	},
	// ---- gym, fitness
	{
		text: 'i want to track my workouts - each workout has a date, a duration in minutes and notes; exercises belong to workouts with a name, sets, reps and weight in kg',
		tables: {workouts: 'date:date duration_minutes:integer notes:text', exercises: 'workout_id:references:workouts name:string sets:integer reps:integer weight_kg:float'},
	},
	{
		text: 'gym: members (name, email unique, birthday, membership type: monthly, yearly or day pass), trainers (name, hourly rate)',
		tables: {members: 'name:string email:string:unique birthday:date membership_type:enum:monthly:yearly:day_pass', trainers: 'name:string hourly_rate:decimal'},
		context: 'Gym',
	},
	{
		text: 'check ins: member, checked in at',
		tables: {members: '', check_ins: 'member_id:references:members checked_in_at:utc_datetime'},
	},
	{
		text: 'runs with a distance in km, a duration in seconds, an average heart rate and a route as a map',
		tables: {runs: 'distance_km:float duration_seconds:integer average_heart_rate:integer route:map'},
	},
	{
		text: 'body measurements: user, measured on, weight in kg, body fat percent',
		tables: {users: '', body_measurements: 'user_id:references:users measured_on:date weight_kg:float body_fat_percent:integer'},
	},
	{
		text: 'training plans have many sessions; sessions have a day of week and a focus',
		tables: {training_plans: '', sessions: 'day_of_week:string focus:string training_plan_id:references:training_plans'},
	},
	// ---- CRM
	{
		text: 'CRM: companies (name, website, industry), contacts (first name, last name, email unique, phone) belong to companies, deals (title, value, stage: lead, qualified, won or lost) belong to companies and contacts',
		tables: {
			companies: 'name:string website:string industry:string',
			contacts: 'first_name:string last_name:string email:string:unique phone:string company_id:references:companies',
			deals: 'title:string value:decimal stage:enum:lead:qualified:won:lost company_id:references:companies contact_id:references:contacts',
		},
		context: 'CRM',
		known: "'value' is read as a string; a deal's value is money",
	},
	{
		text: 'leads with a name, an email, a source and a score; activities belong to leads with a kind (call, email, meeting) and a happened at',
		tables: {leads: 'name:string email:string source:string score:integer', activities: 'lead_id:references:leads kind:enum:call:email:meeting happened_at:utc_datetime'},
	},
	{
		text: 'notes: body, contact, author (a user), pinned default false',
		tables: {contacts: '', users: '', notes: 'body:text contact_id:references:contacts author_id:references:users pinned:boolean:default:false'},
	},
	{
		text: 'pipelines have many stages; stages have a name and a position; deals belong to stages with an amount',
		tables: {pipelines: '', stages: 'name:string position:integer pipeline_id:references:pipelines', deals: 'stage_id:references:stages amount:decimal'},
	},
	{
		text: 'contacts with first and last names, an email and a phone',
		tables: {contacts: 'first_name:string last_name:string email:string phone:string'},
	},
	{
		text: 'customers: name, email (unique), lifetime value, is vip',
		tables: {customers: 'name:string email:string:unique lifetime_value:decimal is_vip:boolean'},
	},
	// ---- misc domains
	{
		text: 'a real estate app: properties (address, price, bedrooms, bathrooms, listing type of sale or rent, sqft); agents (name, phone); properties belong to agents',
		tables: {properties: 'address:string price:decimal bedrooms:integer bathrooms:integer listing_type:enum:sale:rent sqft:integer agent_id:references:agents', agents: 'name:string phone:string'},
		context: 'RealEstate',
	},
	{
		text: 'vehicles (make, model, year, vin unique); service records belong to vehicles, serviced on, mileage, cost',
		tables: {vehicles: 'make:string model:string year:integer vin:string:unique', service_records: 'vehicle_id:references:vehicles serviced_on:date mileage:integer cost:decimal'},
	},
	{
		text: 'pets with a name, a species (dog, cat, bird, other) and a birthday; owners have many pets',
		tables: {owners: '', pets: 'name:string species:enum:dog:cat:bird:other birthday:date owner_id:references:owners'},
	},
	{
		text: 'songs (title, duration in seconds, track number); albums (title, released on); songs belong to albums',
		tables: {songs: 'title:string duration_seconds:integer track_number:integer album_id:references:albums', albums: 'title:string released_on:date'},
	},
	{
		text: 'playlists have a name and belong to users; playlists and songs are many to many',
		tables: {users: '', songs: '', playlists: 'name:string user_id:references:users', playlist_songs: 'playlist_id:references:playlists song_id:references:songs'},
		pairs: {playlist_songs: ['playlist_id', 'song_id']},
	},
	{
		text: 'movies: title, release year, runtime in minutes, rating (G, PG, PG13, R)',
		tables: {movies: 'title:string release_year:integer runtime_minutes:integer rating:enum:G:PG:PG13:R'},
	},
	{
		text: 'warehouses (name, location); stock levels: warehouse, product, quantity default 0',
		tables: {warehouses: 'name:string location:string', products: '', stock_levels: 'warehouse_id:references:warehouses product_id:references:products quantity:integer:default:0'},
	},
	{
		text: 'a parking app: lots (name, capacity, hourly rate), spots belong to lots (number, covered yes/no), sessions belong to spots (plate, started at, ended at optional)',
		tables: {
			lots: 'name:string capacity:integer hourly_rate:decimal',
			spots: 'lot_id:references:lots number:integer covered:boolean',
			sessions: 'spot_id:references:spots plate:string started_at:utc_datetime ended_at:utc_datetime:optional',
		},
		context: 'Parking',
	},
	{
		text: 'donations: donor name, amount, currency, anonymous (bool), donated at; campaigns have many donations; campaigns have a goal and a title',
		tables: {campaigns: 'goal:decimal title:string', donations: 'donor_name:string amount:decimal currency:string anonymous:boolean donated_at:utc_datetime campaign_id:references:campaigns'},
	},
	{
		text: 'sensors (name, serial unique, latitude, longitude); readings belong to sensors with a value (float) and a recorded at',
		tables: {sensors: 'name:string serial:string:unique latitude:float longitude:float', readings: 'sensor_id:references:sensors value:float recorded_at:utc_datetime'},
	},
	{
		text: 'documents with a title, a body as text, a version number and a published boolean',
		tables: {documents: 'title:string body:text version_number:integer published:boolean'},
	},
	{
		text: 'uploads: filename, content type, size in bytes, checksum unique, uploaded by (a user)',
		tables: {users: '', uploads: 'filename:string content_type:string size_bytes:integer checksum:string:unique uploaded_by_id:references:users'},
	},
	{
		text: 'countries (name, code unique); cities belong to countries with a name and a population',
		tables: {countries: 'name:string code:string:unique', cities: 'country_id:references:countries name:string population:integer'},
	},
	{
		text: 'patients with a name, a date of birth and an insurance number (redacted)',
		tables: {patients: 'name:string date_of_birth:date insurance_number:string:redact'},
	},
	{
		text: 'articles: title, body, word count, reading time in minutes, featured (bool)',
		tables: {articles: 'title:string body:text word_count:integer reading_time_minutes:integer featured:boolean'},
	},
	{
		text: 'newsletters with a subject; subscribers (email unique, confirmed yes/no); subscriptions join subscribers and newsletters',
		tables: {newsletters: 'subject:string', subscribers: 'email:string:unique confirmed:boolean', subscriptions: 'subscriber_id:references:subscribers newsletter_id:references:newsletters'},
		pairs: {subscriptions: ['subscriber_id', 'newsletter_id']},
	},
	{
		text: 'bugs have a title, a severity which is one of low, medium or high, and a reporter (a user)',
		tables: {users: '', bugs: 'title:string severity:enum:low:medium:high reporter_id:references:users'},
	},
	{
		text: 'photos: caption, url, taken at, album; albums: title, cover url (optional)',
		tables: {albums: 'title:string cover_url:string:optional', photos: 'caption:string url:string taken_at:utc_datetime album_id:references:albums'},
	},
	{
		text: 'courses have many modules; modules have many lessons; lessons have a title and a video url',
		tables: {courses: '', modules: 'course_id:references:courses', lessons: 'title:string video_url:string module_id:references:modules'},
	},
	{
		text: 'job postings (title, salary, remote yes/no, posted on); applications belong to job postings with an applicant email and a resume url; status: applied, interviewing, offered, rejected',
		tables: {
			job_postings: 'title:string salary:decimal remote:boolean posted_on:date',
			applications: 'job_posting_id:references:job_postings applicant_email:string resume_url:string status:enum:applied:interviewing:offered:rejected',
		},
	},
	// ---- generator syntax, mixed
	{
		text: 'Blog.Post posts title:string body:text published:boolean',
		tables: {posts: 'title:string body:text published:boolean'},
		contexts: {posts: 'Blog'},
	},
	{
		text: 'Accounts.User users email:string:unique name age:integer',
		tables: {users: 'email:string:unique name:string age:integer'},
		contexts: {users: 'Accounts'},
	},
	{
		text: 'Shop.Product products name price:decimal quantity:integer:default:0 notes:text:optional',
		tables: {products: 'name:string price:decimal quantity:integer:default:0 notes:text:optional'},
	},
	{
		text: 'posts title:string body:text',
		tables: {posts: 'title:string body:text'},
	},
	{
		text: 'Blog.Post posts title:string\ncomments with a body and a post_id',
		tables: {posts: 'title:string', comments: 'body:text post_id:references:posts'},
	},
	{
		text: 'posts: title:string, body:text, views:integer',
		tables: {posts: 'title:string body:text views:integer'},
	},
	{
		text: 'Post posts title:string titleX:string',
		tables: {posts: 'title:string titleX:string'},
	},
	{
		text: 'events with a name and end:date',
		refuse: /end/,
	},
	{
		text: 'Blog.Post posts tags:array:enum',
		refuse: /tags:array:enum/,
	},
	{
		text: 'items: name, tags (array of strings), data as a map, uuid',
		tables: {items: 'name:string tags:array:string data:map uuid:uuid'},
	},
	{
		text: 'Inventory.Item items sku:string:unique quantity:integer\nInventory.Movement movements item_id:references:items quantity:integer moved_at:utc_datetime',
		tables: {items: 'sku:string:unique quantity:integer', movements: 'item_id:references:items quantity:integer moved_at:utc_datetime'},
	},
	{
		text: 'movements belong to items and warehouses, quantity, moved at',
		tables: {items: '', warehouses: '', movements: 'item_id:references:items warehouse_id:references:warehouses quantity:integer moved_at:utc_datetime'},
	},
	{
		text: 'stock movements belong to products and locations, quantity, reason, moved at',
		tables: {products: '', locations: '', stock_movements: 'product_id:references:products location_id:references:locations quantity:integer reason:string moved_at:utc_datetime'},
	},
	// ---- preambles and framing
	{
		text: 'I need an app to manage a library. Books: title, author, isbn (unique).',
		tables: {books: 'title:string author:string isbn:string:unique'},
		context: 'Library',
	},
	{
		text: "We're building a fitness tracker. Workouts have a name and a started at.",
		tables: {workouts: 'name:string started_at:utc_datetime'},
		context: 'Fitness',
	},
	{
		text: 'Please create the following:\n- Author: name, bio\n- Book: title, pages, author',
		tables: {authors: 'name:string bio:text', books: 'title:string pages:integer author_id:references:authors'},
	},
	{
		text: '- Author: name, bio',
		tables: {authors: 'name:string bio:text'},
	},
	{
		text: 'Can you generate a schema for blog posts with a title, body and published at?',
		tables: {blog_posts: 'title:string body:text published_at:utc_datetime'},
	},
	{
		text: 'Make me a recipe app with recipes (name, servings) and steps (position, instruction) that belong to recipes.',
		tables: {recipes: 'name:string servings:integer', steps: 'position:integer instruction:text recipe_id:references:recipes'},
		// "Recipe" is the schema's name, so the context is its plural (Phoenix refuses Recipe.Recipe).
		context: 'Recipes',
	},
	{
		text: 'Hi! Set up users with a name and an email (unique). Thanks',
		tables: {users: 'name:string email:string:unique'},
	},
	{
		text: 'Build an inventory system:\n* items: name, sku unique, quantity\n* suppliers: name, email',
		tables: {items: 'name:string sku:string:unique quantity:integer', suppliers: 'name:string email:string'},
		context: 'Inventory',
	},
	{
		text: '1. Authors with a name\n2. Books with a title that belong to authors',
		tables: {authors: 'name:string', books: 'title:string author_id:references:authors'},
	},
	{
		text: 'POSTS WITH A TITLE AND A BODY',
		tables: {posts: 'title:string body:text'},
	},
	{
		text: 'Create a Posts table with Title, Body and Published At.',
		tables: {posts: 'title:string body:text published_at:utc_datetime'},
	},
	{
		text: 'I want to keep track of my plants: name, species, watered on, light (low, medium, bright)',
		tables: {plants: 'name:string species:string watered_on:date light:enum:low:medium:bright'},
	},
	{
		text: 'A blog. Posts: title, body. Use UUID primary keys.',
		tables: {posts: 'title:string body:text'},
		binaryId: true,
		context: 'Blog',
	},
	{
		text: 'users (name, email) with timestamps',
		tables: {users: 'name:string email:string'},
	},
	// ---- words with no place: left out and said so (refused with --strict)
	{
		text: 'posts with a title, and make it fast',
		tables: {posts: 'title:string'},
		leftOut: /make it fast/,
	},
	{
		text: 'users with a name, synced to the CRM every night',
		tables: {users: 'name:string'},
		leftOut: /synced to the crm every night/i,
	},
	{
		text: 'a blog with posts that are cached in redis',
		refuse: /cached in redis/,
	},
	{
		text: 'products with a price, soft deletable',
		tables: {products: 'price:decimal'},
		leftOut: /soft deletable/,
	},
	{
		// Two sentences about one entity describe it together.
		text: 'posts with a title; posts with a body',
		tables: {posts: 'title:string body:text'},
	},
	{
		text: 'hello',
		refuse: /hello/,
	},
	{
		text: 'orders with a total; validate that the total is positive',
		tables: {orders: 'total:decimal'},
		leftOut: /validate that the total is positive/,
	},
	// ---- more types and modifiers
	{
		text: 'profiles: nickname (optional), website (optional), verified defaults to false',
		tables: {profiles: 'nickname:string:optional website:string:optional verified:boolean:default:false'},
	},
	{
		text: 'devices: name, last seen at, battery level 0-100, firmware version, metadata (json)',
		tables: {devices: 'name:string last_seen_at:utc_datetime battery_level:integer firmware_version:string metadata:map'},
	},
	{
		text: 'timesheets: employee, week of, hours (float), approved (bool) default false',
		tables: {employees: '', timesheets: 'employee_id:references:employees week_of:date hours:float approved:boolean:default:false'},
	},
	{
		text: 'products: name (required), price (required), description (optional)',
		tables: {products: 'name:string price:decimal description:text:optional'},
	},
	{
		text: 'store hours: weekday, opens at a time, closes at a time',
		tables: {store_hours: 'weekday:string opens_at:time closes_at:time'},
	},
	{
		text: 'rates: label, value (decimal) defaults to 0.0, effective on',
		tables: {rates: 'label:string value:decimal:default:0.0 effective_on:date'},
	},
	{
		text: 'counters: name unique, count default 0',
		tables: {counters: 'name:string:unique count:integer:default:0'},
	},
	{
		text: 'tickets with a title and a status that defaults to open',
		tables: {tickets: 'title:string status:string:default:open'},
	},
	{
		text: 'tickets with a title and a status (open, closed) defaulting to open',
		tables: {tickets: 'title:string status:enum:open:closed:default:open'},
	},
	{
		text: 'addresses: street, city, postal code, country, user',
		tables: {users: '', addresses: 'street:string city:string postal_code:string country:string user_id:references:users'},
	},
	{
		text: 'people with a name and a birthday; pets belong to people',
		tables: {people: 'name:string birthday:date', pets: 'person_id:references:people'},
	},
	{
		text: 'boxes with a width, a height and a depth in cm',
		tables: {boxes: 'width:float height:float depth_cm:float'},
	},
	{
		text: 'shifts: employee (user), starts at, ends at, role: cashier, cook or manager',
		tables: {users: '', shifts: 'employee_id:references:users starts_at:utc_datetime ends_at:utc_datetime role:enum:cashier:cook:manager'},
	},
	{
		text: 'media items with a title and a kind of image or video',
		tables: {media_items: 'title:string kind:enum:image:video'},
	},
	{
		text: 'statuses with a label; statuses belong to users',
		tables: {users: '', statuses: 'label:string user_id:references:users'},
	},
	{
		text: 'categories with a name and a parent category (optional)',
		tables: {categories: 'name:string parent_id:references:categories'},
	},
	{
		text: 'employees with a name and a manager (an employee)',
		tables: {employees: 'name:string manager_id:references:employees'},
	},
	// ---- found while probing: entities named in a field list, and named again before their relations
	{
		text: 'polls with a question and options; each option has a label and a vote count',
		tables: {polls: 'question:string', options: 'poll_id:references:polls label:string vote_count:integer'},
	},
	{
		text: 'projects with a name and a budget; tasks with a title, due date, priority (low/medium/high) and an estimate in hours, each task belongs to a project and can be assigned to a user',
		tables: {
			projects: 'name:string budget:decimal',
			users: '',
			tasks: 'title:string due_date:date priority:enum:low:medium:high estimate_hours:integer project_id:references:projects assignee_id:references:users',
		},
	},
	{
		text: 'A feature flag service: flags (key unique, description, enabled default false), and environments (name). Flag states join flags and environments with an enabled boolean.',
		tables: {
			flags: 'key:string:unique description:text enabled:boolean:default:false',
			environments: 'name:string',
			flag_states: 'enabled:boolean flag_id:references:flags environment_id:references:environments',
		},
		pairs: {flag_states: ['flag_id', 'environment_id']},
		context: 'FeatureFlag',
	},
	{
		text: 'a todo app with lists and items. Items have a title, a done flag and belong to a list.',
		tables: {lists: '', items: 'title:string done:boolean list_id:references:lists'},
		context: 'Todo',
	},
];
