/** What a resource link points at, guessed from its URL and title; answers label it, tips skip profiles. */
export type ResourceKind = 'video' | 'slides' | 'paper' | 'profile' | 'article' | 'other';

/** One link found in a post's body, under the heading it sits beneath. */
export interface Link {
  /** The link text, whitespace folded. */
  readonly title: string;
  /** The title to show: the link text when it says what the thing is, else one built from its context. */
  readonly label: string;
  /** Its list item's text, else the sentence it sits in (capped); '' when there is none. */
  readonly context: string;
  /** The link's title attribute (`[text](url "title")`), or null. */
  readonly titleAttribute: string | null;
  /** The URL exactly as written (an internal `ref` shortcode is resolved to the target's permalink or path). */
  readonly url: string;
  /** The nearest heading above the link, or null before any heading or after a thematic break. */
  readonly section: string | null;
  readonly kind: ResourceKind;
  /** 1-based line in the source file. */
  readonly line: number;
}

/** A published Hugo page that talkbot answers from. */
export interface Post {
  /** Front matter `slug`, else the bundle folder's or file's name. */
  readonly slug: string;
  readonly title: string;
  /** Front matter `description`, else `summary`, else the first paragraph of the body. */
  readonly description: string;
  /** Publication date as Hugo reads it (`date`, else `publishDate`), or null when the post has none. */
  readonly date: Date | null;
  readonly tags: readonly string[];
  readonly author: string | null;
  /** Hugo section: the first folder under the content folder (`posts`), or '' for a page at the top. */
  readonly section: string;
  /** Path of the source file relative to the content folder, with forward slashes. */
  readonly path: string;
  /** Permalink built from `SITE_BASE_URL` and Hugo's rules, or null when no base URL is set. */
  readonly url: string | null;
  /** Every heading's text, in order. */
  readonly headings: readonly string[];
  /** The text of its paragraphs, list items and table cells (not headings or code), capped: what search reads. */
  readonly body: string;
  readonly links: readonly Link[];
  readonly draft: boolean;
}

/** Something wrong with one content file, said so that a writer can fix it. */
export interface Problem {
  /** Path relative to the content folder, with forward slashes. */
  readonly path: string;
  /** 1-based line in that file, or null when the problem is not tied to a line. */
  readonly line: number | null;
  readonly message: string;
}

/** What loading a content folder yields: every post that loaded, and every problem met on the way. */
export interface LoadResult {
  readonly posts: readonly Post[];
  readonly problems: readonly Problem[];
}
