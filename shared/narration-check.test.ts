import { describe, expect, it } from 'vitest';
import { LessonError } from './lesson-error';
import { parseNarration } from './narration-check';

const ok = { on: { type: 'exit' }, text: { es: 'sale con {code}', en: 'exits with {code}' } };

/** The LessonError `steps` gives, as { code, file, step, field, message }. */
function problem(steps: unknown, sources?: { path: string; text: string }[]) {
  try {
    parseNarration(steps, 'mi-leccion/narration.json', sources ? { sources } : {});
  } catch (error) {
    expect(error).toBeInstanceOf(LessonError);
    const e = error as LessonError;
    return { code: e.code, file: e.file, step: e.step, field: e.field, message: e.message };
  }
  throw new Error('the narration was accepted');
}

describe('a narration.json that does not read', () => {
  it('is refused with ERR_OBRA_BAD_LESSON naming the file, the step and the field', () => {
    expect(problem([ok, { on: { type: 'stdot' }, text: ok.text }])).toEqual({
      code: 'ERR_OBRA_BAD_LESSON',
      file: 'mi-leccion/narration.json',
      step: 2,
      field: 'on.type',
      message: expect.stringMatching(/^mi-leccion\/narration\.json, step 2, "on\.type": "stdot" is not an event type \(run-start, .*stdout/),
    });
  });

  it('names what is missing or malformed, field by field', () => {
    expect(problem({})).toMatchObject({ step: undefined, message: expect.stringMatching(/must be an array of steps/) });
    expect(problem([{ text: ok.text }])).toMatchObject({ step: 1, field: 'on' });
    expect(problem([{ on: { type: 'exit' }, text: { es: 'a' } }])).toMatchObject({ step: 1, field: 'text.en', message: expect.stringMatching(/English text/) });
    expect(problem([ok, { ...ok, after: 2 }])).toMatchObject({ step: 2, field: 'after', message: expect.stringMatching(/earlier step \(1 to 1\)/) });
    expect(problem([{ on: { type: 'message', dir: 'recv' }, text: ok.text }])).toMatchObject({ field: 'on.dir' });
    expect(problem([{ ...ok, colour: 'red' }])).toMatchObject({ field: 'colour' });
    expect(problem([{ on: { type: 'call', api: 'system' }, text: ok.text }])).toMatchObject({ field: 'on.api' });
    expect(problem([{ on: { type: 'stdout', text: '(unclosed' }, text: ok.text }])).toMatchObject({ field: 'on.text', message: expect.stringMatching(/not a regular expression/) });
    expect(problem([{ on: { type: 'exit', where: { code: { above: 1 } } }, text: ok.text }])).toMatchObject({ field: 'on.where.code.above' });
    expect(problem([{ on: { type: 'exit', where: { 'error.code': { match: '[' } } }, text: ok.text }])).toMatchObject({ field: 'on.where.error.code.match' });
    expect(problem([{ ...ok, nth: 0 }])).toMatchObject({ field: 'nth' });
    expect(problem([{ ...ok, tally: { type: 'stdout', proc: 'nobody' } }])).toMatchObject({ field: 'tally.proc' });
    expect(problem([{ on: { type: 'exit', child: 1 }, text: ok.text }])).toMatchObject({ field: 'on.child' });
  });

  it('checks placeholders: their form, their unit, and the same ones in both languages', () => {
    expect(problem([{ on: ok.on, text: { es: '{bytes|kb}', en: '{bytes|kb}' } }])).toMatchObject({ field: 'text.es', message: expect.stringMatching(/"kb" is not a unit/) });
    expect(problem([{ on: ok.on, text: { es: '{a b}', en: '{a b}' } }])).toMatchObject({ field: 'text.es' });
    expect(problem([{ on: ok.on, text: { es: 'código {code}', en: 'code {signal}' } }])).toMatchObject({ field: 'text.en', message: expect.stringMatching(/es: \{code\}; en: \{signal\}/) });
  });

  it('checks that a code mark points at a file of the lesson and at text that file holds', () => {
    const sources = [{ path: 'index.js', text: "const { fork } = require('node:child_process');\n" }];
    expect(parseNarration([{ ...ok, code: { file: 'index.js', text: 'require(' } }], 'n.json', { sources })).toHaveLength(1);
    expect(problem([{ ...ok, code: { file: 'worker.js', text: 'x' } }], sources)).toMatchObject({ field: 'code.file', message: expect.stringMatching(/not one of the lesson's files \(index\.js\)/) });
    expect(problem([{ ...ok, code: { file: 'index.js', text: 'spawn(' } }], sources)).toMatchObject({ field: 'code.text', message: expect.stringMatching(/"spawn\(" is not in index\.js/) });
  });
});

describe('a question step (predict, then see)', () => {
  const question = {
    text: { es: '¿Qué recibe el callback?', en: 'What does the callback receive?' },
    choices: [
      { es: 'Todo junto', en: 'All at once' },
      { es: 'Un error', en: 'An error' },
    ],
    answer: 2,
  };

  it('is accepted with its question, two or more choices and the right one', () => {
    expect(parseNarration([{ ...ok, question }])[0].question).toEqual(question);
  });

  it('is refused without choices, with an answer that is no choice, or with a placeholder it could not fill yet', () => {
    expect(problem([{ ...ok, question: { ...question, choices: [question.choices[0]] } }])).toMatchObject({ step: 1, field: 'question.choices' });
    expect(problem([{ ...ok, question: { ...question, answer: 3 } }])).toMatchObject({ field: 'question.answer', message: expect.stringMatching(/1 to 2/) });
    expect(problem([{ ...ok, question: { ...question, choices: [question.choices[0], { es: 'b' }] } }])).toMatchObject({ field: 'question.choices.2.en' });
    expect(problem([{ ...ok, question: { ...question, text: { es: '¿{bytes}?', en: '{bytes}?' } } }])).toMatchObject({ field: 'question.text.es', message: expect.stringMatching(/before its event/) });
  });
});
