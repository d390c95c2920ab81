// The ko catalogue: every file of assets/i18n/ko merged into one module (one chunk, loaded
// when the screen shows this language).
const files = import.meta.glob("../../../../assets/i18n/ko/*.json", {
  eager: true,
  import: "default",
}) as Record<string, Record<string, string>>;

const merged: Record<string, string> = {};
for (const part of Object.values(files)) Object.assign(merged, part);
export default merged;
