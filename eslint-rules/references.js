// @ts-check
/**
 * Every place a module is named in a file, as AST visitors: `check(node, specifier)` is called once
 * per reference. Only literal specifiers count (a computed one cannot be resolved by Vite either).
 */

/** @param {any} node @returns {string | null} */
function literal(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked ?? null;
  if (node.type === 'TSLiteralType') return literal(node.literal);
  return null;
}

/** `import.meta.url` @param {any} node */
function isImportMetaUrl(node) {
  return (
    node?.type === 'MemberExpression' &&
    node.object.type === 'MetaProperty' &&
    node.object.meta.name === 'import' &&
    node.property.type === 'Identifier' &&
    node.property.name === 'url'
  );
}

/**
 * @param {(node: any, spec: string) => void} check
 * @returns {import('eslint').Rule.RuleListener}
 */
export function moduleReferences(check) {
  /** @param {any} node @param {any} source */
  const at = (node, source) => {
    const spec = literal(source);
    if (spec !== null) check(node, spec);
  };
  return /** @type {import('eslint').Rule.RuleListener} */ ({
    ImportDeclaration: (node) => at(node, node.source),
    ExportNamedDeclaration: (node) => node.source && at(node, node.source),
    ExportAllDeclaration: (node) => at(node, node.source),
    ImportExpression: (node) => at(node, node.source),
    CallExpression(node) {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require') at(node, node.arguments[0]);
    },
    NewExpression(node) {
      // new URL('../io/worker.ts', import.meta.url): Vite bundles what this names.
      const callee = /** @type {any} */ (node.callee);
      if (callee.type === 'Identifier' && callee.name === 'URL' && isImportMetaUrl(node.arguments[1])) at(node, node.arguments[0]);
    },
    /** @param {any} node */
    TSImportType: (node) => at(node, node.source ?? node.argument),
    /** @param {any} node */
    TSImportEqualsDeclaration(node) {
      if (node.moduleReference?.type === 'TSExternalModuleReference') at(node, node.moduleReference.expression);
    },
  });
}
