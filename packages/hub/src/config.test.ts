import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_PORT, loadConfig } from "./config.js";

const problemsOf = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe("loadConfig", () => {
  it("defaults to the embedded database in ./.forecourt", () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\.forecourt$/);
    expect(config.port).toBe(DEFAULT_PORT);
  });

  it("names every bad variable with what is expected", () => {
    const problems = problemsOf({
      PORT: "eighty",
      DATABASE_URL: "mysql://x",
      LOG_LEVEL: "loud",
      FORECOURT_BODY_LIMIT: "10",
    });
    expect(problems).toHaveLength(4);
    expect(problems.join("\n")).toMatch(/PORT: must be a whole number/);
    expect(problems.join("\n")).toMatch(/DATABASE_URL: must be a URL like postgres:/);
    expect(problems.join("\n")).toMatch(/LOG_LEVEL: must be one of/);
    expect(problems.join("\n")).toMatch(/FORECOURT_BODY_LIMIT/);
  });

  it("refuses a real database without a secret key, and never echoes a secret", () => {
    expect(problemsOf({ DATABASE_URL: "postgres://u@h/db" })[0]).toMatch(
      /FORECOURT_SECRET_KEY: required when DATABASE_URL is set/,
    );
    const problems = problemsOf({ FORECOURT_SECRET_KEY: "short-secret-value" });
    expect(problems[0]).toMatch(/FORECOURT_SECRET_KEY/);
    expect(problems.join("")).not.toContain("short-secret-value");
  });

  it("takes several API processes only with a PostgreSQL server", () => {
    expect(loadConfig({}).apiProcesses).toBe(1);
    const server = { DATABASE_URL: "postgres://u@h/db", FORECOURT_SECRET_KEY: "k".repeat(32) };
    expect(loadConfig({ ...server, FORECOURT_API_PROCESSES: "4" }).apiProcesses).toBe(4);
    expect(problemsOf({ FORECOURT_API_PROCESSES: "2" })).toEqual([
      expect.stringMatching(/^FORECOURT_API_PROCESSES: more than 1 needs DATABASE_URL/),
    ]);
    expect(problemsOf({ ...server, FORECOURT_API_PROCESSES: "0" })).toEqual([
      "FORECOURT_API_PROCESSES: must be at least 1",
    ]);
    expect(problemsOf({ ...server, FORECOURT_API_PROCESSES: "33" })).toEqual([
      "FORECOURT_API_PROCESSES: must be at most 32",
    ]);
    expect(problemsOf({ ...server, FORECOURT_API_PROCESSES: "two" })).toEqual([
      "FORECOURT_API_PROCESSES: must be a whole number",
    ]);
  });

  it("treats empty values as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: " " }).port).toBe(DEFAULT_PORT);
  });
});
