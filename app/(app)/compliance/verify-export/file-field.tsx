"use client";

import { useField } from "@/components/ui/form-context";

/**
 * A file input tied to its label and error. A browser cannot put a file back into an
 * input, so after a refusal the person chooses it again (the input starts empty).
 */
export function FileField({ name, hint }: { name: string; hint: string }) {
  const field = useField(name);
  const described = [`${field.id}-hint`, field.errors ? `${field.id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div>
      <label htmlFor={field.id} className="block text-sm font-medium text-slate-900">
        {field.label}
      </label>
      <p id={`${field.id}-hint`} className="mt-0.5 text-sm text-slate-600">
        {hint}
      </p>
      {field.errors ? (
        <p id={`${field.id}-error`} className="mt-1 text-sm font-semibold text-red-700">
          {field.errors.join(" ")}
        </p>
      ) : null}
      <input
        id={field.id}
        name={name}
        type="file"
        required
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={described}
        className="mt-1 block w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-400 file:bg-white file:px-3 file:py-2"
      />
    </div>
  );
}
