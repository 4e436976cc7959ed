import test from 'ava';
import {inferType} from '../../source/llm/offline/infer-type.js';
import {pluralize, singularize} from '../../source/llm/offline/inflect.js';
import {parseDescription} from '../../source/llm/offline/parse-description.js';
import type {PlannedEntity} from '../../source/llm/offline/types.js';

/** Entities as compact tuples: [schema, plural, attrs]. */
function plan(description: string): Array<[string, string, string[]]> {
	const parsed = parseDescription(description);
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.value.map((entity: PlannedEntity) => [entity.schema, entity.plural, entity.attrs]);
}

function refusal(description: string): string {
	const parsed = parseDescription(description);
	if (parsed.ok) throw new Error(`expected a refusal, got ${JSON.stringify(parsed.value)}`);
	return parsed.message;
}

const cases: Array<[string, Array<[string, string, string[]]>]> = [
	['Blog.Post posts title:string body:text published:boolean', [['Blog.Post', 'posts', ['title:string', 'body:text', 'published:boolean']]]],
	[
		// Generator syntax is passed on verbatim: no type means string to the tools, as in Phoenix.
		'Blog.Post posts title slug:string:unique secret:string:redact tags:array:string status:enum:draft:published',
		[['Blog.Post', 'posts', ['title', 'slug:string:unique', 'secret:string:redact', 'tags:array:string', 'status:enum:draft:published']]],
	],
	[
		'Blog.Post posts title\nBlog.Comment comments body:text post_id:references:posts',
		[
			['Blog.Post', 'posts', ['title']],
			['Blog.Comment', 'comments', ['body:text', 'post_id:references:posts']],
		],
	],
	[
		// Written in the wrong order: the referenced table is created first.
		'Blog.Comment comments body:text post_id:references:posts; Blog.Post posts title:string',
		[
			['Blog.Post', 'posts', ['title:string']],
			['Blog.Comment', 'comments', ['body:text', 'post_id:references:posts']],
		],
	],
	[
		'Site.Blog.Post posts title:string;Accounts.Person people name:string',
		[
			['Site.Blog.Post', 'posts', ['title:string']],
			['Accounts.Person', 'people', ['name:string']],
		],
	],
	[
		'a blog with posts (title, body as text, published boolean) and comments (body) that belong to posts',
		[
			['Blog.Post', 'posts', ['title:string', 'body:text', 'published:boolean']],
			['Blog.Comment', 'comments', ['body:text', 'post_id:references:posts']],
		],
	],
	[
		'users with email and name, has many posts',
		[
			['Users.User', 'users', ['email:string', 'name:string']],
			['Users.Post', 'posts', ['user_id:references:users']],
		],
	],
	[
		'a shop: products with a name, a price and a stock count; orders that belong to users with a total amount and a placed_at',
		[
			['Shop.Product', 'products', ['name:string', 'price:decimal', 'stock_count:integer']],
			['Shop.Order', 'orders', ['total_amount:decimal', 'placed_at:utc_datetime', 'user_id:references:users']],
		],
	],
	[
		'posts with a title and a unique slug, a body, is_featured, published_on and comments with a body that belong to posts',
		[
			['Posts.Post', 'posts', ['title:string', 'slug:string:unique', 'body:text', 'is_featured:boolean', 'published_on:date']],
			['Posts.Comment', 'comments', ['body:text', 'post_id:references:posts']],
		],
	],
	[
		'accounts with a redacted password, an email (unique), age, role as one of admin/member, tags as a list of strings, a start date',
		[
			[
				'Accounts.Account',
				'accounts',
				['password:string:redact', 'email:string:unique', 'age:integer', 'role:enum:admin:member', 'tags:array:string', 'start_date:date'],
			],
		],
	],
	[
		// Explicit types win over inference: "price (integer)", "body as string", "notes:string".
		'a store: items with a price (integer), body as string, notes:string, a count',
		[['Store.Item', 'items', ['price:integer', 'body:string', 'notes:string', 'count:integer']]],
	],
	[
		'people with a name\naddresses with a street that belong to people\ncategories with a name\nstatuses with a label',
		[
			['People.Person', 'people', ['name:string']],
			['People.Address', 'addresses', ['street:string', 'person_id:references:people']],
			['People.Category', 'categories', ['name:string']],
			['People.Status', 'statuses', ['label:string']],
		],
	],
	[
		// "has many" declared before the owned entity is described: the owned one still gets the reference.
		'an online shop: customers with a name, has many orders; orders with a total and an ordered_at',
		[
			['OnlineShop.Customer', 'customers', ['name:string']],
			['OnlineShop.Order', 'orders', ['total:decimal', 'ordered_at:utc_datetime', 'customer_id:references:customers']],
		],
	],
	[
		'create a blog with articles (title, is_draft, view_count, uuid) and tags (name)',
		[
			['Blog.Article', 'articles', ['title:string', 'is_draft:boolean', 'view_count:integer', 'uuid:uuid']],
			['Blog.Tag', 'tags', ['name:string']],
		],
	],
	[
		// Mixed: a generator line and English; the English entity refers to the generator one's table.
		'Blog.Post blog_posts title:string\ncomments with a body and a post_id',
		[
			['Blog.Post', 'blog_posts', ['title:string']],
			['Blog.Comment', 'comments', ['body:text', 'post_id:references:blog_posts']],
		],
	],
	[
		'line items with a quantity, an event_on and a created_uuid',
		[['LineItems.LineItem', 'line_items', ['quantity:integer', 'event_on:date', 'created_uuid:uuid']]],
	],
];

