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
  /** The URL exactly as written (an internal `ref` shortcode is resolved to the target's permalink or path; a front matter path such as `url_pdf: slides.pdf`, against the page's). */
  readonly url: string;
  /** The nearest heading above the link, or null before any heading or after a thematic break. */
  readonly section: string | null;
  readonly kind: ResourceKind;
  /** 1-based line in the source file. */
  readonly line: number;
}

/** A link from a post to another page of the same site: a `ref`, or a link to one of its URLs. */
export interface PageLink {
  /** The link text, whitespace folded. */
  readonly title: string;
  /** The target's permalink (absolute when the site has a base URL, else its path), with any `#fragment`. */
  readonly url: string;
  /** The target's identity: a post's `id`, or a section page's path (`/show/weekly/`). */
  readonly page: string;
  readonly section: string | null;
  /** 1-based line in the source file. */
  readonly line: number;
}

/** A published Hugo page that talkbot answers from. */
export interface Post {
  /**
   * The page's identity: its path on the site as Hugo builds it (`/show/weekly/500/`), the permalink
   * without the base URL. Unique in a load; what buttons, records and caches key a post by.
   */
  readonly id: string;
  /** Front matter `slug`, else the bundle folder's or file's name (not unique: see `id`). */
  readonly slug: string;
  readonly title: string;
  /** Front matter `description`, else `summary`, else the first paragraph of the body. */
  readonly description: string;
  /** Publication date as Hugo reads it (`date`, else `publishDate`), or null when the post has none. */
  readonly date: Date | null;
  readonly tags: readonly string[];
  readonly author: string | null;
  /** Hugo section: the first folder of the page's language content (`posts`), or '' for a page at the top. */
  readonly section: string;
  /** The page's language code (the site's default language unless it is a translation). */
  readonly language: string;
  /** Path of the source file relative to the content folder, with forward slashes. */
  readonly path: string;
  /** Permalink: the base URL (`SITE_BASE_URL`, else the site's `baseURL`) and `id`; null when neither is set. */
  readonly url: string | null;
  /** Other paths the page is served at (front matter `aliases`), as site paths. */
  readonly aliases: readonly string[];
  /** Every heading's text, in order. */
  readonly headings: readonly string[];
  /** The text of its paragraphs, list items and table cells (not headings or code), capped: what search reads. */
  readonly body: string;
  /** Links to outside resources: what answers and tips are made of. */
  readonly links: readonly Link[];
  /** Links to the site's own pages: never resources, so they never outrank the page they name. */
  readonly pageLinks: readonly PageLink[];
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

/** The pages a load left out on purpose, by why (Hugo builds none of them by default). */
export interface LeftOut {
  readonly drafts: number;
  readonly future: number;
  readonly expired: number;
  /** Pages Hugo renders no page for (`build.render: never`, `headless: true`). */
  readonly unrendered: number;
  /** Pages in a format Hugo renders but talkbot does not read: Org, AsciiDoc, Pandoc, reStructuredText. */
  readonly otherFormats: number;
}

/** What loading a content folder yields: every post that loaded, and every problem met on the way. */
export interface LoadResult {
  readonly posts: readonly Post[];
  readonly problems: readonly Problem[];
  /** The site's name (`title` in its configuration), when a load read one. */
  readonly siteTitle?: string | null;
  /** The base URL the load linked posts under (`SITE_BASE_URL`, else the site's `baseURL`), when a load read one. */
  readonly siteBaseUrl?: string | null;
  /** What was left out and why, when a load counted it. */
  readonly leftOut?: LeftOut;
}
