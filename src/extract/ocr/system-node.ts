/**
 * The system `tesseract` binary as an OCR engine (Debian: tesseract-ocr and
 * tesseract-ocr-chi-sim). The page image goes in on stdin, TSV comes out on
 * stdout; nothing touches the network. The browser build swaps this module
 * for system-browser.ts.
 */
import { spawn } from 'node:child_process';
import { ErrorCode, GongwenError } from '../../errors.js';
import { parseTesseractTsv } from './tsv.js';
import type { OcrEngine } from './types.js';

export function systemTesseract(options: { langPath?: string; psm: number; binary?: string }): OcrEngine {
  const binary = options.binary ?? 'tesseract';
  return {
    name: 'tesseract',
    recognize(image, { lang, timeoutMs }) {
      const args = ['stdin', 'stdout', '-l', lang, '--psm', String(options.psm), '--dpi', String(Math.round(image.dpi))];
      if (options.langPath) args.push('--tessdata-dir', options.langPath);
      args.push('tsv');
      return new Promise((resolve, reject) => {
        // OMP_THREAD_LIMIT=1: tesseract's own threads only fight the caller's parallelism.
        const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, OMP_THREAD_LIMIT: process.env.OMP_THREAD_LIMIT ?? '1' } });
        const out: Buffer[] = [];
        let err = '';
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new GongwenError(ErrorCode.OCR_FAILED, `OCR timed out after ${timeoutMs} ms on one page.`, { details: { timeoutMs } }));
        }, timeoutMs);
        child.stdout.on('data', (d: Buffer) => out.push(d));
        child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
        child.on('error', (e: NodeJS.ErrnoException) => {
          clearTimeout(timer);
          reject(
            e.code === 'ENOENT'
              ? new GongwenError(ErrorCode.OCR_UNAVAILABLE, `OCR needs the \`${binary}\` program, which is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-chi-sim).`, { cause: e })
              : new GongwenError(ErrorCode.OCR_FAILED, `Could not run ${binary}: ${e.message}`, { cause: e }),
          );
        });
        child.on('close', (code) => {
          clearTimeout(timer);
          if (code === 0) return resolve(parseTesseractTsv(Buffer.concat(out).toString('utf8')));
          const missingLang = /Failed loading language|Error opening data file/i.test(err);
          reject(
            missingLang
              ? new GongwenError(ErrorCode.OCR_UNAVAILABLE, `Tesseract has no “${lang}” language data (Debian: apt-get install tesseract-ocr-chi-sim, or pass ocr.langPath).`, { details: { lang } })
              : new GongwenError(ErrorCode.OCR_FAILED, `Tesseract failed (exit ${code}): ${err.trim().split('\n').pop() ?? ''}`, { details: { exitCode: code } }),
          );
        });
        child.stdin.on('error', () => undefined); // a child that died early: reported by 'close'
        child.stdin.end(Buffer.from(image.png.buffer, image.png.byteOffset, image.png.byteLength));
      });
    },
  };
}
