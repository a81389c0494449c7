import express, { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * JSON bodies whose integers keep every digit. Meta's ids are 64-bit (a lead id sent as a JSON number, an object id
 * in a JSON body); `JSON.parse` rounds integers beyond 2^53, so a body with a run of 16 or more digits outside a
 * string is parsed again with those integers read as strings, as Meta's servers read them exactly.
 */

const LONG_DIGITS = /\d{16}/;

/** Quotes integer literals of 16 or more digits that stand outside strings; leaves everything else as it was. */
export function quoteLongIntegers(text: string): string {
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      continue;
    }
    if ((char >= '0' && char <= '9') || char === '-') {
      let end = i + 1;
      while (end < text.length && text[end] >= '0' && text[end] <= '9') end++;
      const next = text[end];
      const digits = end - i - (char === '-' ? 1 : 0);
      if (digits >= 16 && next !== '.' && next !== 'e' && next !== 'E') {
        out += `${text.slice(last, i)}"${text.slice(i, end)}"`;
        last = end;
      }
      i = end - 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

type RawRequest = Request & { longIntegerJson?: string };

/** `express.json` plus the exact re-parse for bodies that need it. */
export function jsonBody(limit: string): RequestHandler[] {
  const parse = express.json({
    limit,
    verify: (req, _res, buffer) => {
      const text = buffer.toString('utf8');
      if (LONG_DIGITS.test(text)) (req as RawRequest).longIntegerJson = text;
    },
  });
  const exact = (req: Request, _res: Response, next: NextFunction): void => {
    const raw = (req as RawRequest).longIntegerJson;
    if (raw !== undefined) {
      (req as RawRequest).longIntegerJson = undefined;
      req.body = JSON.parse(quoteLongIntegers(raw));
    }
    next();
  };
  return [parse, exact];
}
