import type { TencentClue } from "./types.js";

/** Tencent test credentials and clues as `QueryClueInfoList` returns them. People are made up. */

export const TENCENT_TEST_SECRET_ID = "AKIDforecourtTEST0000000000000000";
export const TENCENT_TEST_SECRET_KEY = "forecourtTestSecretKey0000000000";

/** A clue with every field Tencent documents, the phone visible, the grade and shop set. */
export const TENCENT_CLUE_CN: TencentClue = {
  DealerId: "1,3,5",
  DealerName: "广州宏达汽车销售服务有限公司",
  ClueId: "1348080105398452226",
  EnquireTime: 1_795_747_333,
  UnionId: "wmpqy2CAAATGwpQTxuU1IUfoiOFH2cXA",
  Name: "阿杰",
  UserName: "陈杰",
  Phone: "13712345678",
  WxId: "chenjie_gz",
  BrandCode: "GAC-AION",
  SeriesCode: "AION-S",
  ModelCode: "AION-S-MAX-2026",
  ProvinceCode: "440000",
  CityCode: "440100",
  SalesName: "李顾问",
  Remark: "想了解置换补贴",
  TagList: ["置换", "高意向"],
  LeadUserType: 0,
  LeadType: 1,
  ChannelId: 12,
  ChannelName: "抖音直播",
  SourceChannelName: "抖音",
  Gender: 1,
  CreateTime: "2026-11-27 10:42:13",
  LeadStatus: 101,
  LevelCode: "H",
  CreateAtTime: 1_795_747_333,
  ArrivalTime: 0,
  OrderTime: 0,
  FollowTime: 1_795_750_000,
  NextFollowTime: 1_795_836_400,
  IsInvalid: 0,
  InvalidType: "",
  ShopId: 1_234_567_890,
  CorpShopId: "S1234",
  ShopName: "埃安广州天河店",
};

/** `count` clues created a minute apart from `firstAt` (Unix seconds; default 2026-11-26T00:00Z). */
export function tencentClues(count: number, firstAt = 1_795_651_200): TencentClue[] {
  return Array.from({ length: count }, (_, n) => ({
    ClueId: String(1_348_080_105_398_452_300n + BigInt(n)),
    UserName: `客户${n + 1}`,
    Phone: `137${String(10_000_000 + n).slice(-8)}`,
    ProvinceCode: "440000",
    EnquireTime: firstAt + n * 60,
    CreateAtTime: firstAt + n * 60,
    LevelCode: "A",
  }));
}
