/**
 * A number's whole chain of explanations: explain() of the number, then of every input that is itself
 * a computed number, down to the plan's own inputs. Only explain()'s output is used (its formulas,
 * inputs and notes); nothing is computed here. A step already shown higher up is not repeated.
 */
import { explain, explainablePaths } from '../../engine/explain';
import type { Explanation, Plan, PlanResult } from '../../engine/index';

export interface ChainNode {
  path: string;
  explanation: Explanation;
  /** One entry per input of the explanation, in its order. */
  inputs: { label: string; value: string; path?: string; step: ChainNode | null; repeated: boolean }[];
}

/** The chain of `path`, or null when explain() has nothing for it. `maxDepth` bounds a runaway chain. */
export function explainChain(plan: Plan, result: PlanResult, path: string, maxDepth = 8): ChainNode | null {
  const computed = new Set(explainablePaths(result));
  const shown = new Set<string>();
  function node(p: string, depth: number): ChainNode | null {
    const e = explain(plan, result, p);
    if (!e) return null;
    shown.add(p);
    return {
      path: p,
      explanation: e,
      inputs: e.inputs.map((i) => {
        const isStep = i.path !== undefined && computed.has(i.path) && i.path !== p;
        const repeated = isStep && shown.has(i.path!);
        const step = isStep && !repeated && depth < maxDepth ? node(i.path!, depth + 1) : null;
        return { label: i.label, value: i.value, path: i.path, step, repeated };
      }),
    };
  }
  return node(path, 0);
}
