// Field weights, chosen by measuring the ranking tests in test/search: a word in a title says most
// about what a thing is, a section heading (a speaker's name) and a post's own tags next, descriptions
// and headings less, and what a resource inherits from the posts citing it (their titles and tags)
// least: enough to find it, never enough to outrank the talk it came from.
// What the writer wrote around a link (its context) counts as much as a description; a post's body
// text least of all, so that a word in a title always outranks the same word in passing.
/** Each field's weight, in the index's BM25 and in fuse.js alike. */
export const fieldWeights = {
  title: 3,
  section: 2,
  tags: 2,
  headings: 1,
  description: 1,
  context: 1,
  postTitles: 0.5,
  citedTags: 0.5,
  body: 0.3,
} as const;
/** A field's name. */
export type Field = keyof typeof fieldWeights;
/** The fields in index order. */
export const fields = Object.keys(fieldWeights) as Field[];
/** The weights in index order. */
export const boosts = fields.map((name) => fieldWeights[name]);
/** Each field's position in index order. */
export const field = Object.fromEntries(fields.map((name, i) => [name, i])) as Record<Field, number>;
/** The fields fuse.js reads: all but the body, whose length would make its scan cost milliseconds a candidate. */
export const scoredFields = fields.filter((name) => name !== 'body');
