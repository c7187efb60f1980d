const ELLIPSIS = '…';

// Slack counts characters; UTF-16 code units are never fewer than characters, so measuring in them is safe.

/** Cuts plain text to at most `max` characters at a line or word boundary, ending with an ellipsis when cut. */
export function truncatePlain(text: string, max: number): string {
  if (text.length <= max) return text;
  return cut(text, max, () => true);
}

/** Cuts mrkdwn like `truncatePlain`, never inside an entity such as `&amp;` or a `<url|label>`, mention or date. */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const blocked = blockedCuts(text);
  return cut(text, max, (at) => !blocked[at]);
}

function cut(text: string, max: number, allowed: (at: number) => boolean): string {
  const budget = max - ELLIPSIS.length;
  if (budget <= 0) return max <= 0 ? '' : ELLIPSIS;
  const canCut = (at: number): boolean => allowed(at) && !splitsSurrogatePair(text, at);
  // Below half the budget a boundary costs more text than it is worth; then any allowed point will do.
  const floor = Math.floor(budget / 2);
  let anyCut = -1;
  let spaceCut = -1;
  let lineCut = -1;
  for (let at = budget; at >= floor; at--) {
    if (!canCut(at)) continue;
    if (anyCut < 0) anyCut = at;
    const next = text[at];
    if (next === '\n') {
      lineCut = at;
      break;
    }
    if (spaceCut < 0 && next !== undefined && /\s/.test(next)) spaceCut = at;
  }
  if (anyCut < 0) {
    for (let at = floor - 1; at > 0; at--) {
      if (canCut(at)) {
        anyCut = at;
        break;
      }
    }
  }
  const at = lineCut >= 0 ? lineCut : spaceCut >= 0 ? spaceCut : Math.max(anyCut, 0);
  return text.slice(0, at).trimEnd() + ELLIPSIS;
}

function splitsSurrogatePair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Marks every cut point (index of the first character dropped) that would split an entity or an angle token. */
function blockedCuts(text: string): boolean[] {
  const blocked = new Array<boolean>(text.length + 1).fill(false);
  const spans = /<[^<>]*(?:>|$)|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);/g;
  for (const match of text.matchAll(spans)) {
    const start = match.index;
    const end = start + match[0].length;
    // An unclosed `<` runs to the end, so a cut must fall before it.
    const last = match[0].startsWith('<') && !match[0].endsWith('>') ? text.length : end - 1;
    for (let at = start + 1; at <= last; at++) blocked[at] = true;
  }
  return blocked;
}
