import { type GeneratedFile, generateSite } from './generate.ts';

/** The shows of the generated podcast network: every one numbers its episodes from 1. */
export const shows = ['tech-weekly', 'self-hosted', 'dev-talk'] as const;

/**
 * The generated site's posts moved into three show folders, each slugged by its episode number
 * (`show/dev-talk/0042.md` with `slug = "42"`), as a real podcast network does: every slug is used
 * three times, once per show, and each is a page of its own at `/show/<show>/<n>/`.
 */
export function repeatedSlugSite(count: number, seed = 1): GeneratedFile[] {
  return generateSite(count, seed).files.map((file, i) => {
    const show = shows[i % shows.length] as string;
    const episode = Math.floor(i / shows.length) + 1;
    const name = String(episode).padStart(4, '0');
    const bundle = file.path.endsWith('/index.md');
    const path = bundle ? `show/${show}/${name}/index.md` : `show/${show}/${name}.md`;
    const [fence = '', ...rest] = file.text.split('\n');
    const slug = fence === '+++' ? `slug = "${episode}"` : `slug: "${episode}"`;
    const fields = rest.filter((line) => !/^slug\s*[:=]/.test(line));
    return { ...file, path, text: [fence, slug, ...fields].join('\n') };
  });
}