/** Plain English as a demanding user writes it. References come after the fields, in the order written. */
const englishCases: Array<[string, Array<[string, string, string[]]>]> = [
	[
		// "and products" continues the belongs-to targets; "with a quantity" is about order items.
		'order items that belong to orders and products with a quantity',
		[['OrderItems.OrderItem', 'order_items', ['quantity:integer', 'order_id:references:orders', 'product_id:references:products']]],
	],
	[
		// Entities named without fields are generated without fields (the summary says so).
		'a blog with posts and comments',
		[
			['Blog.Post', 'posts', []],
			['Blog.Comment', 'comments', []],
		],
	],
	[
		'a blog with posts and comments that belong to posts',
		[
			['Blog.Post', 'posts', []],
			['Blog.Comment', 'comments', ['post_id:references:posts']],
		],
	],
	[
		'a todo app: lists with a name; items with a title, a done flag and a due date, each item belongs to a list',
		[
			['TodoApp.List', 'lists', ['name:string']],
			['TodoApp.Item', 'items', ['title:string', 'done:boolean', 'due_date:date', 'list_id:references:lists']],
		],
	],
	[
		'authors (name, bio) have many books (title, isbn unique, published_on)',
		[
			['Authors.Author', 'authors', ['name:string', 'bio:text']],
			['Authors.Book', 'books', ['title:string', 'isbn:string:unique', 'published_on:date', 'author_id:references:authors']],
		],
	],
	[
		// customers is not planned: the summary warns when the project lacks the table.
		'a shop: products with a name, a price and a stock count; orders that belong to customers with a total amount and a placed_at',
		[
			['Shop.Product', 'products', ['name:string', 'price:decimal', 'stock_count:integer']],
			['Shop.Order', 'orders', ['total_amount:decimal', 'placed_at:utc_datetime', 'customer_id:references:customers']],
		],
	],
	[
		'posts with title and body; comments with body, belonging to posts',
		[
			['Posts.Post', 'posts', ['title:string', 'body:text']],
			['Posts.Comment', 'comments', ['body:text', 'post_id:references:posts']],
		],
	],
	['users have many posts', [['Users.User', 'users', []], ['Users.Post', 'posts', ['user_id:references:users']]]],
	['users with many posts', [['Users.User', 'users', []], ['Users.Post', 'posts', ['user_id:references:users']]]],
	['authors with a name, each with many books', [['Authors.Author', 'authors', ['name:string']], ['Authors.Book', 'books', ['author_id:references:authors']]]],
	[
		'users have many posts and comments',
		[
			['Users.User', 'users', []],
			['Users.Post', 'posts', ['user_id:references:users']],
			['Users.Comment', 'comments', ['user_id:references:users']],
		],
	],
	[
		'users with a unique email, a redacted password_hash, a name and an is_admin flag',
		[['Users.User', 'users', ['email:string:unique', 'password_hash:string:redact', 'name:string', 'is_admin:boolean']]],
	],
	[
		// "has one": the owned row points back, at most one per owner.
		'accounts with an email (unique) and a name; each account has one profile (bio, avatar_url)',
		[
			['Accounts.Account', 'accounts', ['email:string:unique', 'name:string']],
			['Accounts.Profile', 'profiles', ['bio:text', 'avatar_url:string', 'account_id:references:accounts:unique']],
		],
	],
	[
		'users with a name, has one profile; profiles with a bio',
		[
			['Users.User', 'users', ['name:string']],
			['Users.Profile', 'profiles', ['bio:text', 'user_id:references:users:unique']],
		],
	],
	[
		'an e-commerce site: products with a name, a unique sku, a price in cents, tags as a list of strings and a status which is one of draft, published or archived; orders belong to customers with a total and a placed_at; order items that belong to orders and products with a quantity and a unit price',
		[
			['ECommerceSite.Product', 'products', ['name:string', 'sku:string:unique', 'price_cents:integer', 'tags:array:string', 'status:enum:draft:published:archived']],
			['ECommerceSite.Order', 'orders', ['total:decimal', 'placed_at:utc_datetime', 'customer_id:references:customers']],
			['ECommerceSite.OrderItem', 'order_items', ['quantity:integer', 'unit_price:decimal', 'order_id:references:orders', 'product_id:references:products']],
		],
	],
	[
		'a cms: categories (name, unique slug) having many articles (title, body, published_at)',
		[
			['Cms.Category', 'categories', ['name:string', 'slug:string:unique']],
			['Cms.Article', 'articles', ['title:string', 'body:text', 'published_at:utc_datetime', 'category_id:references:categories']],
		],
	],
	[
		// Written before the venues: the referenced table is still created first.
		'events with a title, a start time and an end time, each event belongs to a venue; venues with a name and a capacity count',
		[
			['Events.Venue', 'venues', ['name:string', 'capacity_count:integer']],
			['Events.Event', 'events', ['title:string', 'start_time:utc_datetime', 'end_time:utc_datetime', 'venue_id:references:venues']],
		],
	],
	['events with a name and start and end times', [['Events.Event', 'events', ['name:string', 'start_time:utc_datetime', 'end_time:utc_datetime']]]],
	[
		'people with first and last names, a birth date, an age',
		[['People.Person', 'people', ['first_name:string', 'last_name:string', 'birth_date:date', 'age:integer']]],
	],
	[
		'reviews with a rating from 1 to 5, a comment as text and an optional title, each review belongs to a product and a user',
		[['Reviews.Review', 'reviews', ['rating:integer', 'comment:text', 'title:string', 'product_id:references:products', 'user_id:references:users']]],
	],
	[
		'tickets with a subject, a priority between 1 and 3, a status (one of open, closed), an assignee_id',
		[['Tickets.Ticket', 'tickets', ['subject:string', 'priority:integer', 'status:enum:open:closed', 'assignee_id:integer']]],
	],
	[
		'members with a name and a role, either admin or member, belonging to teams',
		[['Members.Member', 'members', ['name:string', 'role:enum:admin:member', 'team_id:references:teams']]],
	],
	[
		'invoices with a number, an amount in euros, a due date and a paid flag',
		[['Invoices.Invoice', 'invoices', ['number:string', 'amount:decimal', 'due_date:date', 'paid:boolean']]],
	],
	[
		'a catalog: categories with a name and a unique slug; products with a name, a weight in kg and a price in cents, belonging to categories',
		[
			['Catalog.Category', 'categories', ['name:string', 'slug:string:unique']],
			['Catalog.Product', 'products', ['name:string', 'weight_kg:float', 'price_cents:integer', 'category_id:references:categories']],
		],
	],
	[
		// Sentences are clauses too.
		'posts with a title and a body. comments with a body belonging to posts.',
		[
			['Posts.Post', 'posts', ['title:string', 'body:text']],
			['Posts.Comment', 'comments', ['body:text', 'post_id:references:posts']],
		],
	],
	[
		'products with a name and a price, and reviews with a score, each with a body',
		[
			['Products.Product', 'products', ['name:string', 'price:decimal']],
			['Products.Review', 'reviews', ['score:integer', 'body:text']],
		],
	],
	[
		'projects have many tasks with a title and a done flag',
		[
			['Projects.Project', 'projects', []],
			['Projects.Task', 'tasks', ['title:string', 'done:boolean', 'project_id:references:projects']],
		],
	],
	[
		'a blog with posts (title) and comments (body) that belong to posts and tags (name)',
		[
			['Blog.Post', 'posts', ['title:string']],
			['Blog.Comment', 'comments', ['body:text', 'post_id:references:posts']],
			['Blog.Tag', 'tags', ['name:string']],
		],
	],
	['users: email, name, age', [['Users.User', 'users', ['email:string', 'name:string', 'age:integer']]]],
	['songs with a title, a duration in seconds, a track number', [['Songs.Song', 'songs', ['title:string', 'duration_seconds:integer', 'track_number:string']]]],
	[
		'I need a blog with posts (title, a unique slug, body as text, published boolean) and comments (author_name, body) that belong to posts',
		[
			['Blog.Post', 'posts', ['title:string', 'slug:string:unique', 'body:text', 'published:boolean']],
			['Blog.Comment', 'comments', ['author_name:string', 'body:text', 'post_id:references:posts']],
		],
	],
	[
		'a todo app with lists and items; items with a title and a completed flag, each item belongs to a list',
		[
			['TodoApp.List', 'lists', []],
			['TodoApp.Item', 'items', ['title:string', 'completed:boolean', 'list_id:references:lists']],
		],
	],
	[
		'recipes with a title, a number of servings, ingredients as a list of strings, and a difficulty which is one of easy, medium or hard',
		[['Recipes.Recipe', 'recipes', ['title:string', 'serving_count:integer', 'ingredients:array:string', 'difficulty:enum:easy:medium:hard']]],
	],
	[
		'employees that belong to departments, with a name, salary in dollars, hired_on, and a manager_id',
		[['Employees.Employee', 'employees', ['name:string', 'salary:decimal', 'hired_on:date', 'manager_id:integer', 'department_id:references:departments']]],
	],
	[
		'posts with a title, likes count, view count and a featured flag, and also tags with a name',
		[
			['Posts.Post', 'posts', ['title:string', 'likes_count:integer', 'view_count:integer', 'featured:boolean']],
			['Posts.Tag', 'tags', ['name:string']],
		],
	],
	['locations with latitude, longitude and a name', [['Locations.Location', 'locations', ['latitude:float', 'longitude:float', 'name:string']]]],
	['posts (title, unique slug, tags as strings)', [['Posts.Post', 'posts', ['title:string', 'slug:string:unique', 'tags:array:string']]]],
	// Phoenix refuses a context named like its schema: an uncountable noun gets a suffixed context.
	['news with a headline and a body', [['NewsContext.News', 'news', ['headline:string', 'body:text']]]],
];

