// The local stand-in of Slack: start one with `SlackStandIn.start()`, point a Bolt app's
// `clientOptions.slackApiUrl` at `apiUrl`, deliver with `slashCommand`/`userMessage`/`clickButton`/`openHome`,
// and check what the app sent with `waitFor`, `records`, `calls` and `homeViews`.
export { checkBlocks, MAX_MESSAGE_BLOCKS, MAX_VIEW_BLOCKS } from './block-rules.ts';
export type { Delivery } from './delivery.ts';
export {
  NoAckError,
  NotConnectedError,
  SlackApiError,
  StandInClosedError,
  StandInError,
  WaitTimeoutError,
} from './errors.ts';
export type { Fault } from './faults.ts';
export {
  type AppAnswer,
  encodeForm,
  encodeInteractivePayload,
  postToApp,
  type SignedPost,
} from './http-delivery.ts';
export type { StandInOptions, Transport } from './options.ts';
export {
  type ButtonClickInput,
  SlackStandIn,
  type SlashCommandInput,
  type UserMessageInput,
} from './SlackStandIn.ts';
export { signRequest } from './signing.ts';
export type { DisconnectReason, EnvelopeType } from './socket-payloads.ts';
export type {
  ApiCall,
  HomeView,
  MessageRecord,
  MessageSource,
  StoreEvent,
  StoreListener,
  WaitOptions,
} from './store.ts';
export { dmChannelFor, type Workspace } from './workspace.ts';
