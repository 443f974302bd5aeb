"use client";

import { useEffect, useRef, useState } from "react";
import { useField } from "@/components/ui/form-context";

interface Colleague {
  id: string;
  name: string;
  departmentName: string | null;
}

/**
 * The colleague a concern is about. With a colleague already chosen (a search step
 * without JavaScript, or a refused submission) it shows them with a way to change; with
 * scripts it is an accessible combobox over the directory (/api/directory). The chosen id
 * travels in a hidden field, with the name so that a refused form can show it again; the
 * server checks the id again. Without scripts, the filing page's search step chooses.
 */
export function ColleaguePicker({
  name,
  initial,
  page = "/concerns/new",
}: {
  name: string;
  initial?: Colleague;
  /** The form's page, whose search step chooses another colleague without scripts. */
  page?: string;
}) {
  const field = useField(name);
  const submittedName = useField(`${name}Name`).submitted;
  const restored =
    typeof field.submitted === "string" && field.submitted && typeof submittedName === "string"
      ? { id: field.submitted, name: submittedName, departmentName: null }
      : (initial ?? null);
  const id = field.id;
  const [query, setQuery] = useState(restored?.name ?? "");
  const [results, setResults] = useState<Colleague[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [chosen, setChosen] = useState<Colleague | null>(restored);
  const [status, setStatus] = useState("");
  const latest = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  // Set by the first keystroke or choice the picker itself handles.
  const handled = useRef(false);

  // Letters typed before the page's scripts took over (a slow phone, a busy machine) are
  // in the box but not in the state: React keeps the box's text when it hydrates and sends
  // no change for it. Take them up once, as if typed now, so that the search still runs;
  // never once the picker has handled anything itself (it would undo a choice).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on hydration; afterwards every keystroke arrives through onChange
  useEffect(() => {
    const typed = input.current?.value ?? "";
    if (handled.current || typed === (restored?.name ?? "")) return;
    setChosen(null);
    setQuery(typed);
  }, []);

  useEffect(() => {
    if (chosen || query.trim().length < 2) {
      setResults([]);
      return;
    }
    const request = ++latest.current;
    const timer = setTimeout(async () => {
      const response = await fetch(`/api/directory?q=${encodeURIComponent(query.trim())}`);
      if (request !== latest.current) return;
      const body = response.ok
        ? ((await response.json()) as { results: Colleague[] })
        : { results: [] };
      setResults(body.results);
      setOpen(true);
      setActive(body.results.length ? 0 : -1);
      setStatus(
        body.results.length ? `${body.results.length} colleagues found` : "No colleague found",
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [query, chosen]);

  function choose(colleague: Colleague) {
    handled.current = true;
    setChosen(colleague);
    setQuery(colleague.name);
    setOpen(false);
    setStatus(`${colleague.name} chosen`);
  }

  const listId = `${id}-list`;
  const describedBy = [`${id}-hint`, field.errors ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="relative">
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {field.label}
        <span aria-hidden="true" className="ml-1 font-normal text-slate-600">
          (required)
        </span>
      </label>
      <p id={`${id}-hint`} className="mt-0.5 text-sm text-slate-600">
        {initial && !field.wasSubmitted ? (
          <>
            The colleague you chose.{" "}
            <a href={page} className="underline">
              Choose another
            </a>
            .
          </>
        ) : (
          "Type at least two letters of their name or email, then choose them from the list."
        )}
      </p>
      {field.errors ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-700">
          {field.errors.join(" ")}
        </p>
      ) : null}
      <input type="hidden" name={name} value={chosen?.id ?? ""} />
      <input type="hidden" name={`${name}Name`} value={chosen?.name ?? ""} />
      <input
        ref={input}
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${id}-option-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={field.errors ? true : undefined}
        aria-required
        autoComplete="off"
        value={query}
        onChange={(event) => {
          handled.current = true;
          setChosen(null);
          setQuery(event.target.value);
        }}
        onKeyDown={(event) => {
          if (!open || results.length === 0) return;
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setActive((i) => (i + 1) % results.length);
          } else if (event.key === "ArrowUp") {
            event.preventDefault();
            setActive((i) => (i - 1 + results.length) % results.length);
          } else if (event.key === "Enter" && active >= 0) {
            event.preventDefault();
            choose(results[active]!);
          } else if (event.key === "Escape") {
            setOpen(false);
          }
        }}
        className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700"
      />
      {open && results.length > 0 ? (
        <div
          id={listId}
          role="listbox"
          className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-300 bg-white shadow"
        >
          {results.map((colleague, index) => (
            <div
              key={colleague.id}
              tabIndex={-1}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(colleague);
              }}
              className={`cursor-pointer px-3 py-2 ${index === active ? "bg-brand-50" : ""}`}
            >
              {colleague.name}
              {colleague.departmentName ? (
                <span className="text-slate-600"> · {colleague.departmentName}</span>
              ) : null}
            </div>
          ))}
        </div>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {status}
      </p>
    </div>
  );
}
