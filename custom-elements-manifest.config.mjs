// `cem analyze --config custom-elements-manifest.config.mjs` (part of `npm run build`) writes
// custom-elements.json, the manifest editors, Storybook and other tools read. It ships in the
// package; test/node/manifest.test.mjs checks README's reference tables against it.
export default {
  globs: ['src/components/**/*.element.ts', 'src/components/shared/news-element.ts'],
  exclude: ['**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // The analyzer reads `static properties` but not `state: true`: internal (private) state is
      // no attribute.
      name: 'no-attributes-for-private-state',
      packageLinkPhase({ customElementsManifest }) {
        for (const declaration of customElementsManifest.modules.flatMap((mod) => mod.declarations ?? [])) {
          const internal = new Set((declaration.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected').map((m) => m.name));
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !internal.has(a.fieldName));
          for (const member of declaration.members ?? []) if (internal.has(member.name)) delete member.attribute;
        }
      },
    },
    {
      // A tag is registered by the module named after it (news-widgets/recent-posts, /featured-story),
      // which calls the class's own `define()`: the analyzer only recognizes `customElements.define()`.
      // Tools find the module to import for a tag by its `custom-element-definition` export.
      name: 'tag-definitions',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of [...customElementsManifest.modules]) {
          for (const { name, tagName } of (mod.declarations ?? []).filter((declaration) => declaration.tagName)) {
            const declaration = { name, module: mod.path };
            customElementsManifest.modules.push({
              kind: 'javascript-module',
              path: mod.path.replace(/[^/]+$/, `${tagName}.ts`),
              declarations: [],
              exports: [
                { kind: 'js', name, declaration },
                { kind: 'custom-element-definition', name: tagName, declaration },
              ],
            });
          }
        }
      },
    },
    {
      // The package ships dist/lib/**/*.js, not src/**/*.ts: point every module path there.
      name: 'paths-in-the-package',
      packageLinkPhase({ customElementsManifest }) {
        const rewrite = (value) => {
          if (typeof value === 'string') return value.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/lib/$1.js');
          if (Array.isArray(value)) return value.map(rewrite);
          if (value && typeof value === 'object') {
            for (const key of Object.keys(value)) if (key === 'path' || key === 'module' || typeof value[key] === 'object') value[key] = rewrite(value[key]);
          }
          return value;
        };
        rewrite(customElementsManifest);
      },
    },
  ],
};
