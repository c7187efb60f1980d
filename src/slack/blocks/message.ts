import type { types } from '@slack/bolt';

// Aliases over `@slack/types` through Bolt, which declares it as a dependency, so the renderers name one module.

/** Any Block Kit block Slack knows. */
export type Block = types.KnownBlock;
/** A `section` block: mrkdwn text, fields and an accessory. */
export type SectionBlock = types.SectionBlock;
/** A `context` block: small grey metadata text. */
export type ContextBlock = types.ContextBlock;
/** A `header` block: large plain text. */
export type HeaderBlock = types.HeaderBlock;
/** A `divider` block: a horizontal rule between results. */
export type DividerBlock = types.DividerBlock;
/** An `actions` block: a row of buttons. */
export type ActionsBlock = types.ActionsBlock;
/** A `button` element. */
export type Button = types.Button;
/** A text object read as Slack mrkdwn. */
export type MrkdwnElement = types.MrkdwnElement;
/** A text object shown as it is. */
export type PlainTextElement = types.PlainTextElement;

/** A message the bot sends: `text` is the notification and screen-reader fallback, `blocks` what people see. */
export interface Message {
  text: string;
  blocks: Block[];
}

/** A Home tab view, as `views.publish` takes it. */
export interface HomeView {
  type: 'home';
  blocks: Block[];
}
