// @ts-check
/**
 * `kapacitet/no-host-api`: code that must run unchanged in plain Node, in a Worker and in the page (the
 * engine; everything `src/lib/io/index.ts` reaches) uses no host's own API:
 * - no forbidden global (`document`, `window`, `localStorage`, `process`, …), also not as
 *   `globalThis.document` or `window['localStorage']`;
 * - no `import.meta.env` (or another Vite-only `import.meta` field);
 * - no Vite-only specifier (`./worker?worker`, `?url`, `?raw`, `virtual:…`);
 * - no Node built-in module (`fs`, `node:path`) when `builtins: false`.
 *
 * Options: { globals: string[], importMeta: string[], builtins?: boolean, reachableFrom?: string[], why?: string }.
 * With `reachableFrom`, only files those entries reach through imports are checked (io's Worker entry is
 * deliberately outside io/index.ts's reach and may use what a Worker has).
 */
import { isBuiltin, reachableFrom, repoPath, stripQuery } from './resolve.js';
import { moduleReferences } from './references.js';

const HOST_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'No DOM, Node or Vite-only API in code that is a contract for plain Node' },
    schema: [
      {
        type: 'object',
        properties: {
          globals: { type: 'array', items: { type: 'string' } },
          importMeta: { type: 'array', items: { type: 'string' } },
          builtins: { type: 'boolean' },
          reachableFrom: { type: 'array', items: { type: 'string' } },
          why: { type: 'string' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      global: '"{{name}}" is a host global: {{why}}',
      importMeta: '"import.meta.{{name}}" exists only under Vite: {{why}}',
      query: '"{{spec}}" is a Vite-only import: {{why}}',
      builtin: '"{{spec}}" is a Node module: {{why}}',
    },
  },
  create(context) {
    const o = /** @type {{ globals?: string[], importMeta?: string[], builtins?: boolean, reachableFrom?: string[], why?: string }} */ (
      context.options[0] ?? {}
    );
    const file = repoPath(context.filename);
    if (o.reachableFrom && !o.reachableFrom.some((entry) => reachableFrom(entry).has(file))) return {};
    const forbidden = new Set(o.globals ?? []);
    const meta = new Set(o.importMeta ?? []);
    const why = o.why ?? 'this code must also run in plain Node';

    /** @param {any} ref */
    const isTypeOnly = (ref) => ref.isTypeReference === true && ref.isValueReference !== true;

    /** @param {any} node @param {string} name */
    const reportGlobal = (node, name) => context.report({ node, messageId: 'global', data: { name, why } });

    /** @param {any} node */
    const propertyName = (node) =>
      !node.computed && node.property.type === 'Identifier'
        ? node.property.name
        : node.property.type === 'Literal' && typeof node.property.value === 'string'
          ? node.property.value
          : null;

    const modules = moduleReferences((node, spec) => {
      if (spec !== stripQuery(spec) || spec.startsWith('virtual:')) context.report({ node, messageId: 'query', data: { spec, why } });
      else if (o.builtins === false && isBuiltin(spec)) context.report({ node, messageId: 'builtin', data: { spec, why } });
    });

    return {
      ...modules,
      'Program:exit'(program) {
        const scope = context.sourceCode.getScope(program);
        // Globals from the config are variables without a definition; unknown ones stay unresolved.
        for (const v of scope.variables) {
          if (!forbidden.has(v.name) || v.defs.length > 0) continue;
          for (const ref of v.references) if (!isTypeOnly(ref)) reportGlobal(ref.identifier, v.name);
        }
        for (const ref of scope.through) {
          if (forbidden.has(ref.identifier.name) && !isTypeOnly(ref)) reportGlobal(ref.identifier, ref.identifier.name);
        }
      },
      MemberExpression(node) {
        const obj = /** @type {any} */ (node.object);
        if (obj.type === 'MetaProperty') {
          const name = propertyName(node);
          if (obj.meta.name === 'import' && name && meta.has(name)) context.report({ node, messageId: 'importMeta', data: { name, why } });
          return;
        }
        // globalThis.document, window['localStorage'] (only when globalThis is the real one, not a local).
        // (`window` itself, when forbidden, is already reported as a global.)
        if (obj.type !== 'Identifier' || !HOST_OBJECTS.has(obj.name) || forbidden.has(obj.name)) return;
        const name = propertyName(node);
        if (!name || !forbidden.has(name)) return;
        for (let s = /** @type {any} */ (context.sourceCode.getScope(node)); s; s = s.upper) {
          const v = s.set.get(obj.name);
          if (v && v.defs.length > 0) return; // a local variable of that name
        }
        reportGlobal(node, name);
      },
    };
  },
};
