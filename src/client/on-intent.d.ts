// Provided by src/integrations/on-intent.ts; see ./load-on-intent.ts.
declare module '*?on-intent' {
  /** URL of the module built as a chunk of its own (in `astro dev`, of its source). */
  const url: string;
  export default url;
}
