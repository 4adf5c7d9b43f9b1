// Settings for @custom-elements-manifest/analyzer (`cem analyze`, and scripts/api-docs.mjs, which runs
// it in-process): custom-elements.json describes <park-map> from its JSDoc and static `properties`.

/**
 * Three corrections to what the analyzer's Lit support reports, so the manifest shows the public API only:
 * - Private and protected members (and `#private` ones) are the class's own business, Lit's
 *   lifecycle overrides included: a published manifest lists what a page can use.
 * - `{ state: true }` entries of `static properties` are internal reactive state, not attributes
 *   (Lit never observes an attribute for them), but the analyzer lists them as attributes.
 * - The analyzer guesses events from `this.dispatchEvent(new SomeEvent(…))`, taking the constructor's
 *   first argument for the event's name (ours is the detail, the name lives in the event class), so it
 *   adds unnamed or misnamed events. The events are the ones the class JSDoc declares with `@fires`.
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
function parkMapLitCorrections() {
  /** @type {Map<string, { states: Set<string>, fires: Set<string> }>} by class name */
  const byClass = new Map();
  return {
    name: 'park-map-lit-corrections',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const states = new Set();
      for (const member of node.members) {
        const isStaticProperties =
          ts.isPropertyDeclaration(member) &&
          member.name.getText() === 'properties' &&
          member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) &&
          member.initializer &&
          ts.isObjectLiteralExpression(member.initializer);
        if (!isStaticProperties) continue;
        for (const property of member.initializer.properties) {
          if (!ts.isPropertyAssignment(property)) continue;
          if (!ts.isObjectLiteralExpression(property.initializer)) continue;
          const isState = property.initializer.properties.some(
            (option) =>
              ts.isPropertyAssignment(option) &&
              option.name.getText() === 'state' &&
              option.initializer.kind === ts.SyntaxKind.TrueKeyword,
          );
          if (isState) states.add(property.name.getText());
        }
      }
      const jsDocText = (node.jsDoc ?? []).map((doc) => doc.getText()).join('\n');
      const fires = new Set(
        [...jsDocText.matchAll(/@(?:fires|event)\s+(?:\{[^}]*\}\s*)?([^\s]+)/g)].map(
          (match) => match[1],
        ),
      );
      byClass.set(node.name.getText(), { states, fires });
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        const found = byClass.get(declaration.name);
        if (declaration.kind !== 'class' || !found) continue;
        if (declaration.attributes) {
          declaration.attributes = declaration.attributes.filter(
            (attribute) => !found.states.has(attribute.fieldName ?? attribute.name),
          );
        }
        declaration.members = (declaration.members ?? []).filter(
          (member) =>
            member.privacy !== 'private' &&
            member.privacy !== 'protected' &&
            !member.name.startsWith('#') &&
            !found.states.has(member.name),
        );
        for (const member of declaration.members) {
          if (!found.states.has(member.name)) continue;
          delete member.attribute;
          delete member.reflects;
        }
        if (declaration.events) {
          declaration.events = declaration.events.filter((event) => found.fires.has(event.name));
        }
      }
    },
  };
}

export default {
  // define.ts gives the tag name (customElements.define); the rest of the API is in park-map.ts.
  globs: ['src/park-map.ts', 'src/define.ts'],
  outdir: '.',
  litelement: true,
  // Leave package.json alone (the analyzer would add a `customElements` field on every run).
  packagejson: false,
  plugins: [parkMapLitCorrections()],
};
