// pdfjs-dist ships no types for its worker module; gongwen only hands it to pdfjs.
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
