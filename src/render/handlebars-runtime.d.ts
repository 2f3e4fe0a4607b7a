// The runtime's exports are the full package's, less the compiler (see handlebars.ts).
declare module 'handlebars/runtime.js' {
  import Handlebars from 'handlebars';
  export default Handlebars;
}
