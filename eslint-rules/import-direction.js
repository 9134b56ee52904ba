// @ts-check
/**
 * `kapacitet/import-direction`: which layer may import which (DEVELOPERS.md, Architecture).
 *
 * Options: one policy per zone (zones in resolve.js), e.g.
 *   { engine: { may: ['engine', 'strings'], packages: ['dexie', 'xlsx'], builtins: false, why: '…' } }
 * - `may`: the zones this zone may import; any other zone is reported.
 * - `packages`: npm packages it may not import (`svelte` also forbids `svelte/store`; `*`: none at all).
 * - `builtins: false`: no Node built-in module (`fs`, `node:path`, …).
 * A zone without a policy (tests, bench, scripts) is not checked.
 *
 * Every way a module is named is checked: import/export declarations (type-only too), dynamic import(),
 * require(), `import x = require()`, `import('…').T` types and `new URL('…', import.meta.url)` (how Vite
 * is told about workers and assets). Specifiers are resolved, so relative paths and aliases count.
 */
import { isBuiltin, packageName, repoPath, resolveSpecifier, zoneOf } from './resolve.js';
import { moduleReferences } from './references.js';

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the direction of imports between the layers (engine ← db, io ← state ← ui/views)' },
    schema: [
      {
        type: 'object',
        additionalProperties: {
          type: 'object',
          properties: {
            may: { type: 'array', items: { type: 'string' } },
            packages: { type: 'array', items: { type: 'string' } },
            builtins: { type: 'boolean' },
            why: { type: 'string' },
          },
          required: ['may'],
          additionalProperties: false,
        },
      },
    ],
    messages: {
      zone: '{{from}} may not import {{to}} ("{{spec}}"): {{why}}',
      package: '{{from}} may not import the package {{pkg}} ("{{spec}}"): {{why}}',
      builtin: '{{from}} may not import the Node module "{{spec}}": {{why}}',
    },
  },
  create(context) {
    const policies = /** @type {Record<string, { may: string[], packages?: string[], builtins?: boolean, why?: string }>} */ (
      context.options[0] ?? {}
    );
    const file = context.filename;
    const from = zoneOf(repoPath(file));
    const policy = from ? policies[from] : undefined;
    if (!from || !policy) return {};
    const why = policy.why ?? 'see DEVELOPERS.md, Architecture';

    /** @param {import('estree').Node} node @param {string} spec */
    function check(node, spec) {
      const target = resolveSpecifier(spec, file);
      if (target !== null) {
        const to = zoneOf(target);
        if (to && !policy?.may.includes(to)) context.report({ node, messageId: 'zone', data: { from, to, spec, why } });
        return;
      }
      if (policy?.builtins === false && isBuiltin(spec)) {
        context.report({ node, messageId: 'builtin', data: { from, spec, why } });
        return;
      }
      const pkg = packageName(spec);
      if (policy?.packages?.includes(pkg) || policy?.packages?.includes('*')) context.report({ node, messageId: 'package', data: { from, pkg, spec, why } });
    }

    return moduleReferences(check);
  },
};
