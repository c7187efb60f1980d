import { classifyLink } from './kind.ts';
import { foldWhitespace } from './markdown.ts';
import type { ShortcodeArguments } from './shortcodes.ts';
import type { ResourceKind } from './types.ts';

/** A talk, slide deck or post embedded with a shortcode, as the link it stands for. */
export interface ShortcodeEmbed {
  readonly url: string;
  readonly title: string;
  readonly kind: ResourceKind;
}

const idPattern = /^[\w-]+$/;

/**
 * The resource a Hugo embed shortcode shows, from its positional or named parameters: Hugo's own
 * `youtube`, `vimeo`, `x`, `tweet`, `instagram`, `gist` and `figure` (its `link`), and `speakerdeck` (a theme shortcode
 * whose parameter is the deck's URL or its player id). Null for any other shortcode, or one whose
 * parameters name nothing.
 */
export function embedOf(name: string, args: ShortcodeArguments): ShortcodeEmbed | null {
  const { positional, named } = args;
  const first = named.id ?? positional[0];
  const title = (fallback: string) => named.title?.trim() || fallback;
  switch (name.toLowerCase()) {
    case 'youtube':
      return first && idPattern.test(first)
        ? { url: `https://www.youtube.com/watch?v=${first}`, title: title('Video on YouTube'), kind: 'video' }
        : null;
    case 'vimeo':
      return first && /^\d+$/.test(first)
        ? { url: `https://vimeo.com/${first}`, title: title('Video on Vimeo'), kind: 'video' }
        : null;
    case 'x':
    case 'tweet': {
      const user = named.user ?? (positional.length > 1 ? positional[0] : undefined);
      const id = named.id ?? (positional.length > 1 ? positional[1] : positional[0]);
      if (!id || !/^\d+$/.test(id)) return null;
      const url = user ? `https://x.com/${user}/status/${id}` : `https://x.com/i/status/${id}`;
      return { url, title: title(user ? `Post by @${user} on X` : 'Post on X'), kind: 'article' };
    }
    case 'instagram':
      return first && idPattern.test(first)
        ? { url: `https://www.instagram.com/p/${first}/`, title: title('Post on Instagram'), kind: 'article' }
        : null;
    case 'gist': {
      const user = named.user ?? positional[0];
      const id = named.id ?? positional[1];
      return user && id && idPattern.test(user) && idPattern.test(id)
        ? { url: `https://gist.github.com/${user}/${id}`, title: title(`Gist by ${user}`), kind: 'article' }
        : null;
    }
    case 'speakerdeck': {
      const given = named.url ?? named.src ?? first;
      if (!given) return null;
      if (/^https?:\/\/(www\.)?speakerdeck\.com\//i.test(given))
        return { url: given, title: title('Slides on Speaker Deck'), kind: 'slides' };
      return idPattern.test(given)
        ? {
            url: `https://speakerdeck.com/player/${given}`,
            title: title('Slides on Speaker Deck'),
            kind: 'slides',
          }
        : null;
    }
    case 'figure': {
      // Hugo's `figure` links its image to `link`: a resource when that is a page out there.
      const link = named.link?.trim();
      if (!link || !/^https?:\/\/[^\s/]+/i.test(link)) return null;
      const shown = named.caption?.trim() || named.title?.trim() || named.alt?.trim() || link;
      const caption = foldWhitespace(shown.replace(/<[^>]*>/g, '')) || link;
      return { url: link, title: caption, kind: classifyLink(link, caption) };
    }
    default:
      return null;
  }
}

/** The shortcodes Hugo itself ships: never reported as unknown. */
export const hugoShortcodes: ReadonlySet<string> = new Set([
  'comment',
  'details',
  'figure',
  'gist',
  'highlight',
  'instagram',
  'param',
  'qr',
  'ref',
  'relref',
  'tweet',
  'twitter',
  'twitter_simple',
  'vimeo',
  'vimeo_simple',
  'x',
  'x_simple',
  'youtube',
]);
