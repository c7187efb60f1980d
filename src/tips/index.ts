// Scheduled reading tips: which resources are tip-worthy, the pure choice of a slot's tip, and the cron
// schedule that posts it.
export { eligibleResources, isTipWorthy } from './eligible.ts';
export {
  defaultTipAnchor,
  nextSlot,
  pickTip,
  slotsBetween,
  type Tip,
  type TipOptions,
  todaysSlot,
  todaysTip,
  upcomingTip,
} from './pick-tip.ts';
export {
  type ErrorClassifier,
  type TipLogger,
  type TipOutcome,
  type TipPoster,
  TipScheduler,
  type TipSchedulerOptions,
  tipPostHint,
  tipsOffMessage,
} from './scheduler.ts';
export {
  defaultTipSchedule,
  defaultTipSeed,
  defaultTipTimezone,
  scheduleProblem,
  type TipSettingProblem,
  type TipSettings,
  timezoneProblem,
  tipSettingsProblem,
} from './tip-config.ts';
