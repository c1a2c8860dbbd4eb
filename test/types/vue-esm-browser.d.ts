// Vue's full browser build (template compiler included, no process.env), which the Vue test loads so
// that templates compile in the browser, has the types of 'vue'.
declare module 'vue/dist/vue.esm-browser.js' {
  export * from 'vue';
}
