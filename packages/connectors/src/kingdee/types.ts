import { z } from "zod";

/**
 * Kingdee K3Cloud WebAPI shapes (`/k3cloud/<service>.common.kdsvc`). Business answers come with
 * HTTP 200 whatever happened: `Result.ResponseStatus.IsSuccess` says whether it worked, `Errors`
 * why not. Login answers carry `LoginResultType` and the session id.
 */

export const kingdeeLoginSchema = z.looseObject({
  Message: z.string().nullish(),
  MessageCode: z.string().nullish(),
  LoginResultType: z.number(),
  KDSVCSessionId: z.string().nullish(),
  Context: z
    .looseObject({ SessionId: z.string().nullish(), UserName: z.string().nullish() })
    .nullish(),
  IsSuccessByAPI: z.boolean().optional(),
});
export type KingdeeLoginResult = z.input<typeof kingdeeLoginSchema>;

const entitySchema = z.looseObject({
  Id: z.union([z.number(), z.string()]).transform(String),
  Number: z.string().nullish(),
  DIndex: z.number().optional(),
});

export const kingdeeResponseStatusSchema = z.looseObject({
  ErrorCode: z.number().optional(),
  IsSuccess: z.boolean(),
  Errors: z
    .array(
      z.looseObject({
        FieldName: z.string().nullish(),
        Message: z.string().nullish(),
        DIndex: z.number().optional(),
      }),
    )
    .default([]),
  SuccessEntitys: z.array(entitySchema).default([]),
  MsgCode: z.number().optional(),
});
export type KingdeeResponseStatus = z.output<typeof kingdeeResponseStatusSchema>;

export const kingdeeResultSchema = z.looseObject({
  Result: z.looseObject({ ResponseStatus: kingdeeResponseStatusSchema }),
});

/** What `Save`, `Submit` and `Audit` answer (and `ExecuteBillQuery` when it fails). */
export interface KingdeeResultBody {
  Result: {
    ResponseStatus: {
      ErrorCode?: number;
      IsSuccess: boolean;
      Errors: { FieldName: string | null; Message: string; DIndex: number }[];
      SuccessEntitys: { Id: number; Number: string; DIndex: number }[];
      SuccessMessages: unknown[];
      MsgCode: number;
    };
    Id?: number | string;
    Number?: string;
    NeedReturnData?: unknown[];
  };
}

/** `ExecuteBillQuery`: rows of the requested field values, or an error result wrapped in rows. */
export type KingdeeQueryBody = (string | number | boolean | null)[][] | [[KingdeeResultBody]];
