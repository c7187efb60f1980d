import { isJsonObject, type JsonObject } from './block-rules.ts';
import type { FoundButton } from './payloads.ts';

/**
 * The first element matching `test` in a message's blocks, with its block's id: actions blocks' elements,
 * section accessories, context_actions elements (feedback buttons) and input blocks' elements.
 */
export function findElement(
  blocks: readonly JsonObject[],
  test: (element: JsonObject) => boolean,
): FoundButton | undefined {
  for (const block of blocks) {
    const blockId = typeof block.block_id === 'string' ? block.block_id : '';
    const candidates =
      (block.type === 'actions' || block.type === 'context_actions') && Array.isArray(block.elements)
        ? block.elements
        : [block.type === 'input' ? block.element : block.accessory];
    const element = candidates.filter(isJsonObject).find(test);
    if (element !== undefined) return { blockId, element };
  }
  return undefined;
}
