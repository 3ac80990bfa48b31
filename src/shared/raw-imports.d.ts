// Vite (app, tests, benchmarks) imports a file's text with `?raw`; the renderer's vite/client
// types declare the same, the Node projects need it said.
declare module '*?raw' {
  const text: string
  export default text
}
