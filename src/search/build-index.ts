import type { Link, Post } from '../content/types.ts';
import { field, fields } from './fields.ts';
import { contextsOf, type SearchRecord, sectionsOf } from './records.ts';
import { SliceCounter, type Sliced } from './slices.ts';
import type { TermIndex } from './term-index.ts';
import { TermIndexBuilder } from './term-index-builder.ts';
import type { Resource } from './types.ts';

// As in term-index.ts, the `as number` casts on typed arrays are in-range reads by construction.

/**
 * Indexes every record's own fields, posts first (ids being positions). What a resource inherits from the posts citing it (their titles
 * and tags) is not copied into postings of its own: the index matches it through those posts.
 */
export function* buildIndex(
  records: readonly SearchRecord[],
  posts: readonly Post[],
  postIds: ReadonlyMap<Post, number>,
): Sliced<{ index: TermIndex; children: Uint32Array; docs: Int32Array }> {
  let bodyLength = 0;
  for (const post of posts) bodyLength += post.body.length;
  const builder = new TermIndexBuilder(fields.length, expectedPostings(bodyLength, records.length));
  const slice = new SliceCounter(recordsPerClockRead);
  // Tags and headings (a speaker's name, say) come back again and again: split each once. A joined
  // field's words are its parts' words one after the other (the separator only ends words).
  const known = new Map<string, number[]>();
  const addKnown = (text: string) => {
    let ids = known.get(text);
    if (ids === undefined) {
      ids = builder.idsOf(text);
      known.set(text, ids);
    }
    builder.addIds(ids);
  };
  const addAll = (texts: readonly string[]) => {
    for (const text of texts) addKnown(text);
  };
  for (let id = 0; id < posts.length; id++) {
    const post = posts[id] as Post;
    builder.addText(post.title);
    builder.endField(id, field.title);
    addAll(post.tags);
    builder.endField(id, field.tags);
    addAll(post.headings);
    builder.endField(id, field.headings);
    builder.addText(post.description);
    builder.endField(id, field.description);
    builder.addText(post.body, false);
    builder.endField(id, field.body);
    // A post has more words than a resource.
    if (slice.full(8)) yield;
  }
  const children = new Uint32Array(posts.length + 1);
  // Each citation's post, in resource order, looked up once for both passes below.
  const citing: number[] = [];
  for (let id = posts.length; id < records.length; id++) {
    const resource = resourceAt(records, id);
    // The record's title: a title built on the citing post's is indexed without the post's words (see records.ts).
    builder.addText((records[id] as SearchRecord).title);
    builder.endField(id, field.title);
    // Most resources have one citation: its section and contexts are added without the arrays
    // `sectionsOf` and `contextsOf` make, which at 10,000 posts are a few hundred thousand.
    const only = resource.citations.length === 1 ? resource.citations[0] : undefined;
    if (only === undefined) addAll(sectionsOf(resource));
    else if (only.section != null) addKnown(only.section);
    builder.endField(id, field.section);
    if (only?.links.length === 1) addContextsOfLink(builder, resource, only.link);
    // Contexts are mostly unique: added as they are, not split once and remembered as headings are.
    else for (const text of contextsOf(resource, indexedCitations)) builder.addText(text);
    builder.endField(id, field.context);
    for (const c of resource.citations) {
      const p = postIds.get(c.post) ?? 0;
      citing.push(p);
      (children[p + 1] as number)++;
    }
    if (slice.full()) yield;
  }
  yield;
  for (let p = 0; p < posts.length; p++)
    children[p + 1] = (children[p + 1] as number) + (children[p] as number);
  const docs = new Int32Array(children[posts.length] as number);
  const next = children.slice(0, posts.length);
  let at = 0;
  for (let id = posts.length; id < records.length; id++) {
    const cited = resourceAt(records, id).citations.length;
    for (let c = 0; c < cited; c++, at++) {
      const p = citing[at] as number;
      docs[next[p] as number] = id;
      next[p] = (next[p] as number) + 1;
    }
  }
  const links = fields.map((_, i) =>
    i === field.title ? field.postTitles : i === field.tags ? field.citedTags : -1,
  );
  yield;
  const index = yield* builder.build(records.length, { children, docs, links });
  return { index, children, docs };
}

/**
 * About how many postings a site makes: a body's distinct words run at about one per eight characters of
 * it, and a record's own short fields hold about a dozen (over-guessing costs a little memory, for as
 * long as the build runs).
 */
function expectedPostings(bodyLength: number, records: number): number {
  return Math.ceil(bodyLength / 8 + records * 12);
}

// Records indexed between reads of the clock (a post counting as eight): a small part of a slice.
const recordsPerClockRead = 200;
/** Citations whose texts and contexts a resource is indexed by: a link cited everywhere is not a page of text. */
const indexedCitations = 20;

/** Adds what `contextsOf` gives for a resource cited once, by one link: the same texts, in the same order, each once. */
function addContextsOfLink(builder: TermIndexBuilder, resource: Resource, link: Link): void {
  const own = link.title !== resource.title && link.title !== link.url ? link.title : null;
  const attribute =
    link.titleAttribute !== null && link.titleAttribute !== resource.title && link.titleAttribute !== own
      ? link.titleAttribute
      : null;
  if (own !== null) builder.addText(own);
  if (attribute !== null) builder.addText(attribute);
  const around = link.context.replace(link.title, ' ').trim();
  if (around !== '' && around !== own && around !== attribute) builder.addText(around);
}

function resourceAt(records: readonly SearchRecord[], id: number): Resource {
  const record = records[id];
  if (record?.kind !== 'resource') throw new Error(`record ${id} is not a resource`);
  return record.target;
}
