import { ValidationError, type ValidationIssue } from "../errors.js";
import { parseInput } from "../validate.js";
import {
  type ParsedSurveyResponseInput,
  type SurveyAnswer,
  type SurveyQuestion,
  surveyResponseInputSchema,
} from "./surveys.js";

function throwIssues(what: string, issues: ValidationIssue[]): never {
  const shown = issues
    .slice(0, 5)
    .map((i) => `${i.path}: ${i.message}`)
    .join("; ");
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : "";
  throw new ValidationError(`Invalid ${what}: ${shown}${more}`, issues);
}

function isScore(value: SurveyAnswer, min: number, max: number): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

/** Why an answer does not fit its question, or `undefined` when it does. */
function answerProblem(question: SurveyQuestion, value: SurveyAnswer): string | undefined {
  switch (question.kind) {
    case "nps":
      return isScore(value, 0, 10) ? undefined : "must be a whole number from 0 to 10";
    case "csat":
      return isScore(value, 1, 5) ? undefined : "must be a whole number from 1 to 5";
    case "text":
      if (typeof value !== "string") return "must be text";
      if (value.length > question.maxLength) {
        return `must be at most ${question.maxLength} characters`;
      }
      return undefined;
    case "choice": {
      const picked = typeof value === "string" ? [value] : Array.isArray(value) ? value : undefined;
      if (!picked) return "must be one of the question's options";
      if (Array.isArray(value) && !question.multiple) return "allows only one option";
      if (picked.length === 0) return "must pick at least one option";
      const unknown = picked.find((p) => !question.options.includes(p));
      if (unknown !== undefined) {
        return `"${unknown}" is not an option (options: ${question.options.join(", ")})`;
      }
      if (new Set(picked).size !== picked.length) return "picks the same option twice";
      return undefined;
    }
  }
}

function isBlank(value: SurveyAnswer | undefined): boolean {
  return (
    value === undefined ||
    (typeof value === "string" && value.trim() === "") ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Checks a response against its survey's questions: every required question answered, each
 * answer of its question's kind (nps 0–10, csat 1–5, one of the options, text within its length),
 * no answers to questions the survey does not have. Returns the parsed response or throws a
 * `ValidationError` naming each bad answer as `answers.<key>`.
 */
export function validateSurveyResponse(
  survey: { questions: readonly SurveyQuestion[] },
  response: unknown,
): ParsedSurveyResponseInput {
  const parsed = parseInput(surveyResponseInputSchema, response, "survey response");
  const issues: ValidationIssue[] = [];
  const byKey = new Map(survey.questions.map((q) => [q.key, q]));
  for (const key of Object.keys(parsed.answers)) {
    if (!byKey.has(key)) {
      issues.push({ path: `answers.${key}`, message: "is not a question of this survey" });
    }
  }
  for (const question of survey.questions) {
    const value = parsed.answers[question.key];
    if (isBlank(value)) {
      if (question.required) {
        issues.push({ path: `answers.${question.key}`, message: "is required" });
      }
      continue;
    }
    const problem = answerProblem(question, value as SurveyAnswer);
    if (problem) issues.push({ path: `answers.${question.key}`, message: problem });
  }
  if (issues.length > 0) throwIssues("survey response", issues);
  return parsed;
}

export interface NpsScore {
  /** % promoters − % detractors, from −100 to 100; `null` with no answers. */
  score: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
}

function checkScores(what: string, scores: readonly number[], min: number, max: number): void {
  const issues: ValidationIssue[] = [];
  scores.forEach((s, index) => {
    if (!Number.isInteger(s) || s < min || s > max) {
      issues.push({ path: String(index), message: `must be a whole number from ${min} to ${max}` });
    }
  });
  if (issues.length > 0) throwIssues(what, issues);
}

/** Net Promoter Score of 0–10 answers: promoters answer 9–10, detractors 0–6. */
export function npsScore(scores: readonly number[]): NpsScore {
  checkScores("NPS answers", scores, 0, 10);
  let promoters = 0;
  let detractors = 0;
  for (const s of scores) {
    if (s >= 9) promoters++;
    else if (s <= 6) detractors++;
  }
  const responses = scores.length;
  return {
    score: responses === 0 ? null : ((promoters - detractors) / responses) * 100,
    promoters,
    passives: responses - promoters - detractors,
    detractors,
    responses,
  };
}

export interface CsatScore {
  /** % of answers that are 4 or 5, from 0 to 100; `null` with no answers. */
  score: number | null;
  /** Mean answer from 1 to 5; `null` with no answers. */
  average: number | null;
  satisfied: number;
  responses: number;
}

/** Customer satisfaction of 1–5 answers: the share of satisfied (4–5) answers. */
export function csatScore(scores: readonly number[]): CsatScore {
  checkScores("CSAT answers", scores, 1, 5);
  const responses = scores.length;
  const satisfied = scores.filter((s) => s >= 4).length;
  const sum = scores.reduce((total, s) => total + s, 0);
  return {
    score: responses === 0 ? null : (satisfied / responses) * 100,
    average: responses === 0 ? null : sum / responses,
    satisfied,
    responses,
  };
}
