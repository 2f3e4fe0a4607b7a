// The bundle's exports are the package's own (see pdf-lib.ts).
declare module 'pdf-lib/dist/pdf-lib.esm.min.js' {
  export * from 'pdf-lib';
}
