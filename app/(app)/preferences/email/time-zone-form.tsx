import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { timeZoneChoices, timeZoneLabel } from "@/lib/domain/date-words";
import { ownTimeZoneSchema } from "@/lib/services/users/update-own-time-zone";
import { updateOwnTimeZoneAction } from "./actions";

/** The person's own zone, or the organisation's (the empty choice, first). */
export function TimeZoneForm({
  ownTimeZone,
  organisationTimeZone,
}: {
  ownTimeZone: string | null;
  organisationTimeZone: string;
}) {
  return (
    <ActionForm
      action={updateOwnTimeZoneAction}
      schema={ownTimeZoneSchema}
      className="max-w-xl space-y-4"
      idPrefix="zone-"
    >
      <SelectField
        name="timeZone"
        defaultValue={ownTimeZone ?? ""}
        options={[
          {
            value: "",
            label: `The organisation's: ${timeZoneLabel(organisationTimeZone)}`,
          },
          ...timeZoneChoices().map((zone) => ({ value: zone, label: timeZoneLabel(zone) })),
        ]}
        hint="Dates and deadlines are shown in this zone, here and in your emails."
      />
      <SubmitButton pendingLabel="Saving…">Save time zone</SubmitButton>
    </ActionForm>
  );
}