for (const [description, expected] of englishCases) {
	test(`reads English: ${description}`, t => {
		t.deepEqual(plan(description), expected);
	});
}

test('filler words never become fields: what cannot be read is named', t => {
	t.regex(refusal('posts with a title and each of them is great'), /^I could not read: 'each of them is great'\./);
	t.regex(refusal('posts with a title, and please make it nice'), /^I could not read: 'please make it nice'\./);
	t.regex(refusal('widgets with a flux capacitor frobnicator setting value'), /^I could not read: 'a flux capacitor frobnicator setting value'\./);
	t.regex(refusal('posts with a title as a squiggle'), /^I could not read: 'a title as a squiggle'\./);
	t.regex(refusal('a blog with posts and frobnicate'), /^I could not read: 'frobnicate'\./);
});

test('a context never equals its schema alias', t => {
	for (const [description] of englishCases) {
		const parsed = parseDescription(description);
		if (!parsed.ok) throw new Error(parsed.message);
		for (const entity of parsed.value) t.not(entity.context, entity.alias, description);
	}
});

for (const [description, expected] of cases) {
	test(`plans: ${description.replaceAll('\n', ' / ')}`, t => {
		t.deepEqual(plan(description), expected);
	});
}

test('the same description always gives the same plan', t => {
	const description = cases[7]![0];
	t.deepEqual(parseDescription(description), parseDescription(description));
});

