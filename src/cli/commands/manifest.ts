import type { ContentConfig } from '../../config.ts';
import { unfurlDomain } from '../../sources/content-source.ts';
import { contentOptions, parseCommandArgs } from '../args.ts';
import { contentFlags, resolveContent } from '../library-loader.ts';
import { manifestWithDomain, readManifestTemplate } from '../manifest-text.ts';
import type { CommandIO } from './io.ts';

/** Usage of `talkbot manifest`. */
export const manifestUsage = `Usage: talkbot manifest [--content DIR]

Prints the Slack app manifest to paste at api.slack.com/apps (Create New App →
From a manifest, or your app's App Manifest page), with unfurl_domains set to
the blog's domain: SITE_BASE_URL, else baseURL from the site's configuration.

  --content DIR  the Hugo content folder (default: $CONTENT_DIR or ./content,
                 or the content repository when CONTENT_GIT_URL is set)`;

/** `talkbot manifest`: the manifest with the blog's own domain to unfurl. */
export async function manifestCommand(
  argv: readonly string[],
  config: ContentConfig,
  io: CommandIO,
): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    { content: contentOptions.content, help: contentOptions.help },
    manifestUsage,
  );
  if (values.help) {
    io.out(`${manifestUsage}\n`);
    return 0;
  }
  const flags = await resolveContent(contentFlags({ ...values, drafts: false, future: false }, config, io));
  const template = await readManifestTemplate();
  if (flags.siteBaseUrl === null) {
    io.err(
      'talkbot manifest: no base URL (set SITE_BASE_URL, or baseURL in the site configuration), so ' +
        'unfurl_domains is left out and links to the blog will not unfurl\n',
    );
    io.out(template);
    return 0;
  }
  io.out(manifestWithDomain(template, unfurlDomain(flags.siteBaseUrl)));
  return 0;
}
