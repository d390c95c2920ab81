import { describe, expect, it } from "vitest";
import {
  changed, foundActions, last4, matchTone, registerRequest, reportActions, retentionTone, valuableByDefault,
  type IntakeForm, storagePlaceKey,
} from "./lost_found";

const base: IntakeForm = {
  arrival: "staff",
  finder_name: "",
  finder_contact: "",
  finder_staff: "3",
  team_leader: "",
  witness: "",
  found_at: "2026-11-24T02:00:00.000Z",
  found_place: " 大堂 ",
  category: "wallet",
  description: " 黑色钱包 ",
  private_features: "",
  valuable: false,
  storage_location: "柜台抽屉",
};

describe("found-item request per arrival", () => {
  it("a staff find names the staff member, never a finder name or on-site people", () => {
    const r = registerRequest({ ...base, finder_name: "ignored", team_leader: "x", witness: "y" });
    expect(r.finder_staff).toBe(3);
    expect(r.finder_name).toBeUndefined();
    expect(r.team_leader).toBeUndefined();
    expect(r.witness).toBeUndefined();
    expect(r.finder_contact).toBeUndefined();
    expect(r.found_place).toBe("大堂");
    expect(r.description).toBe("黑色钱包");
    expect(r.private_features).toBeUndefined();
    expect(r.valuable).toBe(false);
  });

  it("a visitor gives name and contact, no staff member", () => {
    const r = registerRequest({ ...base, arrival: "visitor", finder_name: " 李雷 ", finder_contact: "138", team_leader: "x" });
    expect(r.finder_name).toBe("李雷");
    expect(r.finder_contact).toBe("138");
    expect(r.finder_staff).toBeUndefined();
    expect(r.team_leader).toBeUndefined();
  });

  it("an on-site find carries team leader and witness (blank ones go to the core to refuse)", () => {
    const r = registerRequest({ ...base, arrival: "on_site", team_leader: " 张 ", witness: "" });
    expect(r.finder_staff).toBe(3);
    expect(r.team_leader).toBe("张");
    expect(r.witness).toBe("");
  });

  it("no staff chosen sends none (the core names the field)", () => {
    expect(registerRequest({ ...base, finder_staff: "" }).finder_staff).toBeUndefined();
  });

  it("keeps private features when typed", () => {
    expect(registerRequest({ ...base, private_features: " 内有照片 " }).private_features).toBe("内有照片");
  });
});

describe("actions by state", () => {
  it("only items in custody can be claimed, handed over or disposed", () => {
    expect([...foundActions("in_custody", "receptionist", "KR")].sort()).toEqual(["amend", "claim", "hand_over"]);
    expect(foundActions("in_custody", "supervisor", "KR").has("dispose")).toBe(true);
    expect(foundActions("in_custody", "admin", "CN").has("notice")).toBe(true);
    expect([...foundActions("claimed", "admin", "CN")]).toEqual(["amend"]);
  });

  it("only open reports can be withdrawn", () => {
    expect(reportActions("open").has("withdraw")).toBe(true);
    expect(reportActions("returned").has("withdraw")).toBe(false);
  });
});

describe("small rules", () => {
  it("valuables by category", () => {
    expect(valuableByDefault("phone")).toBe(true);
    expect(valuableByDefault("cash")).toBe(true);
    expect(valuableByDefault("wallet")).toBe(false);
  });

  it("keeps only the last four characters of an ID number", () => {
    expect(last4("1101 0119 9001 01123x")).toBe("123X");
    expect(last4("12")).toBe("12");
  });

  it("tones", () => {
    expect(matchTone(80)).toBe("high");
    expect(matchTone(50)).toBe("medium");
    expect(matchTone(20)).toBe("low");
    expect(retentionTone(-1)).toBe("overdue");
    expect(retentionTone(0)).toBe("today");
    expect(retentionTone(1)).toBe("soon");
    expect(retentionTone(2)).toBe("soon");
    expect(retentionTone(3)).toBe("ok");
  });

  it("amend sends only what changed; an emptied text clears", () => {
    expect(changed(" 大堂 ", "大堂")).toBeUndefined();
    expect(changed("前台", "大堂")).toBe("前台");
    expect(changed("", "138")).toBe("");
    expect(changed("", null)).toBeUndefined();
  });
});

describe("the remembered storage place", () => {
  it("is kept per counter, never shared between databases (regression: a Korean 금고 on a Chinese counter)", () => {
    const seoul = storagePlaceKey("/srv/desk-seoul.sqlite3");
    const shanghai = storagePlaceKey("/srv/desk-shanghai.sqlite3");
    expect(seoul).not.toBe(shanghai);
    expect(seoul).toContain("/srv/desk-seoul.sqlite3");
    expect(storagePlaceKey("")).toBeNull();
    expect(storagePlaceKey(undefined)).toBeNull();
  });
});
