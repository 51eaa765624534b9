/** esbuild loads .css imports as text (see scripts/build.ts): the stylesheet of a shadow root. */
declare module '*.css' {
  const css: string;
  export default css;
}
