// Provided by the Pagefind integration's Vite plugin (src/integrations/pagefind.ts).
declare module 'virtual:follow-through/search-ui' {
  /** URL of the built search UI chunk (ui.ts), or of its source in `astro dev`. */
  const url: string;
  export default url;
}
