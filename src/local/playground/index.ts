// The local playground: a Slack-like page served by the stand-in of Slack, for trying talkbot without a workspace.
export {
  type ContentStatus,
  LOCAL_USER,
  PLAYGROUND_PATHS,
  type PlaygroundMessage,
  type PlaygroundProblem,
  type PlaygroundSnapshot,
  type PlaygroundStatus,
} from './protocol.ts';
export { type PlaygroundOptions, startPlayground } from './start-playground.ts';
