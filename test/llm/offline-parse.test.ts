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
