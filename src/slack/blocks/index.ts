export type { AnswerOptions } from './answer.ts';
export { renderAnswer } from './answer.ts';
export type { AnswerRef, PostPageRef } from './answer-ref.ts';
export {
  ACTION_IDS,
  decodeAnswerRef,
  decodePostPage,
  encodeAnswerRef,
  encodePostPage,
  suggestionActionIds,
} from './answer-ref.ts';
export { renderError } from './error.ts';
export { escapeMrkdwn, mrkdwnLink, safeHttpUrl, userMention } from './escape.ts';
export { renderHelp } from './help.ts';
export type { HomeInput } from './home.ts';
export { renderHome } from './home.ts';
export type { KindLabel } from './kind-label.ts';
export { KIND_LABELS, kindLabel } from './kind-label.ts';
export type { FitOptions } from './limits.ts';
export { defaultMoreNotice, fitMessage, fitView, LIMITS } from './limits.ts';
export type { Block, HomeView, Message } from './message.ts';
export { renderPostResources } from './post-resources.ts';
export { renderTags } from './tags.ts';
export type { TipInput } from './tip.ts';
export { renderTip } from './tip.ts';
