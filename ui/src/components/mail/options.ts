// The closed sets the mail forms offer (values of the generated unions, in display order).
import type { Carrier, ExceptionKind, NotifyChannel, ParcelKind } from "../../gen/api";

export const KINDS: ParcelKind[] = [
  "parcel", "letter", "registered", "printed_matter", "newspaper_magazine", "remittance_notice",
];

export const CARRIERS: Carrier[] = [
  "sf_express", "jd_logistics", "yto", "zto", "sto", "yunda", "china_post", "china_ems",
  "cj_logistics", "korea_post", "hanjin", "lotte", "postal",
];

export const CHANNELS: NotifyChannel[] = ["phone", "sms", "wechat", "kakao", "in_person", "notice_board", "other"];

export const EXCEPTIONS: ExceptionKind[] = ["damaged", "misaddressed", "lost"];
