"use client";

import { useEffect, useRef, useState } from "react";
import { useField } from "@/components/ui/form-context";

interface Colleague {
  id: string;
  name: string;
  departmentName: string | null;
}

/**
 * An accessible combobox over the organisation's directory (/api/directory). The chosen
 * colleague's id travels in a hidden field, with their name so that a refused form shows
 * them again; the server checks the id again.
 */
export function ColleaguePicker({ name }: { name: string }) {
  const field = useField(name);
  const submittedName = useField(`${name}Name`).submitted;
  const id = field.id;
  const errors = field.errors;
  const restored =
    typeof field.submitted === "string" && field.submitted && typeof submittedName === "string"
      ? { id: field.submitted, name: submittedName, departmentName: null }
      : null;
  const [query, setQuery] = useState(restored?.name ?? "");
  const [results, setResults] = useState<Colleague[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [chosen, setChosen] = useState<Colleague | null>(restored);
  const [status, setStatus] = useState("");
  const latest = useRef(0);

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
    setChosen(colleague);
    setQuery(colleague.name);
    setOpen(false);
    setStatus(`${colleague.name} chosen`);
  }

  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  return (
    <div className="relative">
      <label htmlFor={id} className="block text-sm font-medium">
        Colleague
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        Type at least two letters of their name or email, then choose them from the list.
      </p>
      <input type="hidden" name={name} value={chosen?.id ?? ""} />
      <input type="hidden" name={`${name}Name`} value={chosen?.name ?? ""} />
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${id}-option-${active}` : undefined}
        aria-describedby={`${id}-hint${errors?.length ? ` ${errorId}` : ""}`}
        aria-invalid={errors?.length ? true : undefined}
        autoComplete="off"
        value={query}
        onChange={(event) => {
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
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base"
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
      {errors?.length ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
