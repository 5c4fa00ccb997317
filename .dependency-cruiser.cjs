// The layer rule, checked by `npm run lint` (docs/architecture.md explains it):
//   shared  ← core ← sumo-free pure logic        (no browser APIs: tsconfig.node.json checks that)
//   shared  ← sumo  (the SumoLogic HTTP client)
//   devtools, panel, background: the browser glue on top; none reaches into another's files.
// "Type-only" imports are allowed downwards into shared's message types: the protocol describes
// the data of the layers above it, but carries no code from them.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'pure-layers-stay-pure',
      comment: 'src/core, src/sumo and src/shared never import the browser glue (panel, devtools, background).',
      severity: 'error',
      from: { path: '^src/(core|sumo|shared)/' },
      to: { path: '^src/(panel|devtools|background)/' },
    },
    {
      name: 'sumo-is-only-the-http-client',
      comment:
        'src/sumo imports nothing from src/core: the query language and search planning live in src/core/search.',
      severity: 'error',
      from: { path: '^src/sumo/' },
      to: { path: '^src/core/' },
    },
    {
      name: 'core-does-not-run-sumo',
      comment: 'src/core never imports the SumoLogic client at runtime.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/sumo/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-is-the-bottom-layer',
      comment: 'src/shared imports no code from above it (types for the protocol only).',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(core|sumo)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'glue-stays-apart',
      comment: 'The devtools page, the panel and the service worker talk through src/shared/protocol.ts only.',
      severity: 'error',
      from: { path: '^src/(panel|devtools|background)/' },
      to: { path: '^src/(panel|devtools|background)/', pathNot: '^src/$1/' },
    },
    {
      name: 'node-glue-stays-out',
      comment:
        'src/cli (the replay-link command) and src/playwright (the fixture) run in Node: nothing else in src imports them.',
      severity: 'error',
      from: { path: '^src/(core|sumo|shared|panel|devtools|background)/' },
      to: { path: '^src/(cli|playwright)/' },
    },
    {
      name: 'node-glue-judges-with-the-core',
      comment: 'The CLI and the fixture reuse src/core, src/sumo and src/shared, never the extension glue.',
      severity: 'error',
      from: { path: '^src/(cli|playwright)/' },
      to: { path: '^src/(panel|devtools|background)/' },
    },
    {
      name: 'no-test-code-in-src',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench|demo|tooling|sumo-server)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js'],
    },
    exclude: { path: '\\.(css|html)$' },
  },
};