test('type inference from names', t => {
	const expected: Record<string, string> = {
		email: 'string',
		body: 'text',
		description: 'text',
		content: 'text',
		bio: 'text',
		notes: 'text',
		inserted_at: 'utc_datetime',
		born_on: 'date',
		due_date: 'date',
		is_admin: 'boolean',
		has_avatar: 'boolean',
		published: 'boolean',
		active: 'boolean',
		enabled: 'boolean',
		price: 'decimal',
		amount: 'decimal',
		total: 'decimal',
		cost: 'decimal',
		unit_price: 'decimal',
		count: 'integer',
		age: 'integer',
		quantity: 'integer',
		stock: 'integer',
		position: 'integer',
		like_count: 'integer',
		uuid: 'uuid',
		external_uuid: 'uuid',
		title: 'string',
		nickname: 'string',
	};
	for (const [name, type] of Object.entries(expected)) t.is(inferType(name), type, name);
});

test('inflection of simple English', t => {
	const pairs: Array<[string, string]> = [
		['post', 'posts'],
		['category', 'categories'],
		['person', 'people'],
		['address', 'addresses'],
		['status', 'statuses'],
		['box', 'boxes'],
		['movie', 'movies'],
		['day', 'days'],
		['line_item', 'line_items'],
		['news', 'news'],
	];
	for (const [singular, plural] of pairs) {
		t.is(pluralize(singular), plural, singular);
		t.is(pluralize(plural), plural, `${plural} stays plural`);
		t.is(singularize(plural), singular, plural);
		t.is(singularize(singular), singular, `${singular} stays singular`);
	}
});

