import { defineConfig } from 'vitepress';

// The site is built from the packages' TypeScript source (the '@synthkit/source' export condition),
// so the live demos always run the code of this checkout. Dead internal links fail the build.
export default defineConfig({
  title: 'synthkit',
  description:
    'Tabular synthetic data for TypeScript: generators, fidelity and utility evaluation, privacy attacks',
  lang: 'en-US',
  cleanUrls: false,
  lastUpdated: false,
  // No favicon file: an empty data URL keeps browsers from requesting /favicon.ico (a 404).
  head: [['link', { rel: 'icon', href: 'data:,' }]],
  srcExclude: ['architecture.md', 'test/**', 'scripts/**', 'README.md'],
  // One exception, in the plugin guide (docs/guide/plugins.md, not ours to rewrite): its link to the
  // example's folder points outside the docs, where VitePress cannot see it. In the built site it
  // resolves to /examples/synthkit-plugin-cart/, a page generated from the example's README; the
  // docs test checks every built link resolves.
  ignoreDeadLinks: [
    (url: string) => /^(\.\/)?\.\.\/\.\.\/examples\/synthkit-plugin-cart\/(index)?$/.test(url),
  ],
  vite: {
    resolve: { conditions: ['@synthkit/source'] },
    ssr: { resolve: { conditions: ['@synthkit/source'] }, noExternal: [/^@synthkit\//] },
    build: { chunkSizeWarningLimit: 4096 },
    // The live demos' worker loads the Adult sample as a separate chunk, which needs ES module workers.
    worker: { format: 'es' },
    server: { host: '127.0.0.1' },
  },
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/getting-started' },
      { text: 'Generators', link: '/generators/' },
      { text: 'Evaluation', link: '/evaluation/metrics' },
      { text: 'Privacy', link: '/privacy/attacks' },
      { text: 'CLI', link: '/packages/cli' },
      { text: 'API', link: '/api/' },
      { text: 'Benchmarks', link: '/benchmarks' },
    ],
    sidebar: [
      {
        text: 'Guide',
        items: [
          { text: 'Getting started', link: '/guide/getting-started' },
          { text: 'Concepts', link: '/guide/concepts' },
          { text: 'Live demos', link: '/guide/live-demos' },
          { text: 'In the browser', link: '/guide/browser' },
          { text: 'Writing a plugin', link: '/guide/plugins' },
        ],
      },
      {
        text: 'Generators',
        items: [
          { text: 'Choosing one', link: '/generators/' },
          { text: 'Gaussian copula', link: '/generators/copula' },
          { text: 'CTGAN', link: '/generators/ctgan' },
          { text: 'TVAE', link: '/generators/tvae' },
          { text: 'Diffusion (TabDDPM)', link: '/generators/diffusion' },
          { text: 'CART (example plugin)', link: '/generators/cart' },
        ],
      },
      {
        text: 'Evaluation and privacy',
        items: [
          { text: 'Metrics', link: '/evaluation/metrics' },
          { text: 'Privacy attacks', link: '/privacy/attacks' },
        ],
      },
      {
        text: 'Reference',
        items: [
          { text: 'CLI', link: '/packages/cli' },
          { text: 'API (TypeDoc)', link: '/api/' },
          { text: 'Benchmarks', link: '/benchmarks' },
        ],
      },
      {
        text: 'API reference',
        collapsed: true,
        // The modules TypeDoc documents (docs/typedoc.json), one page each.
        items: ['core', 'copula', 'gan', 'vae', 'diffusion', 'evaluate', 'privacy', 'report'].map((name) => ({
          text: `@synthkit/${name}`,
          link: `/api/${name}`,
        })),
      },
      {
        text: 'Packages (READMEs)',
        collapsed: true,
        items: [
          { text: '@synthkit/core', link: '/packages/core' },
          { text: '@synthkit/copula', link: '/packages/copula' },
          { text: '@synthkit/neural', link: '/packages/neural' },
          { text: '@synthkit/gan', link: '/packages/gan' },
          { text: '@synthkit/vae', link: '/packages/vae' },
          { text: '@synthkit/diffusion', link: '/packages/diffusion' },
          { text: '@synthkit/evaluate', link: '/packages/evaluate' },
          { text: '@synthkit/privacy', link: '/packages/privacy' },
          { text: '@synthkit/report', link: '/packages/report' },
          { text: '@synthkit/cli', link: '/packages/cli' },
          { text: 'CART plugin (example)', link: '/examples/synthkit-plugin-cart/' },
        ],
      },
    ],
    search: { provider: 'local' },
    outline: { level: [2, 3] },
  },
});
