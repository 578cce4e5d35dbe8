/**
 * Page furniture that survives in text renderings: page numbers such as
 * `— 3 —`, `-3-`, `第3页`, `第 3 页 共 9 页`, `3/9`. Such lines are taken out of
 * the content and kept (with spans) as unplaced text.
 */
const PAGE_NUMBER = /^[\s\u3000]*(?:[—–\-－]{1,2}[\s\u3000]*[0-9０-９]{1,4}[\s\u3000]*[—–\-－]{1,2}|第[\s\u3000]*[0-9０-９]{1,4}[\s\u3000]*页(?:[\s\u3000,，]*共[\s\u3000]*[0-9０-９]{1,4}[\s\u3000]*页)?|[0-9０-９]{1,4}[\s\u3000]*\/[\s\u3000]*[0-9０-９]{1,4})[\s\u3000]*$/;

export function isPageNumber(text: string): boolean {
  return text.length <= 24 && PAGE_NUMBER.test(text);
}
