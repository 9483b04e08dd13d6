import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import { parseInput } from "../validate.js";
import { csatScore, npsScore, validateSurveyResponse } from "./survey-scoring.js";
import { surveyInputSchema } from "./surveys.js";

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => [i.path, i.message]);
  }
  throw new Error("expected a ValidationError");
}

const deliverySurvey = {
  title: "交车满意度调查",
  trigger: "after_delivery",
  questions: [
    { kind: "nps", key: "recommend", text: "您向亲友推荐本店的可能性有多大？" },
    { kind: "csat", key: "delivery", text: "您对交车过程的满意度？" },
    {
      kind: "choice",
      key: "heard_from",
      text: "您从哪里了解到我们？",
      options: ["汽车之家", "懂车帝", "朋友推荐", "其他"],
      multiple: true,
    },
    { kind: "text", key: "comments", text: "其他建议", required: false, maxLength: 200 },
  ],
};

const survey = parseInput(surveyInputSchema, deliverySurvey, "survey input");

const response = {
  surveyId: newId("survey"),
  customerId: newId("customer"),
  submittedAt: "2026-11-28T20:15:00+08:00",
  answers: { recommend: 9, delivery: 4, heard_from: ["懂车帝", "朋友推荐"] },
};

describe("surveyInputSchema", () => {
  it("accepts a questionnaire and fills question defaults", () => {
    expect(survey.questions[0]?.required).toBe(true);
    expect(survey.questions[2]).toMatchObject({ kind: "choice", multiple: true });
  });

  it("rejects duplicate question keys, too few options and unknown kinds", () => {
    expect(
      issuesOf(() =>
        parseInput(
          surveyInputSchema,
          {
            title: "t",
            questions: [
              { kind: "nps", key: "recommend", text: "a" },
              { kind: "nps", key: "recommend", text: "b" },
            ],
          },
          "survey input",
        ),
      ),
    ).toEqual([["questions.1.key", 'key "recommend" is used by an earlier question']]);
    expect(
      issuesOf(() =>
        parseInput(
          surveyInputSchema,
          { title: "t", questions: [{ kind: "choice", key: "q", text: "a", options: ["only"] }] },
          "survey input",
        ),
      ),
    ).toEqual([["questions.0.options", "a choice question needs at least 2 options"]]);
    const [issue] = issuesOf(() =>
      parseInput(
        surveyInputSchema,
        { title: "t", questions: [{ kind: "stars", key: "q", text: "a" }] },
        "survey input",
      ),
    );
    expect(issue?.[0]).toBe("questions.0.kind");
  });

  it("rejects a survey without questions", () => {
    expect(
      issuesOf(() => parseInput(surveyInputSchema, { title: "t", questions: [] }, "survey input")),
    ).toEqual([["questions", "a survey needs at least one question"]]);
  });
});

describe("validateSurveyResponse", () => {
  it("accepts answers that fit their questions", () => {
    expect(validateSurveyResponse(survey, response).answers.recommend).toBe(9);
  });

  it("names each answer that does not fit its question kind", () => {
    const issues = issuesOf(() =>
      validateSurveyResponse(survey, {
        ...response,
        answers: { recommend: 11, delivery: 4.5, heard_from: ["抖音"], comments: "x".repeat(201) },
      }),
    );
    expect(issues).toEqual([
      ["answers.recommend", "must be a whole number from 0 to 10"],
      ["answers.delivery", "must be a whole number from 1 to 5"],
      ["answers.heard_from", '"抖音" is not an option (options: 汽车之家, 懂车帝, 朋友推荐, 其他)'],
      ["answers.comments", "must be at most 200 characters"],
    ]);
  });

  it("requires required questions and refuses answers to unknown questions", () => {
    const issues = issuesOf(() =>
      validateSurveyResponse(survey, {
        ...response,
        answers: { recommend: 10, heard_from: [], price: 5 },
      }),
    );
    expect(issues).toEqual([
      ["answers.price", "is not a question of this survey"],
      ["answers.delivery", "is required"],
      ["answers.heard_from", "is required"],
    ]);
  });

  it("refuses several options for a single-choice question", () => {
    const single = parseInput(
      surveyInputSchema,
      { title: "t", questions: [{ kind: "choice", key: "q", text: "a", options: ["x", "y"] }] },
      "survey input",
    );
    expect(
      issuesOf(() => validateSurveyResponse(single, { ...response, answers: { q: ["x", "y"] } })),
    ).toEqual([["answers.q", "allows only one option"]]);
  });

  it("reports shape errors with the SDK's ValidationError", () => {
    expect(
      issuesOf(() => validateSurveyResponse(survey, { ...response, submittedAt: "yesterday" })),
    ).toEqual([
      [
        "submittedAt",
        "must be an ISO 8601 date-time with an offset, e.g. 2026-11-27T09:30:00+08:00",
      ],
    ]);
  });
});

describe("npsScore and csatScore", () => {
  it("computes NPS as % promoters minus % detractors", () => {
    expect(npsScore([10, 9, 8, 7, 6, 0, 10, 10, 3, 9])).toEqual({
      score: 20,
      promoters: 5,
      passives: 2,
      detractors: 3,
      responses: 10,
    });
    expect(npsScore([]).score).toBeNull();
  });

  it("computes CSAT as % of 4 and 5 answers", () => {
    expect(csatScore([5, 4, 3, 5])).toEqual({
      score: 75,
      average: 4.25,
      satisfied: 3,
      responses: 4,
    });
    expect(csatScore([]).average).toBeNull();
  });

  it("refuses scores outside the scale", () => {
    expect(issuesOf(() => npsScore([9, 11]))).toEqual([
      ["1", "must be a whole number from 0 to 10"],
    ]);
    expect(issuesOf(() => csatScore([0]))).toEqual([["0", "must be a whole number from 1 to 5"]]);
  });

  it("keeps NPS within −100…100 and the counts adding up", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1 }), (scores) => {
        const r = npsScore(scores);
        expect(r.score).toBeGreaterThanOrEqual(-100);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(r.promoters + r.passives + r.detractors).toBe(scores.length);
      }),
    );
  });
});
