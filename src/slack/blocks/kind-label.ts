import type { ResourceKind } from '../../content/types.ts';

/** How a resource kind reads in a message: an emoji for the eye and a word for screen readers and the fallback text. */
export interface KindLabel {
  readonly emoji: string;
  readonly word: string;
}

/** The label of every resource kind, in one table so answers, tips and the Home tab agree. */
export const KIND_LABELS: Readonly<Record<ResourceKind, KindLabel>> = {
  video: { emoji: '🎬', word: 'video' },
  slides: { emoji: '📑', word: 'slides' },
  paper: { emoji: '📄', word: 'paper' },
  profile: { emoji: '👤', word: 'profile' },
  article: { emoji: '📰', word: 'article' },
  other: { emoji: '🔗', word: 'link' },
};

/** Returns the label of a kind; a kind this table does not know (from newer content code) reads as a plain link. */
export function kindLabel(kind: ResourceKind): KindLabel {
  return Object.hasOwn(KIND_LABELS, kind) ? KIND_LABELS[kind] : KIND_LABELS.other;
}
