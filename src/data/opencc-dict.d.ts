// Each OpenCC dictionary module exports its entries as one string: "key value|key value|...".
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