test('words it cannot read are named, with the syntax to use', t => {
	const message = refusal('frobnicate the widgets');
	t.true(message.startsWith("I could not read: 'frobnicate the widgets'."), message);
	t.true(message.includes('`Blog.Post posts title:string'), message);
	t.regex(refusal('posts with a title and a !!shiny!! body'), /I could not read: '.*!!shiny!! body'/);
	t.regex(refusal('posts with a title; we need to frobnicate stuff'), /could not read: 'we need to frobnicate stuff'/);
	t.regex(refusal('   \n ;; '), /description is empty/);
});

test('a reference cycle is refused with the cycle named', t => {
	const message = refusal('posts that belong to comments with a title; comments that belong to posts with a body');
	t.regex(message, /cycle: posts → comments → posts/);
	t.regex(message, /created before it/);
	t.regex(refusal('Blog.A as b_id:references:bs x:string; Blog.B bs a_id:references:as'), /cycle: as → bs → as/);
});

test('a self reference is allowed (a table may reference itself)', t => {
	t.deepEqual(plan('Blog.Comment comments body:text parent_id:references:comments'), [
		['Blog.Comment', 'comments', ['body:text', 'parent_id:references:comments']],
	]);
});

test('bad generator syntax names the bad part and what is allowed', t => {
	t.regex(refusal('Blog.Post posts title:strang'), /'title:strang': unknown type 'strang'; allowed types: integer, float, decimal/);
	t.regex(refusal('Blog.Post posts user_id:references'), /references needs a table/);
	t.regex(refusal('Blog.Post posts tags:array'), /array needs an inner type/);
	t.regex(refusal('Blog.Post posts status:enum'), /enum needs values/);
	t.regex(refusal('Blog.Post posts Title:string'), /'Title' must be lowercase snake_case/);
	t.regex(refusal('Blog.Post Posts title:string'), /'Posts' must be lowercase snake_case/);
});

test('an entity described twice is refused', t => {
	t.regex(refusal('posts with a title; posts with a body'), /'posts' is described twice/);
	t.regex(refusal('posts with a title and a title'), /'title' is given twice/);
});
