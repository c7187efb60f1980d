import type { Problem } from './types.ts';

/** A problem as editors and terminals link it: `path:line: message` (no line when there is none). */
export function formatProblem(problem: Problem, path = problem.path): string {
  return `${path}${problem.line === null ? '' : `:${problem.line}`}: ${problem.message}`;
}
