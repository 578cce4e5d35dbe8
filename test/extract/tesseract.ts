/** Is the system tesseract here with its Chinese data (Debian tesseract-ocr, tesseract-ocr-chi-sim)? Tests that need it skip without. */
import { execFileSync } from 'node:child_process';

export const hasChiSimTesseract = (() => {
  try {
    return /chi_sim/.test(execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch {
    return false;
  }
})();
