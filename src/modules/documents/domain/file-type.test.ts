import { describe, expect, it } from 'vitest';
import { SAMPLE_PDF, SAMPLE_PNG } from '../web/multipart-test-support.ts';
import { detectFileType } from './file-type.ts';
import { checkUpload, cleanFileName, describeSize } from './upload-rules.ts';

const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....word/document.xml....')]);
const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....xl/workbook.xml....')]);
const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);

describe('file types by their bytes', () => {
  it.each([
    ['report.pdf', SAMPLE_PDF, 'pdf'],
    ['photo.png', SAMPLE_PNG, 'png'],
    ['photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'jpeg'],
    ['report.docx', docx, 'docx'],
    ['report.doc', ole, 'doc'],
    // The name does not decide: a PDF called .docx is a PDF.
    ['renamed.docx', SAMPLE_PDF, 'pdf'],
  ])('%s is %s', (name, data, type) => expect(detectFileType(data, name)).toBe(type));

  it.each([
    ['script.pdf', Buffer.from('#!/bin/sh\necho hello')],
    ['sheet.docx', xlsx],
    ['sheet.xls', ole],
    ['page.html', Buffer.from('<html><script>alert(1)</script></html>')],
  ])('refuses %s', (name, data) => expect(detectFileType(data, name)).toBeUndefined());
});

describe('upload checks', () => {
  const max = 1024;
  it('asks for a file when none was chosen', () => expect(checkUpload({ fileName: '', data: Buffer.alloc(0), truncated: false }, max)).toEqual({ ok: false, message: 'Select a file' }));
  it('refuses an empty file', () => expect(checkUpload({ fileName: 'a.pdf', data: Buffer.alloc(0), truncated: false }, max)).toEqual({ ok: false, message: 'The selected file is empty' }));
  it('refuses a file over the limit with the limit in GOV.UK style', () => {
    expect(checkUpload({ fileName: 'a.pdf', data: SAMPLE_PDF, truncated: true }, 10 * 1024 * 1024)).toEqual({ ok: false, message: 'The selected file must be smaller than 10MB' });
  });
  it('refuses the wrong type with the GOV.UK message', () => {
    expect(checkUpload({ fileName: 'a.exe', data: Buffer.from('MZ....'), truncated: false }, max)).toEqual({ ok: false, message: 'The selected file must be a PDF, Word document, JPG or PNG' });
  });
  it('accepts a PDF and cleans its name', () => expect(checkUpload({ fileName: 'C:\\Users\\me\\"report".pdf', data: SAMPLE_PDF, truncated: false }, max)).toEqual({ ok: true, type: 'pdf', fileName: 'report.pdf' }));
  it('describes sizes', () => {
    expect(describeSize(10 * 1024 * 1024)).toBe('10MB');
    expect(describeSize(512 * 1024)).toBe('512KB');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
  });
});
