import { z } from "zod";
import { LEAD_FIELD_TARGETS } from "../lead-fields.js";

/**
 * Which lead field each column fills: headers in Chinese or English recognised by name (after
 * folding case, spaces, punctuation and notes such as "（必填）"), a connection's or caller's
 * `columns` map first. Columns nobody recognises are kept as attributes.
 */

export const CSV_COLUMN_TARGETS = [...LEAD_FIELD_TARGETS, "source", "occurredAt"] as const;
export const csvColumnTargetSchema = z.enum(CSV_COLUMN_TARGETS);
export type CsvColumnTarget = z.infer<typeof csvColumnTargetSchema>;

/** Header → target, by the header as written or folded. */
export const csvColumnsSchema = z.record(z.string().min(1).max(200), csvColumnTargetSchema);

/** Header names people and exports use, folded (see `foldHeader`). */
export const CSV_HEADER_ALIASES: Readonly<Record<string, CsvColumnTarget>> = {
  姓名: "name",
  客户姓名: "name",
  客户名称: "name",
  名字: "name",
  联系人: "name",
  称呼: "name",
  name: "name",
  fullname: "name",
  customername: "name",
  contactname: "name",
  名: "firstName",
  firstname: "firstName",
  givenname: "firstName",
  姓: "lastName",
  lastname: "lastName",
  surname: "lastName",
  familyname: "lastName",
  手机: "phone",
  手机号: "phone",
  手机号码: "phone",
  电话: "phone",
  电话号码: "phone",
  联系电话: "phone",
  联系方式: "phone",
  mobile: "phone",
  mobilephone: "phone",
  phone: "phone",
  phonenumber: "phone",
  tel: "phone",
  telephone: "phone",
  cellphone: "phone",
  邮箱: "email",
  电子邮箱: "email",
  电子邮件: "email",
  邮件: "email",
  email: "email",
  emailaddress: "email",
  mail: "email",
  微信: "wechat",
  微信号: "wechat",
  wechat: "wechat",
  wechatid: "wechat",
  weixin: "wechat",
  省份: "region",
  省: "region",
  所在省份: "region",
  province: "region",
  region: "region",
  state: "region",
  城市: "city",
  市: "city",
  所在城市: "city",
  city: "city",
  公司: "companyName",
  公司名称: "companyName",
  单位: "companyName",
  企业: "companyName",
  企业名称: "companyName",
  company: "companyName",
  companyname: "companyName",
  organization: "companyName",
  品牌: "brand",
  意向品牌: "brand",
  brand: "brand",
  make: "brand",
  车系: "series",
  意向车系: "series",
  series: "series",
  车型: "model",
  意向车型: "model",
  model: "model",
  配置: "trim",
  版本: "trim",
  trim: "trim",
  年款: "year",
  年份: "year",
  year: "year",
  modelyear: "year",
  车架号: "vin",
  vin: "vin",
  车况: "condition",
  新旧: "condition",
  condition: "condition",
  备注: "message",
  留言: "message",
  需求: "message",
  说明: "message",
  remark: "message",
  remarks: "message",
  note: "message",
  notes: "message",
  comment: "message",
  comments: "message",
  message: "message",
  来源: "source",
  线索来源: "source",
  渠道: "source",
  source: "source",
  leadsource: "source",
  时间: "occurredAt",
  日期: "occurredAt",
  留资时间: "occurredAt",
  登记时间: "occurredAt",
  创建时间: "occurredAt",
  date: "occurredAt",
  time: "occurredAt",
  createdat: "occurredAt",
  createtime: "occurredAt",
};

/** A header folded for matching: case, spaces, `_-*.:`, BOM and bracketed notes removed. */
export function foldHeader(header: string): string {
  return header
    .replace(/^\ufeff/, "")
    .replace(/[(（][^)）]*[)）]/g, "")
    .toLowerCase()
    .replace(/[\s\u3000_\-*.:：]+/g, "");
}

/** The target of each header (`undefined`: kept as an attribute). */
export function resolveColumns(
  headers: readonly string[],
  overrides: Readonly<Record<string, CsvColumnTarget>> = {},
): (CsvColumnTarget | undefined)[] {
  const folded = new Map(
    Object.entries(overrides).map(([key, target]) => [foldHeader(key), target]),
  );
  return headers.map(
    (header) =>
      overrides[header] ?? folded.get(foldHeader(header)) ?? CSV_HEADER_ALIASES[foldHeader(header)],
  );
}
