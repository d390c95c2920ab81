// Print a shift form (handover, checklists) through the shell: saved as PDF in the documents
// folder and opened in the system viewer.
import type { FormKind } from "../../gen/api";
import { shell } from "../../lib/ipc";
import { notify, errorText } from "../../lib/app.svelte";
import { t } from "../../lib/i18n.svelte";

export async function printForm(form: FormKind, target: string): Promise<boolean> {
  try {
    const pdf = await shell.print({ form, target });
    notify(t("ui.printed", { path: pdf.path }));
    return true;
  } catch (e) {
    notify(t("ui.print_failed", { message: errorText(e) }), "error");
    return false;
  }
}
