/** Hostile inputs shared by the test/hostile suites: plans with the exact strings, and a minimal DOCX builder. */
import { writeZip } from '../../scripts/fixtures/zip-writer.js';

/** The exact hostile strings of issue 12. */
export const HYPERLINK = '=HYPERLINK("http://evil.example/x","点击")加强公开';
export const CMD = "=cmd|' /C calc'!A0";
export const SUM = '@SUM(1+1)';
export const ESCAPES = '加强公开\x1b[2J\x1b]0;pwned\x07内容';

/** A small plan whose first task heading, 牵头单位 and 责任单位 are the formula strings, and whose second task carries ESC sequences. */
export function hostilePlan(second = ESCAPES): string {
  return [
    '金昌市2024年政务公开工作要点',
    '',
    '一、深化重点领域信息公开',
    `（一）${HYPERLINK}。做好政策解读工作。（牵头单位：${CMD}；责任单位：${SUM}）`,
    `（二）${second}。持续推进政务公开。（牵头单位：市司法局）`,
    '',
  ].join('\n');
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A DOCX whose body is `bodyXml` (raw WordprocessingML); document.xml stored, so repetitive hostile XML is not mistaken for a zip bomb. */
export function docx(bodyXml: string): Uint8Array {
  return writeZip([
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    { name: 'word/document.xml', store: true, data: `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${bodyXml}</w:body></w:document>` },
  ]);
}

/** One WordprocessingML paragraph. */
export const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`;

/** A plan's paragraphs as DOCX body XML. */
export const planBody = () => ['金昌市2024年政务公开工作要点', '一、深化重点领域信息公开', '（一）做好政策解读工作。（牵头单位：市司法局）'].map(para).join('');

/** The error a promise or function ends in (undefined if none). */
export async function errorOf(run: (() => unknown) | Promise<unknown>): Promise<any> {
  try {
    await (typeof run === 'function' ? run() : run);
  } catch (error) {
    return error;
  }
  return undefined;
}
